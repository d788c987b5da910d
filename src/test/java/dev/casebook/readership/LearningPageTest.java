package dev.casebook.readership;

import dev.casebook.collect.StoredReadership;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.cli.Main;
import dev.casebook.collect.EventStore;
import dev.casebook.collect.StoredEvent;
import dev.casebook.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code build --readership}: the Learning page and the readers line on each write-up, from the
 * collector's database and from a JSON report, showing what the readership report says.
 */
class LearningPageTest {
  @TempDir static Path tmp;
  static Path db;
  static ReadershipReport failover;

  /** INC-2023-014 (owned by data-infra) read by 6 payments and 2 data-infra readers, 4 of them to the end. */
  @BeforeAll
  static void aDatabaseWithReads() throws Exception {
    db = tmp.resolve("readership.db");
    List<StoredEvent> events = new ArrayList<>();
    for (int n = 0; n < 8; n++) {
      String team = n < 6 ? "payments" : "data-infra";
      events.add(new StoredEvent("pv-" + n, "pv", 1_700_000_000_000L + n, "2026-11-0" + (1 + n % 3), "INC-2023-014", "load-" + n,
          "/incidents/INC-2023-014/", "design", null, null, "design-doc", "reader-" + n, team, false, 0, 0, false));
      if (n % 2 == 0) {
        events.add(new StoredEvent("eng-" + n, "eng", 1_700_000_100_000L + n, "2026-11-0" + (1 + n % 3), "INC-2023-014",
            "load-" + n, "/incidents/INC-2023-014/", "design", null, null, null, "reader-" + n, team, false, 100, 60_000, true));
      }
    }
    events.add(new StoredEvent("pv-x", "pv", 1_700_000_000_100L, "2026-11-02", "INC-2024-003", "load-x",
        "/incidents/INC-2024-003/", "search", null, null, null, "reader-x", "logistics", false, 0, 0, false));
    try (EventStore store = EventStore.open(db.toString())) {
      store.insert(events);
      Readership r;
      try (java.sql.Connection c = store.connect()) {
        r = Readership.query(c, null, Map.of("INC-2023-014", new Readership.WriteUp("Orders database failover", "data-infra")));
      }
      failover = r.writeUps().stream().filter(w -> w.doc().equals("INC-2023-014")).findFirst().orElseThrow();
    }
    assertEquals(8, failover.reads());
    assertTrue(failover.readersOutsideOwner() > 0, failover.toString());
  }

  static Path build(String name, String readership) throws Exception {
    Path site = tmp.resolve(name);
    BuildResult result = SiteBuild.build(new BuildOptions(Fixtures.sampleLibrary(), site, false, null, null,
        readership == null ? null : StoredReadership.source(readership)));
    assertTrue(result.written(), result.diagnostics().toString());
    return site;
  }

  static void assertShowsTheReport(Path site) {
    Document learning = Jsoup.parse(Fixtures.read(site.resolve("learning/index.html")));
    Element row = learning.selectFirst("[data-learning-table] tr[data-id=INC-2023-014]");
    assertEquals(Long.toString(failover.readersOutsideOwner()), row.selectFirst("[data-outside]").text());
    assertEquals(Math.round(failover.readToEndRate() * 100) + "%", row.select("td").get(4).text());
    assertTrue(row.select("td").get(5).text().startsWith("a design document"), row.text());
    assertEquals("INC-2023-014", learning.selectFirst("[data-learning-table] tbody tr").attr("data-id"),
        "read beyond the owning team first");
    assertFalse(learning.text().toLowerCase().contains("mean time"), "no time-to-anything headline");
    assertFalse(learning.text().contains("MTT"));
    Document page = Jsoup.parse(Fixtures.read(site.resolve("incidents/INC-2023-014/index.html")));
    assertEquals("Read by " + failover.readersOutsideOwner() + " people outside data-infra",
        page.selectFirst(".incident__readers").text());
    assertEquals(1, page.select(".site-footer a[href$=learning/]").size());
  }

  @Test
  void fromTheCollectorsDatabase() throws Exception {
    assertShowsTheReport(build("from-db", db.toString()));
  }

  @Test
  void fromAJsonReportGivesTheSamePage() throws Exception {
    StringWriter out = new StringWriter();
    int exit = Main.run(new String[] {"readership", "--db", db.toString(), "--format", "json", "--source",
        Fixtures.sampleLibrary().toString()}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    assertEquals(0, exit);
    Path report = Files.writeString(tmp.resolve("report.json"), out.toString());
    Path fromJson = build("from-json", report.toString());
    assertShowsTheReport(fromJson);
    assertEquals(Fixtures.read(build("from-db-again", db.toString()).resolve("learning/index.html")),
        Fixtures.read(fromJson.resolve("learning/index.html")));
  }

  @Test
  void withoutReadershipThereIsNoLearningPage() throws Exception {
    Path site = build("plain", null);
    assertFalse(Files.exists(site.resolve("learning")));
    assertTrue(Jsoup.parse(Fixtures.read(site.resolve("incidents/INC-2023-014/index.html"))).select(".incident__readers").isEmpty());
  }

  @Test
  void aSourceThatCannotBeReadFailsTheBuildNamingIt() throws Exception {
    Path site = tmp.resolve("missing");
    BuildResult result = SiteBuild.build(new BuildOptions(Fixtures.sampleLibrary(), site, false, null, null,
        StoredReadership.source(tmp.resolve("nope.db").toString())));
    assertFalse(result.written());
    assertTrue(result.diagnostics().get(0).toString().contains("no readership database or report at " + tmp.resolve("nope.db")),
        result.diagnostics().toString());
    Path notAReport = Files.writeString(tmp.resolve("not-a-report.json"), "{\"hello\": 1}");
    BuildResult bad = SiteBuild.build(new BuildOptions(Fixtures.sampleLibrary(), site, false, null, null,
        StoredReadership.source(notAReport.toString())));
    assertFalse(bad.written());
    assertTrue(bad.diagnostics().toString().contains("is not a readership report: it has no write_ups list"), bad.diagnostics().toString());
    assertFalse(Files.exists(site));
  }
}
