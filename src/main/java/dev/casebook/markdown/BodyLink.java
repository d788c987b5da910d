package dev.casebook.markdown;

/**
 * A link or image destination written in a body, with its line and column in the body
 * (1-based; add the body's first line to get the file line) and the sentence it stands in.
 */
public record BodyLink(String destination, int line, int column, boolean image, String context) {}
