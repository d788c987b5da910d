package dev.casebook.readership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.collect.Backend;
import dev.casebook.collect.EventStore;
import dev.casebook.collect.StoredEvent;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The readership report from stored events, on SQLite and PostgreSQL, and its three formats. */
class ReadershipTest {
  @TempDir Path tmp;
  private final List<StoredEvent> events = new ArrayList<>();
  private int loads;

  private static final Map<String, Readership.WriteUp> LIBRARY = Map.of(
      "INC-2024-003", new Readership.WriteUp("Couriers saw yesterday's routes", "payments"),
      "INC-2024-009", new Readership.WriteUp("=HYPERLINK(\"https://evil.example\",\"click\")", "platform"));

  /** A page view (and, when {@code end} is not null, engagement updates) by a reader of a team. */
  private String read(String doc, String day, String reader, String team, String source, String referrer, Boolean end) {
    String load = "load" + (++loads) + "abcd";
    long at = LocalDate.parse(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli() + loads;
    boolean anonymous = reader == null;
    events.add(new StoredEvent("pv:" + load, "pv", at, day, doc, load, "/incidents/" + doc + "/", source,
        source.equals("write-up") ? "INC-2024-009" : null, referrer, null, reader, team, anonymous, 0, 0, false));
    if (end != null) {
      events.add(new StoredEvent("eng:" + load + ":0", "eng", at + 1, day, doc, load, null, source, null, null, null, reader,
          team, anonymous, 30, 4000, false));
      events.add(new StoredEvent("eng:" + load + ":1", "eng", at + 2, day, doc, load, null, source, null, null, null, reader,
          team, anonymous, 100, 60000, end));
    }
    return load;
  }

  private Readership report(Backend backend, LocalDate since) throws Exception {
    try (EventStore store = EventStore.open(backend.freshDatabase(tmp))) {
      store.insert(events);
      try (java.sql.Connection c = store.connect()) {
        return Readership.query(c, since, LIBRARY);
      }
    }
  }

  private void library() {
    // payments owns INC-2024-003: 3 of its own readers, 5 from logistics, 4 from platform, 2 anonymous
    for (int i = 1; i <= 3; i++) read("INC-2024-003", "2025-01-20", "pay" + i, "payments", "direct", null, i == 1);
    for (int i = 1; i <= 5; i++) read("INC-2024-003", "2025-02-03", "log" + i, "logistics", "chat", "https://app.slack.com", true);
    for (int i = 1; i <= 4; i++) read("INC-2024-003", "2025-02-04", "plat" + i, "platform", "write-up", "/incidents/INC-2024-009/", false);
    read("INC-2024-003", "2025-02-05", null, null, "design", "https://docs.google.com", null);
    read("INC-2024-003", "2025-02-05", null, null, "search", "/search/", true);
    read("INC-2024-003", "2025-02-06", "log1", "logistics", "chat", "https://app.slack.com", null);
    read("page.home", "2025-02-06", "pay1", "payments", "direct", null, null);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void perWriteUpLearningSignals(Backend backend) throws Exception {
    library();
    Readership r = report(backend, null);
    ReadershipReport w = r.writeUps().get(0);
    assertEquals("INC-2024-003", w.doc());
    assertEquals("payments", w.owner());
    assertEquals(15, w.reads());
    assertEquals(2, w.anonymousReads());
    assertEquals(12, w.readers(), "log1 read twice, as one reader");
    assertEquals(9, w.readersOutsideOwner());
    assertEquals(7, w.readToEnd(), "pay1, the five from logistics, and one anonymous reader");
    assertEquals(7.0 / 15, w.readToEndRate(), 1e-9);
    assertEquals(Map.of("logistics", 5L, Readership.OTHER_TEAMS, 7L), w.teams(), "teams under 5 readers are folded");
    assertEquals(List.of("logistics", Readership.OTHER_TEAMS), new ArrayList<>(w.teams().keySet()));
    assertEquals(List.of("write-up", "design", "chat", "search", "direct"), new ArrayList<>(w.sources().keySet()));
    assertEquals(6L, w.sources().get("chat"));
    assertEquals(Map.of("INC-2024-009", 4L), w.fromWriteUps());
    assertEquals(Map.of("2025-01", 3L, "2025-02", 12L), w.months());
    ReadershipReport unread = r.writeUps().get(1);
    assertEquals("INC-2024-009", unread.doc());
    assertEquals(0, unread.reads());
    assertNull(unread.readToEndRate());
    assertEquals(Map.of("page.home", 1L), r.pages());
    assertEquals(List.of(new Readership.Month("2025-01", 3, 1, 1), new Readership.Month("2025-02", 12, 1, 6)), r.months());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aTeamOfFourIsHiddenAndATeamOfFiveIsShown(Backend backend) throws Exception {
    for (int i = 1; i <= 4; i++) read("INC-2024-003", "2025-03-01", "four" + i, "logistics", "direct", null, null);
    for (int i = 1; i <= 5; i++) read("INC-2024-003", "2025-03-01", "five" + i, "platform", "direct", null, null);
    assertEquals(Map.of("platform", 5L, Readership.OTHER_TEAMS, 4L), report(backend, null).writeUps().get(0).teams());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void sinceCountsOnlyLaterDays(Backend backend) throws Exception {
    library();
    Readership r = report(backend, LocalDate.parse("2025-02-01"));
    ReadershipReport w = r.writeUps().get(0);
    assertEquals(12, w.reads());
    assertEquals(Map.of("2025-02", 12L), w.months());
    assertEquals(1, r.months().size());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void whatBrowsersSentStaysInertInEveryFormat(Backend backend) throws Exception {
    String[] hostile = {"/<img src=x onerror=alert(1)>", "/<script>alert(1)</script>", "=cmd|' /C calc'!A0",
        "+SUM(1,2)", "-2+3", "@SUM(A1)", "/\u202Egnp.exe", "/'; DROP TABLE readership_events;--"};
    for (String h : hostile) read("INC-2024-003", "2025-04-01", "r-" + h.hashCode(), null, "site", h, null);
    Readership r = report(backend, null);
    assertEquals(hostile.length, r.writeUps().get(0).referrers().size(), "stored verbatim");

    StringWriter json = new StringWriter();
    ReportWriter.write(r, ReportWriter.Format.JSON, new PrintWriter(json));
    assertFalse(json.toString().contains("<"), "no raw angle brackets in JSON");
    assertFalse(json.toString().contains("\u202E"));
    JsonNode parsed = new ObjectMapper().readTree(json.toString());
    List<String> referrers = new ArrayList<>();
    parsed.get("write_ups").get(0).get("referrers").fieldNames().forEachRemaining(referrers::add);
    List<String> expected = new ArrayList<>(List.of(hostile));
    expected.replaceAll(h -> h.replace("\u202E", "\\u202e"));
    assertTrue(referrers.containsAll(expected), "the data survives the escaping, a bidirectional override as text: " + referrers);
    assertFalse(referrers.contains("/\u202Egnp.exe"), "no bidirectional override comes out of the JSON as it is");

    StringWriter csv = new StringWriter();
    ReportWriter.write(r, ReportWriter.Format.CSV, new PrintWriter(csv));
    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.toString())).getRecords();
    Map<String, CSVRecord> byId = new LinkedHashMap<>();
    for (CSVRecord rec : records) byId.put(rec.get("id"), rec);
    assertEquals("'=HYPERLINK(\"https://evil.example\",\"click\")", byId.get("INC-2024-009").get("title"));
    for (CSVRecord rec : records) {
      for (String cell : rec.values()) {
        assertFalse(cell.startsWith("=") || cell.startsWith("+") || cell.startsWith("@")
            || (cell.startsWith("-") && !cell.matches("-?\\d+(\\.\\d+)?")), "formula cell: " + cell);
      }
    }
    assertTrue(byId.get("INC-2024-003").get("top_referrers").contains("<img src=x onerror=alert(1)>"), "kept as text");
    assertFalse(csv.toString().contains("\u202E"), "no bidirectional override in CSV");
    assertTrue(byId.get("INC-2024-003").get("top_referrers").contains("/\\u202egnp.exe"), csv.toString());

    StringWriter table = new StringWriter();
    ReportWriter.write(r, ReportWriter.Format.TABLE, new PrintWriter(table));
    assertFalse(table.toString().contains("\u202E"), "bidirectional overrides are shown escaped");
    assertTrue(table.toString().contains("\\u202e"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anEmptyDatabaseListsTheLibrarysWriteUpsWithNothingRead(Backend backend) throws Exception {
    Readership r = report(backend, null);
    assertEquals(2, r.writeUps().size());
    assertTrue(r.writeUps().stream().allMatch(w -> w.reads() == 0 && w.teams().isEmpty()));
    StringWriter table = new StringWriter();
    ReportWriter.write(r, ReportWriter.Format.TABLE, new PrintWriter(table));
    assertTrue(table.toString().startsWith("Readership, all time"), table.toString());
    assertFalse(table.toString().toLowerCase(java.util.Locale.ROOT).contains("mean"), "no mean-time-to-anything");
  }
}
