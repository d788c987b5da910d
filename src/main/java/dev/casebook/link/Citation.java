package dev.casebook.link;

import dev.casebook.diag.SourcePosition;

/**
 * A write-up cited by another (through {@code related}, or a link or a plain mention of its id in
 * the body), by a design document or by a comment in code.
 *
 * @param context the sentence the citation stands in, or empty for {@code related}
 */
public record Citation(String from, String to, Kind kind, SourcePosition position, String context) {
  public enum Kind {
    RELATED,
    LINK,
    /** From a design document ({@code from} is {@code design/<slug>}). */
    DESIGN,
    /** From a comment in code ({@code from} is {@code code:<repo>/<path>#L<line>}, the context its text). */
    CODE
  }
}
