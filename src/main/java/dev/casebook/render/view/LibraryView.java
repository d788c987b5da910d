package dev.casebook.render.view;

import java.util.List;

/**
 * The library's figures and terms, as the listing pages see it ({@code library}): the home page,
 * the table of write-ups, the browse pages, search, design documents, citations, learning and 404.
 * Write-up and design document pages do not get it, so adding a write-up does not change them.
 *
 * @param taxonomies services, teams, tags and years with their terms and counts
 */
public record LibraryView(int incidentCount, int nearMissCount, int designDocCount, List<TaxonomyView> taxonomies) {}
