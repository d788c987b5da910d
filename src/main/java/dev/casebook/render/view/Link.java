package dev.casebook.render.view;

/**
 * A name and the site-relative URL of its page (e.g. {@code services/checkout/}).
 *
 * @param title what a pointer over the link shows (a service's or team's description), or empty
 */
public record Link(String name, String url, String title) {
  public Link(String name, String url) {
    this(name, url, "");
  }
}
