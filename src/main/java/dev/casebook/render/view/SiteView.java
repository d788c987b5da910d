package dev.casebook.render.view;

import java.util.List;

/**
 * The site as every template sees it, as {@code site}: what the layout of every page needs, and
 * nothing that changes when a write-up is added or edited (those figures are in
 * {@link LibraryView}, on the listing pages).
 *
 * @param baseUrl absolute URL ending in {@code /}, or empty when the library sets none
 * @param generator e.g. {@code Casebook 0.1.0}
 * @param taxonomies services, teams, tags and years, for navigation
 * @param feedUrl site-relative URL of the Atom feed
 * @param designDocs whether the site has design documents (false hides their section)
 * @param learning whether the site has a Learning page
 * @param glossary whether the site has a glossary page
 * @param paths whether the site has reading paths (false leaves them out of the navigation)
 */
public record SiteView(
    String title,
    String description,
    String baseUrl,
    String language,
    String generator,
    List<TaxonomyLink> taxonomies,
    String feedUrl,
    boolean designDocs,
    boolean learning,
    boolean glossary,
    boolean paths) {}
