package dev.casebook.cli;

import dev.casebook.build.BuildResult;
import dev.casebook.build.SiteBuild;
import dev.casebook.diag.DiagnosticFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Validate the whole library, drafts included, and write nothing.",
        "Exits 0 when there are no errors, 1 when there are."})
final class CheckCommand implements Callable<Integer> {
  @Mixin LibraryOptions library;
  @Spec CommandSpec spec;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text (file:line:col: message), github (GitHub Actions annotations), gitlab (GitLab Code Quality report) or json.")
  String format;

  @Override
  public Integer call() {
    DiagnosticFormat chosen;
    try {
      chosen = DiagnosticFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "unknown format '" + format + "': use text, github, gitlab or json");
    }
    BuildResult result = SiteBuild.check(library.root());
    var out = spec.commandLine().getOut();
    out.print(chosen.format(result.diagnostics()));
    out.flush();
    if (chosen == DiagnosticFormat.TEXT || chosen == DiagnosticFormat.GITHUB) {
      spec.commandLine().getErr().printf("Checked %s: %s.%n", Reporter.plural(result.incidents(), "write-up"), Reporter.counts(result));
    }
    return result.hasErrors() ? Main.EXIT_PROBLEMS : 0;
  }
}
