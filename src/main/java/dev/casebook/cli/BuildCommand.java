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

  @Option(names = "--cache", paramLabel = "DIR", arity = "0..1", fallbackValue = DEFAULT_CACHE,
      description = {"Keep a build cache in DIR (default: " + DEFAULT_CACHE + " inside the library) and reuse from it "
          + "every page whose template and content are unchanged; the site is byte for byte what a build without it writes. "
          + "Keep DIR between CI runs to rebuild faster."})
  String cache;

  /** The build cache's folder when --cache names none, inside the library (list it in the library's .gitignore). */
  static final String DEFAULT_CACHE = ".casebook-cache";

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
    if (cache != null) options = options.withCache(cacheFolder(options));
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

  /** The cache folder: relative to the library when it is --cache's default, else to the current folder. */
  private Path cacheFolder(BuildOptions options) {
    Path folder = cache.equals(DEFAULT_CACHE) ? library.root().resolve(DEFAULT_CACHE) : Path.of(cache);
    folder = folder.toAbsolutePath().normalize();
    Path site = out != null ? out.toAbsolutePath().normalize() : null;
    if (site != null && (folder.startsWith(site) || site.startsWith(folder))) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--cache: '" + cache + "' and the site's folder '" + out + "' must not contain each other");
    }
    return folder;
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
