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

  /** The stage name of an index stage that stopped for a newer change (see {@link LiveBuild#update(java.util.Set, java.util.function.Consumer, java.util.function.BooleanSupplier)}). */
  static final String INDEX_LEFT = "index (left to the next update)";

  /** Whether this update left the search index as it was, for the next update to bring up to date. */
  public boolean indexLeftForNextUpdate() {
    return timings.stream().anyMatch(t -> t.getKey().equals(INDEX_LEFT));
  }

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
