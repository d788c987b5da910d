package dev.casebook.render.view;

/**
 * A way to browse, for navigation: what every page shows of it, without its terms.
 *
 * @param key {@code services}, {@code teams}, {@code tags} or {@code years}
 * @param url site-relative URL of its index page, e.g. {@code services/}
 */
public record TaxonomyLink(String key, String title, String singular, String url) {}
