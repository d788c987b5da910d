package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.collect.Collector;
import dev.casebook.collect.CollectorConfig;
import dev.casebook.serve.PreviewServer;
import dev.casebook.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readership beacon end to end: the sample library built with its beacon pointed at a running
 * collector, served, and a write-up read in headless Chromium (opened, scrolled to its end, then
 * hidden by leaving it). The collector must have stored its page view and its engagement.
 */
class ReadershipInBrowserTest {
  @TempDir Path tmp;

  @Test
  void readingAWriteUpToTheEndRecordsAPageViewAndItsEngagement() throws Exception {
    String db = tmp.resolve("readership.db").toString();
    CollectorConfig settings = CollectorConfig.defaults().withPort(0).withDb(db);
    try (Collector collector = Collector.start(settings, Clock.systemUTC())) {
      Path library = Fixtures.sampleLibraryCopy(tmp.resolve("library"));
      Path config = library.resolve("casebook.yml");
      String endpoint = collector.url().resolve("/_r/e").toString();
      Files.writeString(config, Files.readString(config) + "\nreadership:\n  endpoint: " + endpoint + "\n");
      Path site = tmp.resolve("site");
      assertTrue(SiteBuild.build(new BuildOptions(library, site, false, null)).written());
      String page = Files.readString(site.resolve("incidents/INC-2023-014/index.html"));
      assertTrue(page.contains("data-endpoint=\"" + endpoint + "\"") && page.contains("data-doc=\"INC-2023-014\""),
          "the beacon, with the collector and the write-up's id baked in");
      // A reader's visit: the write-up in a frame, scrolled to its end, then left (the frame
      // removed, which fires pagehide in it).
      Files.writeString(site.resolve("visit.html"), """
          <!doctype html><meta charset="utf-8"><title>visit</title>
          <iframe id="f" src="/incidents/INC-2023-014/?src=design-doc" style="width:1000px;height:700px"></iframe>
          <p id="done">no</p>
          <script>
            var f = document.getElementById("f");
            f.onload = function () {
              setTimeout(function () {
                var w = f.contentWindow;
                w.scrollTo({ top: w.document.documentElement.scrollHeight, behavior: "instant" });
                w.dispatchEvent(new Event("scroll"));
                setTimeout(function () {
                  f.remove();
                  setTimeout(function () { document.getElementById("done").textContent = "yes"; }, 500);
                }, 300);
              }, 300);
            };
          </script>
          """, StandardCharsets.UTF_8);
      try (PreviewServer server = PreviewServer.start(site, 0)) {
        Chromium chromium = Chromium.find(tmp);
        String dom = chromium.dumpDom(server.url() + "visit.html");
        assertEquals("yes", Jsoup.parse(dom).getElementById("done").text(), "the visit ran");
      }
      // The write-up is also the first step of reading paths, whose starts are events of their own.
      List<Map<String, Object>> events = waitForEvents(collector, 4).stream()
          .filter(e -> "pv".equals(e.get("kind")) || "eng".equals(e.get("kind"))).toList();
      assertEquals(2, events.size(), events.toString());
      Map<String, Object> view = events.get(0);
      assertEquals("pv", view.get("kind"), events.toString());
      assertEquals("INC-2023-014", view.get("doc"));
      assertEquals("design-doc", view.get("src_tag"), "the ?src tag of the link that was followed");
      Map<String, Object> engagement = events.get(1);
      assertEquals("eng", engagement.get("kind"), events.toString());
      assertEquals("INC-2023-014", engagement.get("doc"));
      assertEquals(100, ((Number) engagement.get("scroll")).intValue(), "scrolled to the bottom");
      assertEquals(1, ((Number) engagement.get("reached_end")).intValue(), "the end of the write-up came into view");
      assertEquals(view.get("page_load"), engagement.get("page_load"), "one page load");

      // The visit shows in the report and, built into the site, on the Learning page and the write-up.
      java.io.StringWriter report = new java.io.StringWriter();
      assertEquals(0, dev.casebook.cli.Main.run(new String[] {"readership", "--db", db, "--format", "csv", "--source", library.toString()},
          new java.io.PrintWriter(report, true), new java.io.PrintWriter(new java.io.StringWriter(), true)));
      String row = report.toString().lines().filter(l -> l.startsWith("INC-2023-014,")).findFirst().orElseThrow();
      String[] cells = row.split(",", -1);
      assertEquals(List.of("1", "1", "1.000"), List.of(cells[3], cells[7], cells[8]), "one read, to the end: " + row);
      assertEquals("1", cells[10], "from a design document (from_design): " + row);
      Path learning = tmp.resolve("learning-site");
      assertTrue(SiteBuild.build(new BuildOptions(library, learning, false, null, null, dev.casebook.collect.StoredReadership.source(db))).written());
      org.jsoup.nodes.Element tableRow = Jsoup.parse(Files.readString(learning.resolve("learning/index.html")))
          .selectFirst("[data-learning-table] tr[data-id=INC-2023-014]");
      assertEquals("100%", tableRow.select("td").get(4).text(), "read to the end");
      assertEquals("a design document", tableRow.select("td").get(5).text(), "came from the design document link");
    }
  }

