package dev.casebook.render.view;

import java.util.List;

/**
 * What {@code index.ftlh} sees: the home page.
 *
 * @param paths the reading paths, for "Start here"
 */
public record HomePage(PageContext context, List<IncidentView> recent, List<IncidentView> nearMisses, TaxonomyView years,
    LibraryView library, List<PathView> paths) implements PageModel {}
