package dev.casebook.render.view;

import java.util.List;

/**
 * One value of a taxonomy (a service, a team, a tag, a year) with how many write-ups have it.
 *
 * @param url site-relative URL of its page, e.g. {@code services/checkout/}
 * @param description from the catalog, else from the vocabulary in casebook.yml, or empty
 * @param catalog what the catalog says of a service or team, or null
 */
public record TermView(String name, String slug, String url, String description, int count, Catalog catalog) {

  public TermView(String name, String slug, String url, String description, int count) {
    this(name, slug, url, description, count, null);
  }

  /**
   * A service's or team's catalog entry.
   *
   * @param title its display name, or empty
   * @param owner the owning team, or null; its URL is empty when the team has no page
   * @param links its runbook, repository, dashboard and other links (absolute http(s) URLs)
   */
  public record Catalog(String title, Link owner, List<Link> links) {}
}
