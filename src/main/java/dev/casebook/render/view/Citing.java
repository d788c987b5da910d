package dev.casebook.render.view;

/**
 * A write-up that cites the one being shown.
 *
 * @param context the sentence that cites it, or empty when it is cited through {@code related}
 */
public record Citing(IncidentView incident, String context) {}
