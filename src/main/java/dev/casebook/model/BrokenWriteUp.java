package dev.casebook.model;

import dev.casebook.diag.SourcePosition;

/**
 * A write-up that is not in the library because it has errors, but whose id is still legible: an
 * id others may cite without being told that it is unknown.
 *
 * @param id the id as its front matter writes it
 * @param at where the id is written
 * @param error the first error of its file, where the citing write-ups are pointed
 */
public record BrokenWriteUp(String id, SourcePosition at, SourcePosition error) {}
