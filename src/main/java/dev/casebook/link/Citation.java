package dev.casebook.link;

import dev.casebook.diag.SourcePosition;

/**
 * One write-up citing another: through {@code related}, or a link or a plain mention of its id in
 * the body.
 *
 * @param context the sentence the citation stands in, or empty for {@code related}
 */
public record Citation(String from, String to, Kind kind, SourcePosition position, String context) {
  public enum Kind {
    RELATED,
    LINK
  }
}
