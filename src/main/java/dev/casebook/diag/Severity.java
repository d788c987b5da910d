package dev.casebook.diag;

/**
 * How serious a diagnostic is. Errors fail {@code check} and stop {@code build}. Hints are the
 * writing coach's advice: shown, never blocking, and not made errors by {@code strict: true}.
 */
public enum Severity {
  ERROR,
  WARNING,
  HINT;

  /** The lower-case word printed in diagnostics ({@code error}, {@code warning}, {@code hint}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
