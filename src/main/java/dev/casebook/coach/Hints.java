package dev.casebook.coach;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Severity;
import dev.casebook.diag.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/** The hints found in one write-up, each naming its rule. */
final class Hints {
  private final List<Diagnostic> found = new ArrayList<>();

  /**
   * A hint of {@code rule}: {@code message} says what is wrong in one line, {@code better} the
   * better way to say it. With {@code asError} (the library asked for it) it is an error.
   */
  void add(String rule, boolean asError, SourcePosition at, String message, String better) {
    add(rule, Severity.HINT, asError, at, message, better);
  }

  /** As {@link #add}, at {@code severity} (a rule's mildest advice is a note) unless {@code asError}. */
  void add(String rule, Severity severity, boolean asError, SourcePosition at, String message, String better) {
    found.add(new Diagnostic(asError ? Severity.ERROR : severity, at, rule + ": " + message, better));
  }

  List<Diagnostic> list() {
    return List.copyOf(found);
  }
}
