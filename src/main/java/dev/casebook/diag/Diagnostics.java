package dev.casebook.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one run. Stages add to it and go on, so a single run reports
 * every problem in the library; the pipeline stops at a stage boundary when there are errors.
 * Safe to use from several threads.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();
  private boolean strict;

  public synchronized void add(Diagnostic d) {
    items.add(strict ? asError(d) : d);
  }

  /**
   * From now on, and for those already reported, warnings are errors ({@code strict: true}).
   * Hints and notes stay as they are.
   */
  public synchronized void warningsAreErrors() {
    strict = true;
    items.replaceAll(Diagnostics::asError);
  }

  private static Diagnostic asError(Diagnostic d) {
    return d.severity() != Severity.WARNING ? d : new Diagnostic(Severity.ERROR, d.position(), d.message(),
        d.hint() == null ? "strict: true makes warnings errors" : d.hint() + "; strict: true makes warnings errors");
  }

  public void error(SourcePosition at, String message) {
    add(Diagnostic.error(at, message));
  }

  public void error(SourcePosition at, String message, String hint) {
    add(Diagnostic.error(at, message, hint));
  }

  public void warning(SourcePosition at, String message) {
    add(Diagnostic.warning(at, message));
  }

  public void warning(SourcePosition at, String message, String hint) {
    add(new Diagnostic(Severity.WARNING, at, message, hint));
  }

  public void addAll(List<Diagnostic> more) {
    if (more.isEmpty()) return;
    synchronized (this) {
      for (Diagnostic d : more) add(d);
    }
  }

  public synchronized boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public synchronized long errorCount() {
    return items.stream().filter(Diagnostic::isError).count();
  }

  public synchronized long warningCount() {
    return items.stream().filter(d -> d.severity() == Severity.WARNING).count();
  }

  public void note(SourcePosition at, String message, String hint) {
    add(Diagnostic.note(at, message, hint));
  }

  /** All diagnostics, sorted by file, line and column, without duplicates. */
  public synchronized List<Diagnostic> sorted() {
    return items.stream().distinct().sorted(Diagnostic.ORDER).toList();
  }
}
