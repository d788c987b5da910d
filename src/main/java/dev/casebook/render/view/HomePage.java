package dev.casebook.render.view;

import java.util.List;

/**
 * What {@code index.ftlh} sees: the home page.
 *
 * @param paths the reading paths, for "Start here"
 * @param mostCited the most cited write-ups, most first, for "Most cited" beside the recent ones
 */
public record HomePage(PageContext context, List<IncidentView> recent, List<IncidentView> nearMisses, TaxonomyView years,
    LibraryView library, List<PathView> paths,
    List<CitationCount> mostCited) implements PageModel {}
