package dev.casebook.render.view;

/**
 * A write-up with how often it is cited.
 *
 * @param count everything that cites it: write-ups, design documents and places in code
 * @param writeUps the write-ups that cite it
 * @param designs the design documents that cite it
 * @param code the comments in code that cite it
 */
public record CitationCount(IncidentView incident, int count, int writeUps, int designs, int code) {}
