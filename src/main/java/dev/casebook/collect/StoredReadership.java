package dev.casebook.collect;

import dev.casebook.readership.Readership;
import dev.casebook.readership.ReadershipSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

/**
 * Readership read from the collector's database. The site build knows readership only as a
 * {@link ReadershipSource}; this is where a named source becomes one: a {@code .json} report, a
 * SQLite file from {@code casebook collect}, or a {@code jdbc:postgresql:} URL.
 */
public final class StoredReadership {
  private StoredReadership() {}

  /** The source {@code name} stands for, as {@code build --readership} takes it. */
  public static ReadershipSource source(String name) {
    Path file = name.startsWith("jdbc:") ? null : Path.of(name);
    if (file != null && name.endsWith(".json")) return ReadershipSource.report(file);
    return new ReadershipSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Readership load(Map<String, Readership.WriteUp> library) throws IOException {
        if (file != null && !Files.isRegularFile(file)) {
          throw new IOException("no readership database or report at " + name
              + " (a SQLite file from 'casebook collect', a jdbc:postgresql: URL, or a .json file from 'casebook readership --format json')");
        }
        try {
          return query(name, null, library);
        } catch (SQLException e) {
          if (file != null) {
            throw new IOException("'" + name + "' is not a readership database (a SQLite file from 'casebook collect') "
                + "nor a report (a .json file from 'casebook readership --format json')", e);
          }
          throw new IOException("could not read readership from " + name + ": " + e.getMessage(), e);
        }
      }
    };
  }

  /** The readership since {@code since} (null for all of it) in the database {@code db} names. */
  public static Readership query(String db, LocalDate since, Map<String, Readership.WriteUp> library) throws SQLException {
    try (EventStore store = EventStore.open(db); Connection c = store.connect()) {
      return Readership.query(c, since, library);
    }
  }
}
