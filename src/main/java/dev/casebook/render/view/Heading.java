package dev.casebook.render.view;

/** A heading of a write-up's body, for the table of contents: level 2..6, its anchor id, its text. */
public record Heading(int level, String id, String text) {}
