package dev.casebook.render.view;

import java.util.List;

/**
 * A way to browse: services, teams, tags or years.
 *
 * @param key {@code services}, {@code teams}, {@code tags} or {@code years}
 * @param title e.g. {@code Services}
 * @param singular e.g. {@code service}
 * @param url site-relative URL of its index page, e.g. {@code services/}
 * @param terms sorted: years newest first, the others by name
 */
public record TaxonomyView(String key, String title, String singular, String url, List<TermView> terms) {}
