package dev.casebook.diag;

import java.util.Comparator;

/** One problem found in a library, pointing at the file and line that causes it. */
public record Diagnostic(Severity severity, SourcePosition position, String message, String hint) {

  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::position)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    if (hint != null && hint.isBlank()) hint = null;
  }

  public static Diagnostic error(SourcePosition at, String message) {
    return new Diagnostic(Severity.ERROR, at, message, null);
  }

  public static Diagnostic error(SourcePosition at, String message, String hint) {
    return new Diagnostic(Severity.ERROR, at, message, hint);
  }

  public static Diagnostic warning(SourcePosition at, String message) {
    return new Diagnostic(Severity.WARNING, at, message, null);
  }

  /** A writing hint: {@code hint} here is the better way to say it. */
  public static Diagnostic hint(SourcePosition at, String message, String hint) {
    return new Diagnostic(Severity.HINT, at, message, hint);
  }

  public boolean isHint() {
    return severity == Severity.HINT;
  }

  public boolean isNote() {
    return severity == Severity.NOTE;
  }

  public static Diagnostic note(SourcePosition at, String message, String hint) {
    return new Diagnostic(Severity.NOTE, at, message, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The message with its hint in parentheses, as printed on one line. */
  public String fullMessage() {
    return hint == null ? message : message + " (" + hint + ")";
  }

  /**
   * {@code path:line:col: error: message (hint)} on one line: line breaks quoted from a library
   * file are shown as {@code \n} and {@code \r}.
   */
  @Override
  public String toString() {
    String text = fullMessage().replace("\r", "\\r").replace("\n", "\\n");
    return position + ": " + severity.label() + ": " + text;
  }
}