  @Test
  void followingAReadingPathToItsLastStepRecordsOneStartAndOneFinish() throws Exception {
    String db = tmp.resolve("readership.db").toString();
    CollectorConfig settings = CollectorConfig.defaults().withPort(0).withDb(db);
    try (Collector collector = Collector.start(settings, Clock.systemUTC())) {
      Path library = Fixtures.sampleLibraryCopy(tmp.resolve("library"));
      Path config = library.resolve("casebook.yml");
      String endpoint = collector.url().resolve("/_r/e").toString();
      Files.writeString(config, Files.readString(config) + "\nreadership:\n  endpoint: " + endpoint + "\n");
      Path site = tmp.resolve("site");
      assertTrue(SiteBuild.build(new BuildOptions(library, site, false, null)).written());
      // The five steps of "Payments on-call" in order, then the first again. Its first step is
      // also a step of "Every new engineer", which the reader thereby starts and does not finish.
      Files.writeString(site.resolve("visit.html"), """
          <!doctype html><meta charset="utf-8"><title>visit</title>
          <iframe id="f" style="width:1000px;height:700px"></iframe>
          <p id="done">no</p>
          <script>
            var steps = ["INC-2022-011", "INC-2025-002", "INC-2023-014", "INC-2024-028", "INC-2023-031", "INC-2022-011"];
            var f = document.getElementById("f");
            var n = 0;
            f.onload = function () { setTimeout(next, 300); };
            function next() {
              if (n === steps.length) { f.remove(); document.getElementById("done").textContent = "yes"; return; }
              f.src = "/incidents/" + steps[n++] + "/";
            }
            next();
          </script>
          """, StandardCharsets.UTF_8);
      try (PreviewServer server = PreviewServer.start(site, 0)) {
        String dom = Chromium.find(tmp).dumpDom(server.url() + "visit.html");
        assertEquals("yes", Jsoup.parse(dom).getElementById("done").text(), "the visit ran");
      }
      // Once the six page views are in (the last one, of the step read again, included), so are the
      // path events their page loads sent.
      List<Map<String, Object>> events = List.of();
      for (long deadline = System.nanoTime() + 20_000_000_000L; System.nanoTime() < deadline; Thread.sleep(100)) {
        events = waitForEvents(collector, 0);
        if (events.stream().filter(e -> "pv".equals(e.get("kind"))).count() >= 6 && events.stream()
            .filter(e -> "pf".equals(e.get("kind"))).count() >= 1) break;
      }
      List<String> paths = events.stream().filter(e -> "ps".equals(e.get("kind")) || "pf".equals(e.get("kind")))
          .map(e -> e.get("kind") + " " + e.get("doc")).sorted().toList();
      assertEquals(List.of("pf path.payments-on-call", "ps path.every-new-engineer", "ps path.payments-on-call"), paths);

      // Built into the site, one reader is a handful: counted, never shown as a number.
      Path learning = tmp.resolve("learning-site");
      assertTrue(SiteBuild.build(new BuildOptions(library, learning, false, null, null, dev.casebook.collect.StoredReadership.source(db))).written());
      org.jsoup.nodes.Document page = Jsoup.parse(Files.readString(learning.resolve("learning/index.html")));
      assertEquals(List.of("Payments on-call", "fewer than 5", "fewer than 5"),
          page.select(".learning-paths tr[data-path=payments-on-call] td").eachText());
      assertEquals(List.of("Every new engineer", "fewer than 5", "0"),
          page.select(".learning-paths tr[data-path=every-new-engineer] td").eachText());
    }
  }

  private static List<Map<String, Object>> waitForEvents(Collector collector, int count) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    List<Map<String, Object>> rows = List.of();
    while (System.nanoTime() < deadline) {
      rows = new ArrayList<>();
      try (Connection c = collector.store().connect(); Statement s = c.createStatement();
           ResultSet r = s.executeQuery("SELECT kind, doc, src_tag, scroll, reached_end, page_load FROM readership_events"
               + " ORDER BY received_at, kind DESC")) {
        while (r.next()) {
          Map<String, Object> row = new java.util.HashMap<>();
          for (String k : Set.of("kind", "doc", "src_tag", "scroll", "reached_end", "page_load")) row.put(k, r.getObject(k));
          rows.add(row);
        }
      }
      if (rows.size() >= count) break;
      Thread.sleep(100);
    }
    return rows;
  }
}
