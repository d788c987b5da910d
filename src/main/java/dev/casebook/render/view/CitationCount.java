package dev.casebook.render.view;

/** A write-up with how many other write-ups cite it. */
public record CitationCount(IncidentView incident, int count) {}
