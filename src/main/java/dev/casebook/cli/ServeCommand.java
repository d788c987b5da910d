package dev.casebook.cli;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.LiveBuild;
import dev.casebook.serve.LiveReload;
import dev.casebook.serve.LiveSite;
import dev.casebook.serve.PreviewServer;
import dev.casebook.write.SiteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Build the site and serve it on localhost until interrupted (Ctrl-C).",
        "The site is built into a temporary folder unless --out is given. Drafts are",
        "shown, with a draft banner, unless --no-drafts. Saving a file of the library",
        "rebuilds the site and reloads the open pages. When the library has errors, the",
        "problems show in the terminal and over the page (the last good site stays",
        "served), or as the page while there is no good site yet."})
final class ServeCommand implements Callable<Integer> {
  /** The port the preview listens on unless told otherwise. */
  static final int DEFAULT_PORT = 4000;

  @Mixin LibraryOptions library;
  @Spec CommandSpec spec;

  @Option(names = {"-p", "--port"}, defaultValue = "" + DEFAULT_PORT, converter = OptionValues.Port.class, paramLabel = "PORT",
      description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where to build the site (default: a temporary folder).")
  Path out;

  @Option(names = "--drafts", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Show write-ups with status: draft, with a draft banner (the default); --no-drafts shows the site "
          + "as 'casebook build' publishes it.")
  boolean drafts;

  @Option(names = "--no-watch", description = "Serve the site as built; do not rebuild or reload on changes.")
  boolean noWatch;

  /** The address of write-up {@code id} in a preview on {@code port}. */
  static String previewUrl(int port, String id) {
    return "http://localhost:" + port + "/" + dev.casebook.link.SitePaths.incident(id);
  }

  @Override
  public Integer call() throws Exception {
    Path root = library.root();
    Path temporary = out != null ? null : Files.createTempDirectory("casebook-serve-");
    Path output = out != null ? out : temporary.resolve("site");
    String baseUrl = "http://localhost:" + port + "/";
    BuildOptions options = new BuildOptions(root, output, drafts, port == 0 ? null : baseUrl);
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    LiveReload live = noWatch ? null : new LiveReload();
    // Listen first: a port in use is said at once, and a page opened during the first build waits for it.
    PreviewServer server;
    try {
      server = PreviewServer.start(output, port, live);
    } catch (java.io.IOException e) {
      if (temporary != null) deleteTree(temporary);
      throw FailureMessage.listening(port, e);
    }
    LiveSite watching = null;
    boolean serving = false;
    try {
      LiveBuild build = new LiveBuild(options);
      BuildResult result = build.full(dev.casebook.pipeline.BuildProgress.NONE);
      ServeReport.atStart(err, result.diagnostics());
      if (!result.written() && live == null) {
        err.println("Build failed: " + Reporter.counts(result) + "; not serving (with --no-watch nothing would rebuild it).");
        return Main.EXIT_PROBLEMS;
      }
      if (live != null) {
        watching = LiveSite.watch(build, options, live, new Terminal(out, err, root, output));
        if (result.written()) live.reload();
        else live.problems(dev.casebook.serve.LiveSite.problems(result.diagnostics()));
      }
      if (result.written()) {
        out.printf("Built %s in %s. Serving at %s%s (Ctrl-C to stop)%n",
            Reporter.plural(result.incidents(), "write-up"), Reporter.millis(result.total()), server.url(),
            live == null ? "" : ", rebuilding on changes");
      } else {
        err.printf("Build failed: %s. Serving %s at %s until the files are fixed (Ctrl-C to stop)%n", Reporter.counts(result),
            Files.isDirectory(output) ? "the last good site with the problems over it" : "the problems", server.url());
      }
      out.flush();
      err.flush();
      CountDownLatch stop = new CountDownLatch(1);
      LiveSite stopWatching = watching;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          if (stopWatching != null) stopWatching.close();
        } catch (java.io.IOException e) {
          // stopping anyway
        }
        server.close();
        if (temporary != null) deleteTree(temporary);
        stop.countDown();
      }));
      serving = true; // from here on the shutdown hook stops everything
      stop.await();
      return 0;
    } finally {
      if (!serving) {
        if (watching != null) watching.close();
        server.close();
        if (temporary != null) deleteTree(temporary);
      }
    }
  }

  /** Prints what each rebuild did: one line when it worked, the problems when it did not. */
  private record Terminal(java.io.PrintWriter out, java.io.PrintWriter err, Path root, Path output) implements LiveSite.Listener {
    @Override
    public void rebuilt(BuildResult result, java.util.Set<Path> changed) {
      ServeReport.afterUpdate(err, result.diagnostics(), libraryPaths(changed));
      if (result.written()) {
        out.printf("Rebuilt in %s (%s%s) after changes to %s%n", Reporter.millis(result.total()),
            Reporter.plural(result.pages(), "page"),
            result.indexLeftForNextUpdate() ? "; the search index follows with the next change" : "", names(changed));
        out.flush();
      } else {
        err.println("Build failed: " + Reporter.counts(result) + "; "
            + (Files.isDirectory(output) ? "still serving the last good site." : "serving the problems until they are fixed."));
        err.flush();
      }
    }

    @Override
    public void failed(Exception e, java.util.Set<Path> changed) {
      err.println("casebook: error: the site could not be rebuilt after changes to " + names(changed) + ": " + e.getMessage());
      err.flush();
    }

    /** The saved files as diagnostics name them: relative to the library, with {@code /}. */
    private java.util.Set<String> libraryPaths(java.util.Set<Path> changed) {
      java.util.Set<String> paths = new java.util.HashSet<>();
      for (Path p : changed) {
        Path absolute = p.toAbsolutePath().normalize();
        if (absolute.startsWith(root)) paths.add(root.relativize(absolute).toString().replace(java.io.File.separatorChar, '/'));
      }
      return paths;
    }

    private String names(java.util.Set<Path> changed) {
      java.util.List<String> names = changed.stream()
          .map(p -> p.toAbsolutePath().normalize())
          .map(p -> p.startsWith(root) ? root.relativize(p).toString() : p.toString())
          .sorted().toList();
      return names.size() <= 3 ? String.join(", ", names) : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }
  }

  private static void deleteTree(Path root) {
    try {
      SiteWriter.deleteTree(root);
    } catch (java.io.UncheckedIOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
