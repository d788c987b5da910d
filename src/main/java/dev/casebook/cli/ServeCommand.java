package dev.casebook.cli;

import dev.casebook.build.BuildOptions;
import dev.casebook.build.BuildResult;
import dev.casebook.build.SiteBuild;
import dev.casebook.serve.PreviewServer;
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
        "The site is built into a temporary folder unless --out is given."})
final class ServeCommand implements Callable<Integer> {
  @Mixin LibraryOptions library;
  @Spec CommandSpec spec;

  @Option(names = {"-p", "--port"}, defaultValue = "4000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where to build the site (default: a temporary folder).")
  Path out;

  @Option(names = "--drafts", description = "Include write-ups with status: draft.")
  boolean drafts;

  @Override
  public Integer call() throws Exception {
    Path temporary = out != null ? null : Files.createTempDirectory("casebook-serve-");
    Path output = out != null ? out : temporary.resolve("site");
    String baseUrl = "http://localhost:" + (port == 0 ? 0 : port) + "/";
    BuildResult result = SiteBuild.build(new BuildOptions(library.root(), output, drafts, port == 0 ? null : baseUrl));
    var err = spec.commandLine().getErr();
    Reporter.diagnostics(err, result);
    if (!result.written()) {
      err.println("Build failed: " + Reporter.counts(result) + "; not serving.");
      if (temporary != null) deleteTree(temporary);
      return Main.EXIT_PROBLEMS;
    }
    try (PreviewServer server = PreviewServer.start(output, port)) {
      spec.commandLine().getOut().printf("Built %s in %s. Serving at %s (Ctrl-C to stop)%n",
          Reporter.plural(result.incidents(), "write-up"), Reporter.millis(result.total()), server.url());
      spec.commandLine().getOut().flush();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        if (temporary != null) deleteTree(temporary);
        stop.countDown();
      }));
      stop.await();
    }
    return 0;
  }

  private static void deleteTree(Path root) {
    try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (java.io.IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
