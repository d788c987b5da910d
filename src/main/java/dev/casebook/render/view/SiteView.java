package dev.casebook.render.view;

import java.util.List;

/**
 * The site as every template sees it, as {@code site}.
 *
 * @param baseUrl absolute URL ending in {@code /}, or empty when the library sets none
 * @param generator e.g. {@code Casebook 0.1.0}
 * @param taxonomies services, teams, tags and years, for navigation
 * @param feedUrl site-relative URL of the Atom feed
 * @param designDocCount how many design documents the site has (0 hides their section)
 */
public record SiteView(
    String title,
    String description,
    String baseUrl,
    String language,
    String generator,
    int incidentCount,
    int nearMissCount,
    List<TaxonomyView> taxonomies,
    String feedUrl,
    int designDocCount,
    boolean learning) {}
