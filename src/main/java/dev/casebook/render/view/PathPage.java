package dev.casebook.render.view;

import java.util.List;

/**
 * What {@code path.ftlh} sees: a reading path's page.
 *
 * @param content its introduction
 * @param steps in reading order
 */
public record PathPage(PageContext context, PathView path, ContentView content, List<PathStepView> steps)
    implements PageModel {}
