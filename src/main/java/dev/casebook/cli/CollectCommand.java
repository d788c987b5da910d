package dev.casebook.cli;

import dev.casebook.collect.Collector;
import dev.casebook.collect.CollectorConfig;
import dev.casebook.collect.EventStore;
import dev.casebook.diag.Diagnostics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "collect", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Run the readership collector: take the beacon's events and store them until interrupted.",
        "An event is answered 204 only once it is committed. SIGTERM (Ctrl-C) stops taking events, writes the",
        "queued ones and exits. See docs/readership.md."})
final class CollectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-p", "--port"}, description = "Port to listen on (default: the config's, else "
      + CollectorConfig.DEFAULT_PORT + "; 0 picks a free one).")
  Integer port;

  @Option(names = "--db", paramLabel = "URL", description = "A SQLite file (default: readership.db) or a JDBC URL "
      + "(jdbc:sqlite:FILE, jdbc:postgresql://HOST/DB?user=U&password=P).")
  String db;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "The collector's YAML settings.")
  Path config;

  @Option(names = {"-v", "--verbose"}, description = "Show stack traces of unexpected failures.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CollectorConfig settings = CollectorConfig.defaults();
    if (config != null) {
      Diagnostics diagnostics = new Diagnostics();
      settings = CollectorConfig.load(config, diagnostics);
      err.print(dev.casebook.diag.DiagnosticFormat.TEXT.format(diagnostics.sorted()));
      err.flush();
      if (diagnostics.hasErrors()) return Main.EXIT_USAGE;
    }
    if (port != null) settings = settings.withPort(port);
    if (db != null) settings = settings.withDb(db);
    Collector collector;
    try {
      collector = Collector.start(settings, Clock.systemUTC());
    } catch (java.io.IOException e) {
      throw FailureMessage.listening(settings.port(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      collector.close();
      err.println("Stopped: " + collector.counters().snapshot());
      err.flush();
      stopped.countDown();
    }, "casebook-collect-stop"));
    out.printf("Collecting readership events at %s into %s (Ctrl-C to stop)%n", collector.url(),
        EventStore.redact(EventStore.jdbcUrl(settings.db())));
    if (settings.allowedOrigins().isEmpty()) {
      out.println("Warning: no allowed_origins set; pages of any origin may send events.");
    }
    out.flush();
    stopped.await();
    return 0;
  }
}
