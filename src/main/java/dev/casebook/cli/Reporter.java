package dev.casebook.cli;

import dev.casebook.pipeline.BuildResult;
import dev.casebook.diag.DiagnosticFormat;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints diagnostics and build summaries. */
final class Reporter {
  private Reporter() {}

  static void diagnostics(PrintWriter out, BuildResult result) {
    out.print(DiagnosticFormat.TEXT.format(result.diagnostics()));
    out.flush();
  }

  static String counts(BuildResult result) {
    return plural(result.errorCount(), "error") + ", " + plural(result.warningCount(), "warning")
        + (result.hintCount() > 0 ? ", " + plural(result.hintCount(), "writing hint") : "")
        + (result.noteCount() > 0 ? ", " + plural(result.noteCount(), "note") : "");
  }

  static String timings(BuildResult result) {
    return result.timings().stream()
        .map(e -> e.getKey() + " " + millis(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  static String millis(Duration d) {
    long ms = d.toMillis();
    return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
