package dev.casebook.cli;

import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.changes.ChangedDiagnostics;
import dev.casebook.changes.ChangesSince;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.DiagnosticFormat;
import dev.casebook.write.SiteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Validate the whole library, drafts included, and write nothing.",
        "Exits 0 when there are no errors, 1 when there are."})
final class CheckCommand implements Callable<Integer> {
  @Mixin LibraryOptions library;
  @Spec CommandSpec spec;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text (file:line:col: message), github (GitHub Actions annotations), gitlab (GitLab Code Quality report) or json.")
  String format;

  @Option(names = "--changed-since", paramLabel = "REF",
      description = {"Check the whole library but report only the problems in files changed since the git revision REF "
          + "(committed or not), and the problems elsewhere that the library did not have at REF, e.g. a write-up "
          + "citing an id that the change removed. REF is compared through its merge base with HEAD, as a pull "
          + "request is: for example origin/main."})
  String changedSince;

  @Override
  public Integer call() throws java.io.IOException {
    DiagnosticFormat chosen;
    try {
      chosen = DiagnosticFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "unknown format '" + format + "': use text, github, gitlab or json");
    }
    BuildResult result = SiteBuild.check(library.root());
    List<Diagnostic> reported = result.diagnostics();
    String scope = "";
    if (changedSince != null) {
      ChangedDiagnostics.Selection selection = since(result.diagnostics());
      reported = selection.reported();
      scope = " in files changed since " + changedSince + " and what they break"
          + (selection.hidden() > 0 ? " (" + Reporter.plural(selection.hidden(), "older problem") + " elsewhere not shown)" : "");
    }
    var out = spec.commandLine().getOut();
    out.print(chosen.format(reported));
    out.flush();
    long errors = reported.stream().filter(Diagnostic::isError).count();
    long hints = reported.stream().filter(Diagnostic::isHint).count();
    long notes = reported.stream().filter(Diagnostic::isNote).count();
    if (chosen == DiagnosticFormat.TEXT || chosen == DiagnosticFormat.GITHUB) {
      spec.commandLine().getErr().printf("Checked %s: %s, %s%s%s%s.%n", Reporter.plural(result.incidents(), "write-up"),
          Reporter.plural(errors, "error"), Reporter.plural(reported.size() - errors - hints - notes, "warning"),
          hints > 0 ? ", " + Reporter.plural(hints, "writing hint") : "",
          notes > 0 ? ", " + Reporter.plural(notes, "note") : "", scope);
    }
    return errors > 0 ? Main.EXIT_PROBLEMS : 0;
  }

  /** The problems of the change since --changed-since: the library is checked again as it was there. */
  private ChangedDiagnostics.Selection since(List<Diagnostic> now) throws java.io.IOException {
    Path before = Files.createTempDirectory("casebook-base-");
    try (ChangesSince changes = ChangesSince.open(library.root(), changedSince)) {
      changes.writeBase(before);
      BuildResult then = SiteBuild.check(before);
      return ChangedDiagnostics.select(now, then.diagnostics(), changes.changedFiles());
    } catch (ChangesSince.ChangesException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    } finally {
      SiteWriter.deleteTree(before);
    }
  }
}
