package dev.casebook.render.view;

import java.util.List;

/** What {@code paths.ftlh} sees: the list of reading paths, at {@code /paths/}. */
public record PathsPage(PageContext context, List<PathView> paths) implements PageModel {}
