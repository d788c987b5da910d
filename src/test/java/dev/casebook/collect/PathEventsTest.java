package dev.casebook.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.readership.PathReport;
import dev.casebook.readership.Readership;
import dev.casebook.readership.ReadershipSource;
import dev.casebook.readership.ReportWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A reading path started and finished, as the beacon reports it, over HTTP to the collector and
 * into the report, against SQLite and PostgreSQL alike: readers are counted, never named, and a
 * handful of them is never shown as a number.
 */
class PathEventsTest {
  private static final String WHO = "X-Auth-Request-Email";

  @TempDir Path tmp;

  private static String path(String kind, String load, String slug) {
    return "{\"v\":1,\"t\":\"" + kind + "\",\"id\":\"" + load + "\",\"doc\":\"path." + slug + "\"}";
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void startsAndFinishesAreStoredAsBareEventsAndCountedPerReaderWithTheSmallGroupRule(Backend backend) throws Exception {
    TestCollector.Settings s = new TestCollector.Settings();
    s.trustedHeader = WHO;
    try (TestCollector c = TestCollector.start(backend.freshDatabase(tmp), s)) {
      for (int r = 1; r <= 6; r++) {
        String reader = "reader" + r + "@larkspur.example";
        // a retried event, and a second page load of the same reader the same day, count once
        for (int i = 0; i < 2; i++) assertEquals(204, c.post(path("ps", "loadstart" + r, "payments-on-call"), WHO, reader).statusCode());
        assertEquals(204, c.post(path("ps", "loadagain" + r, "payments-on-call"), WHO, reader).statusCode());
        if (r <= 3) assertEquals(204, c.post(path("pf", "loadend00" + r, "payments-on-call"), WHO, reader).statusCode());
      }
      // an anonymous browser counts once, by its page load
      assertEquals(204, c.post(path("ps", "loadanon1", "payments-on-call"), WHO, "dnt@larkspur.example", "DNT", "1").statusCode());
      assertEquals(204, c.post(path("ps", "loaddb001", "db-on-call"), WHO, "reader1@larkspur.example").statusCode());
      // what a page view would carry is not kept from a path event
      assertEquals(204, c.post(path("ps", "loaddb002", "db-on-call").replace("}",
          ",\"u\":\"/incidents/INC-2024-003/\",\"r\":\"https://chat.example/x\",\"src\":\"chat\"}"), WHO, "reader2@larkspur.example")
          .statusCode());

      List<Map<String, Object>> events = c.events();
      assertEquals(6 * 2 + 3 + 1 + 2, events.size());
      Map<String, Object> e = events.stream().filter(x -> x.get("page_load").equals("loaddb002")).findFirst().orElseThrow();
      assertEquals("ps:loaddb002:path.db-on-call", e.get("event_key"));
      assertEquals("ps", e.get("kind"));
      assertNull(e.get("path"));
      assertNull(e.get("referrer"));
      assertNull(e.get("src_tag"));
      assertEquals("direct", e.get("source"));
      assertNotNull(e.get("reader_key"));
      assertFalse(events.toString().contains("larkspur"), "no reader is named");

      Readership report;
      try (Connection db = DriverManager.getConnection(c.db)) {
        report = Readership.query(db, null, Map.of());
      }
      assertEquals(List.of(new PathReport("db-on-call", PathReport.FEW, 0), new PathReport("payments-on-call", 7, PathReport.FEW)),
          report.paths());
      assertEquals(List.of(), report.writeUps(), "path events are no write-up's reads");

      // A JSON report says null for a handful, and a site built from it reads the same counts back.
      StringWriter json = new StringWriter();
      ReportWriter.json(report, new PrintWriter(json));
      assertTrue(json.toString().contains("\"path\" : \"db-on-call\",\n    \"started\" : null,\n    \"finished\" : 0"), json.toString());
      Path file = java.nio.file.Files.writeString(tmp.resolve("report.json"), json.toString());
      assertEquals(report.paths(), ReadershipSource.report(file).load(Map.of()).paths());

      StringWriter table = new StringWriter();
      ReportWriter.table(report, new PrintWriter(table));
      String text = table.toString();
      assertEquals(List.of("reading path      readers started      finished",
          "db-on-call           fewer than 5             0",
          "payments-on-call                7  fewer than 5"),
          text.lines().dropWhile(l -> !l.startsWith("reading path")).toList(), text);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aPathEventNamesAPathAndOnlyAPathEventDoes(Backend backend) throws Exception {
    try (TestCollector c = TestCollector.start(backend.freshDatabase(tmp), new TestCollector.Settings())) {
      assertEquals(400, c.post("{\"t\":\"ps\",\"id\":\"loadbad01\",\"doc\":\"INC-2024-003\"}").statusCode());
      assertEquals(400, c.post("{\"t\":\"pf\",\"id\":\"loadbad02\",\"doc\":\"path.\"}").statusCode());
      assertEquals(400, c.post("{\"t\":\"ps\",\"id\":\"loadbad03\",\"doc\":\"path.Payments\"}").statusCode());
      assertEquals(400, c.post("{\"t\":\"ps\",\"id\":\"loadbad04\",\"doc\":\"path." + "a".repeat(124) + "\"}").statusCode());
      assertEquals(400, c.post(TestCollector.pageView("loadbad05", "path.payments-on-call")).statusCode());
      assertEquals(400, c.post("{\"t\":\"path\",\"id\":\"loadbad06\",\"doc\":\"path.payments-on-call\"}").statusCode());
      assertEquals(204, c.post("{\"t\":\"pf\",\"id\":\"loadgood1\",\"doc\":\"path." + "a".repeat(123) + "\"}").statusCode());
      assertEquals(1, c.events().size());
    }
  }
}
