package dev.casebook.render.view;

/**
 * A reading path as lists show it.
 *
 * @param url site-relative URL of its page: {@code paths/<slug>/}
 * @param audience who it is for
 * @param steps how many steps it has
 */
public record PathView(String slug, String title, String url, String audience, int steps) {}
