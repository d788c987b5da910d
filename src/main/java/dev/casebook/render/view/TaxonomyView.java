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
 * @param popular the {@link #POPULAR} terms with the most write-ups, in the order of {@code terms}:
 *     what a term's page offers as the other terms, so that pages do not grow with the number of terms
 */
public record TaxonomyView(String key, String title, String singular, String url, List<TermView> terms, List<TermView> popular) {
  public static final int POPULAR = 31;
}
