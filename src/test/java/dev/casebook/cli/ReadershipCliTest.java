package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.collect.EventStore;
import dev.casebook.collect.StoredEvent;
import dev.casebook.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code casebook collect} and {@code casebook readership} on the command line. */
class ReadershipCliTest {
  @TempDir Path tmp;

  @Test
  void theCommandsAreListed() {
    Cli help = Cli.run("--help");
    assertTrue(help.out().contains("collect"), help.out());
    assertTrue(help.out().contains("readership"), help.out());
  }

  @Test
  void aBadCollectorConfigIsReportedAtItsLines() throws Exception {
    Path config = Files.writeString(tmp.resolve("collector.yml"),
        "port: 8420\nallowed_origins: [not an origin]\nrate: {per_second: 0}\nsourcez: {}\n");
    Cli cli = Cli.run("collect", "--config", config.toString(), "--db", tmp.resolve("r.db").toString());
    assertEquals(Main.EXIT_USAGE, cli.exit());
    assertTrue(cli.err().contains(":2:"), cli.err());
    assertTrue(cli.err().contains("'not an origin' is not an origin"), cli.err());
    assertTrue(cli.err().contains("'per_second' must be a whole number from 1"), cli.err());
    assertTrue(cli.err().contains("unknown collector setting 'sourcez'"), cli.err());
    assertTrue(Files.notExists(tmp.resolve("r.db")), "nothing is started");
  }

  @Test
  void aMissingDatabaseOrFormatIsAClearError() {
    Cli missing = Cli.run("readership", "--db", tmp.resolve("nothing.db").toString());
    assertEquals(Main.EXIT_PROBLEMS, missing.exit());
    assertTrue(missing.err().contains("no readership database at"), missing.err());
    Cli format = Cli.run("readership", "--db", tmp.resolve("nothing.db").toString(), "--format", "xlsx");
    assertEquals(Main.EXIT_USAGE, format.exit());
    assertTrue(format.err().contains("unknown format 'xlsx': use table, json or csv"), format.err());
  }

  @Test
  void aFileThatIsNotADatabaseIsSaidSoWithoutTheDriversText() throws Exception {
    Path notes = Files.writeString(tmp.resolve("notes.txt"), "not a database, just notes\n".repeat(40));
    Cli cli = Cli.run("readership", "--db", notes.toString());
    assertEquals(Main.EXIT_PROBLEMS, cli.exit());
    assertEquals("casebook: error: '" + notes + "' is not a readership database (a SQLite file written by 'casebook collect')\n",
        cli.err());
  }

  @Test
  void theReportNamesTheLibrarysWriteUpsAndOwners() throws Exception {
    Path db = tmp.resolve("readership.db");
    try (EventStore store = EventStore.open(db.toString())) {
      store.insert(List.of(new StoredEvent("pv:abcdefgh1", "pv", 1_740_000_000_000L, "2025-02-19", "INC-2024-003",
          "abcdefgh1", "/incidents/INC-2024-003/", "chat", null, "https://app.slack.com", "chat", "k1", "payments", false,
          0, 0, false)));
    }
    Cli csv = Cli.run("readership", "--db", db.toString(), "--format", "csv", "--source", Fixtures.sampleLibrary().toString());
    assertEquals(0, csv.exit(), csv.err());
    String[] lines = csv.out().split("\r\n");
    assertTrue(lines[0].startsWith("id,title,owner,reads,"), lines[0]);
    assertTrue(lines[1].startsWith("INC-2024-003,"), lines[1]);
    assertTrue(lines[1].contains(",logistics,1,0,1,1,"), "owned by logistics, so the payments reader is outside: " + lines[1]);
    Cli json = Cli.run("readership", "--db", db.toString(), "--format", "json", "--since", "2025-03-01",
        "--source", Fixtures.sampleLibrary().toString());
    assertTrue(json.out().contains("\"since\" : \"2025-03-01\""), json.out());
    Cli table = Cli.run("readership", "--db", db.toString(), "--source", Fixtures.sampleLibrary().toString());
    assertTrue(table.out().contains("INC-2024-003  logistics"), table.out());
  }
}
