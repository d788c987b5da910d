package dev.casebook.pipeline;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a build or check went.
 *
 * @param written true when a new site replaced the output folder
 * @param incidents how many write-ups are in the site
 * @param pages how many HTML pages were written
 * @param timings how long each stage took, in stage order
 */
public record BuildResult(
    boolean written, List<Diagnostic> diagnostics, int incidents, int pages, Path output, List<Map.Entry<String, Duration>> timings) {

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public long errorCount() {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  public long warningCount() {
    return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
  }

  public long hintCount() {
    return diagnostics.stream().filter(Diagnostic::isHint).count();
  }

  public long noteCount() {
    return diagnostics.stream().filter(Diagnostic::isNote).count();
  }

  public Duration total() {
    return timings.stream().map(Map.Entry::getValue).reduce(Duration.ZERO, Duration::plus);
  }
}
