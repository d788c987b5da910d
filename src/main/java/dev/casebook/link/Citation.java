package dev.casebook.link;

import dev.casebook.diag.SourcePosition;

/** One write-up citing another: through {@code related} or a link in its body. */
public record Citation(String from, String to, Kind kind, SourcePosition position) {
  public enum Kind {
    RELATED,
    LINK
  }
}
