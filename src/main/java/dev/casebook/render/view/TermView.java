package dev.casebook.render.view;

/**
 * One value of a taxonomy (a service, a team, a tag, a year) with how many write-ups have it.
 *
 * @param url site-relative URL of its page, e.g. {@code services/checkout/}
 * @param description from the vocabulary in casebook.yml, or empty
 */
public record TermView(String name, String slug, String url, String description, int count) {}
