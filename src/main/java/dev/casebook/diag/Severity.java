package dev.casebook.diag;

/**
 * How serious a diagnostic is, most serious first. Errors fail {@code check} and stop {@code
 * build}. Hints are the writing coach's advice: shown, never blocking, and not made errors by
 * {@code strict: true} (except a coach rule the library marks strict). A note is not a problem of
 * its own file: it explains a diagnostic reported elsewhere (a write-up cites one whose own file has
 * the error), or is the coach's mildest advice, and {@code strict} does not make it an error.
 */
public enum Severity {
  ERROR,
  WARNING,
  HINT,
  NOTE;

  /**
   * The lower-case word printed in diagnostics ({@code error}, {@code warning}, {@code hint},
   * {@code note}).
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
