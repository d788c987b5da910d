package dev.casebook.render.view;

/**
 * A derived duration for templates.
 *
 * @param label human-readable, e.g. {@code 1 h 47 min}
 * @param minutes whole minutes, for sorting
 * @param iso ISO-8601 duration, for {@code <time datetime>}
 */
public record Span(String label, long minutes, String iso) {}
