package dev.casebook.cli;

import dev.casebook.build.BuildOptions;
import dev.casebook.build.BuildResult;
import dev.casebook.build.LiveBuild;
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
        "The site is built into a temporary folder unless --out is given. Saving a file of the",
        "library rebuilds the site and reloads the open pages; when the change breaks the build,",
        "the problems show in the terminal and over the page, and the last good site stays served."})
final class ServeCommand implements Callable<Integer> {
  @Mixin LibraryOptions library;
  @Spec CommandSpec spec;

  @Option(names = {"-p", "--port"}, defaultValue = "4000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where to build the site (default: a temporary folder).")
  Path out;

  @Option(names = "--drafts", description = "Include write-ups with status: draft.")
  boolean drafts;

  @Option(names = "--no-watch", description = "Serve the site as built; do not rebuild or reload on changes.")
  boolean noWatch;

  @Override
  public Integer call() throws Exception {
    Path temporary = out != null ? null : Files.createTempDirectory("casebook-serve-");
    Path output = out != null ? out : temporary.resolve("site");
    String baseUrl = "http://localhost:" + (port == 0 ? 0 : port) + "/";
    BuildOptions options = new BuildOptions(library.root(), output, drafts, port == 0 ? null : baseUrl);
    LiveBuild build = new LiveBuild(options);
    BuildResult result = build.full(dev.casebook.build.BuildProgress.NONE);
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    Reporter.diagnostics(err, result);
    if (!result.written()) {
      err.println("Build failed: " + Reporter.counts(result) + "; not serving.");
      if (temporary != null) deleteTree(temporary);
      return Main.EXIT_PROBLEMS;
    }
    LiveReload live = noWatch ? null : new LiveReload();
    try (PreviewServer server = PreviewServer.start(output, port, live);
         LiveSite watching = live == null ? null : LiveSite.watch(build, options, live, new Terminal(out, err, library.root()))) {
      out.printf("Built %s in %s. Serving at %s%s (Ctrl-C to stop)%n",
          Reporter.plural(result.incidents(), "write-up"), Reporter.millis(result.total()), server.url(),
          live == null ? "" : ", rebuilding on changes");
      out.flush();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          if (watching != null) watching.close();
        } catch (java.io.IOException e) {
          // stopping anyway
        }
        server.close();
        if (temporary != null) deleteTree(temporary);
        stop.countDown();
      }));
      stop.await();
    }
    return 0;
  }

  /** Prints what each rebuild did: one line when it worked, the problems when it did not. */
  private record Terminal(java.io.PrintWriter out, java.io.PrintWriter err, Path root) implements LiveSite.Listener {
    @Override
    public void rebuilt(BuildResult result, java.util.Set<Path> changed) {
      if (result.written()) {
        Reporter.diagnostics(err, result);
        out.printf("Rebuilt in %s (%s) after changes to %s%n", Reporter.millis(result.total()),
            Reporter.plural(result.pages(), "page"), names(changed));
        out.flush();
      } else {
        Reporter.diagnostics(err, result);
        err.println("Build failed: " + Reporter.counts(result) + "; still serving the last good site.");
        err.flush();
      }
    }

    @Override
    public void failed(Exception e, java.util.Set<Path> changed) {
      err.println("casebook: error: the site could not be rebuilt after changes to " + names(changed) + ": " + e.getMessage());
      err.flush();
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
