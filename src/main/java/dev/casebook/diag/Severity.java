package dev.casebook.diag;

/** How serious a diagnostic is. Errors fail {@code check} and stop {@code build}. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word printed in diagnostics ({@code error}, {@code warning}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
