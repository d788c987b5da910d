package dev.casebook.render.view;

import java.util.List;

/**
 * What {@code citations.ftlh} sees: which write-ups later work cites.
 *
 * @param mostCited the most cited write-ups, most first
 * @param uncited the first of the write-ups nobody cites
 * @param uncitedCount how many write-ups nobody cites
 */
public record CitationsPage(PageContext context, List<CitationCount> mostCited, List<IncidentView> uncited, int uncitedCount,
    int citationCount, int codeCitationCount, LibraryView library) implements PageModel {}
