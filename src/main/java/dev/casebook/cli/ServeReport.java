package dev.casebook.cli;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.DiagnosticFormat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code serve} prints of a run's problems. Errors always, since they keep the site from
 * being rebuilt. After the first build, warnings too, and writing hints and notes only while they
 * are few: a large library's hints would bury the line that matters. After an update, warnings,
 * hints and notes only of the files just saved; the others are where they were, over each page
 * in the preview and in {@code casebook check}.
 */
final class ServeReport {
  /** More hints and notes than this after the first build are counted, not listed. */
  static final int LISTED_AT_START = 20;

  private ServeReport() {}

  /** The problems of the first build. */
  static void atStart(PrintWriter err, List<Diagnostic> diagnostics) {
    List<Diagnostic> advice = diagnostics.stream().filter(d -> d.isHint() || d.isNote()).toList();
    boolean listAdvice = advice.size() <= LISTED_AT_START;
    List<Diagnostic> shown = new ArrayList<>();
    for (Diagnostic d : diagnostics) if (listAdvice || !(d.isHint() || d.isNote())) shown.add(d);
    err.print(DiagnosticFormat.TEXT.format(shown));
    if (!listAdvice) {
      long files = advice.stream().map(d -> d.position().file()).distinct().count();
      err.println(Reporter.plural(advice.size(), "writing hint or note", "writing hints and notes") + " in "
          + Reporter.plural(files, "file") + " are not listed here: the preview shows a file's over its page and prints "
          + "them when the file is saved; 'casebook check' lists them all.");
    }
    err.flush();
  }

  /**
   * The problems after an update that saved {@code changed} (library paths with {@code /}): every
   * error, and the rest only of those files.
   */
  static void afterUpdate(PrintWriter err, List<Diagnostic> diagnostics, Set<String> changed) {
    List<Diagnostic> shown = diagnostics.stream().filter(d -> d.isError() || changed.contains(d.position().file())).toList();
    err.print(DiagnosticFormat.TEXT.format(shown));
    err.flush();
  }
}
