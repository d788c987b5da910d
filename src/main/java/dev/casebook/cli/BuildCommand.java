package dev.casebook.cli;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Validate the library and build the site.",
        "Nothing is written when the library has errors; the previous site stays in place."})
final class BuildCommand implements Callable<Integer> {
  @Mixin LibraryOptions library;
  @Spec CommandSpec spec;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Where to write the site (default: _site inside the library, or folders.output).")
  Path out;

  @Option(names = "--drafts", description = "Include write-ups with status: draft.")
  boolean drafts;

  @Option(names = "--base-url", paramLabel = "URL", description = "Absolute URL the site is served from (overrides base_url).")
  String baseUrl;

  @Option(names = "--search-documents", paramLabel = "FILE",
      description = "Also write, as JSON, what each search index of the site was built from: its path, the lunr settings and the text of every field of every document.")
  Path searchDocuments;

  @Option(names = "--readership", paramLabel = "DB|FILE",
      description = {"Add a Learning page, and on each write-up how many people outside its owning team read it, "
          + "from the collector's database (a SQLite file or a jdbc:postgresql: URL) or a report written by "
          + "'casebook readership --format json' (a .json file)."})
  String readership;

  @Option(names = {"-q", "--quiet"}, description = "Print only problems.")
  boolean quiet;

  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    if (baseUrl != null && !httpUrl(baseUrl)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--base-url: '" + baseUrl + "' is not an absolute http(s) URL (for example https://incidents.example.com/)");
    }
    BuildOptions options = new BuildOptions(library.root(), out, drafts, baseUrl, searchDocuments,
        readership == null ? null : dev.casebook.collect.StoredReadership.source(readership));
    BuildResult result;
    if (!quiet && main.terminal()) {
      // On a terminal, the stages as they finish, on one line that the summary replaces.
      try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr(), true)) {
        result = SiteBuild.build(options, progress);
      }
    } else {
      result = SiteBuild.build(options);
    }
    var err = spec.commandLine().getErr();
    Reporter.diagnostics(err, result);
    if (!result.written()) {
      err.println("Build failed: " + Reporter.counts(result) + "; nothing was written.");
      return Main.EXIT_PROBLEMS;
    }
    if (!quiet) {
      spec.commandLine().getOut().printf("Built %s, %s in %s (%s) -> %s%n",
          Reporter.plural(result.incidents(), "write-up"), Reporter.plural(result.pages(), "page"),
          Reporter.millis(result.total()), Reporter.timings(result), result.output());
    }
    return 0;
  }

  private static boolean httpUrl(String url) {
    try {
      java.net.URI uri = new java.net.URI(url.strip());
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
