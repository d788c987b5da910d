package dev.casebook.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A library of many small write-ups, for listings longer than a page: every write-up has the tag
 * {@code dns}; the odd ones are owned by {@code core}, the even ones by {@code data}; write-up n
 * is dated n days after 2020-01-01, so the newest has the highest number.
 */
public final class LongLibrary {
  private LongLibrary() {}

  /** Writes {@code count} write-ups into a new library at {@code dir}; returns {@code dir}. */
  public static Path write(Path dir, int count) throws IOException {
    Files.createDirectories(dir.resolve("incidents"));
    Files.writeString(dir.resolve("casebook.yml"), """
        title: Long library
        vocabularies:
          services: [api, db]
          teams: [core, data]
          tags: [dns, failover]
          severities: [SEV1, SEV2]
        """);
    for (int n = 1; n <= count; n++) {
      String date = java.time.LocalDate.of(2020, 1, 1).plusDays(n).toString();
      Files.writeString(dir.resolve("incidents").resolve(id(n) + ".md"), """
          ---
          id: %s
          title: Resolver outage number %d
          date: %s
          summary: The resolver failed for the %d time.
          severity: SEV%d
          owner: %s
          services: [%s]
          tags: [dns]
          ---

          ## What happened

          The resolver failed.
          """.formatted(id(n), n, date, n, 1 + n % 2, n % 2 == 1 ? "core" : "data", n % 2 == 1 ? "api" : "db"));
    }
    return dir;
  }

  /** Adds {@code count} design documents to the library at {@code dir}, each citing write-up 1. */
  public static void designs(Path dir, int count) throws IOException {
    Files.createDirectories(dir.resolve("design"));
    for (int n = 1; n <= count; n++) {
      Files.writeString(dir.resolve("design").resolve("%04d-plan.md".formatted(n)),
          "---\ntitle: Plan %d\nstatus: accepted\n---\nWe learned from %s.\n".formatted(n, id(1)));
    }
  }

  /** The id of write-up {@code n}, from 1. */
  public static String id(int n) {
    return "INC-%04d".formatted(n);
  }
}
