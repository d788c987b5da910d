package dev.casebook.cli;

import dev.casebook.collect.EventStore;
import dev.casebook.config.ConfigLoader;
import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import dev.casebook.load.LibraryLoader;
import dev.casebook.model.Library;
import dev.casebook.readership.Readership;
import dev.casebook.readership.ReportWriter;
import dev.casebook.validate.LibraryValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "readership", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Report what readers did with each write-up: reads, distinct readers, readers outside the",
        "owning team, how many read to the end, where they came from, and the trend by month.",
        "Teams with fewer than " + Readership.MIN_GROUP + " distinct readers are shown as '" + Readership.OTHER_TEAMS + "'."})
final class ReadershipCommand implements Callable<Integer> {
  @Mixin LibraryOptions library;
  @Spec CommandSpec spec;

  @Option(names = "--db", paramLabel = "URL", defaultValue = "readership.db",
      description = "The collector's database: a SQLite file or a JDBC URL (default: ${DEFAULT-VALUE}).")
  String db;

  @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Count only events from this day on (UTC).")
  LocalDate since;

  @Override
  public Integer call() throws Exception {
    ReportWriter.Format chosen;
    try {
      chosen = ReportWriter.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "unknown format '" + format + "': use table, json or csv");
    }
    String url = EventStore.jdbcUrl(db);
    if (url.startsWith("jdbc:sqlite:") && !Files.isRegularFile(Path.of(url.substring("jdbc:sqlite:".length())))) {
      spec.commandLine().getErr().println("casebook: error: no readership database at " + db
          + " (run 'casebook collect' first, or give --db)");
      return Main.EXIT_PROBLEMS;
    }
    Readership report;
    try {
      report = dev.casebook.collect.StoredReadership.query(db, since, writeUps(library.root()));
    } catch (java.sql.SQLException e) {
      if (url.startsWith("jdbc:sqlite:")) {
        throw new java.io.IOException("'" + db + "' is not a readership database (a SQLite file written by 'casebook collect')", e);
      }
      throw new java.io.IOException("could not read the readership database " + EventStore.redact(url) + ": " + e.getMessage(), e);
    }
    ReportWriter.write(report, chosen, spec.commandLine().getOut());
    return 0;
  }

  /** The library's write-ups, for titles, owners and those nobody read; none when there is no library here. */
  static Map<String, Readership.WriteUp> writeUps(Path root) {
    if (!Files.isDirectory(root)) return Map.of();
    Diagnostics ignored = new Diagnostics();
    SiteConfig config = ConfigLoader.load(root, ignored);
    if (!Files.isDirectory(root.resolve(config.folders().incidents()))) return Map.of();
    Library lib = LibraryValidator.validate(LibraryLoader.load(root, config, ignored), config, false, ignored);
    return lib == null ? Map.of() : Readership.writeUps(lib);
  }
}
