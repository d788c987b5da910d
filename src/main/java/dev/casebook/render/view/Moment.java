package dev.casebook.render.view;

/**
 * A point in time for templates.
 *
 * @param iso ISO-8601 instant, for {@code <time datetime>}
 * @param label human-readable in the library's time zone, e.g. {@code 5 Mar 2024, 14:02 UTC}
 * @param time the time of day alone, e.g. {@code 14:02}
 */
public record Moment(String iso, String label, String time) {}
