package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where "Most cited" and "Read next" land in headless Chromium, at a desktop and a phone width:
 * the most cited write-ups beside the recent ones on a desktop and after them on a phone, every
 * link of the main navigation in view on a desktop, and nothing wider than a phone's screen.
 */
class ClassicsInBrowserTest {
  @TempDir static Path tmp;
  static ServedSite served;

  @BeforeAll
  static void buildAndServe() throws Exception {
    served = ServedSite.sample(tmp);
  }

  @AfterAll
  static void stop() {
    if (served != null) served.close();
  }

  /**
   * The page at {@code path} in a frame {@code width} by 900 pixels, measured by {@code measure}
   * (a script body that sees the frame's document as {@code d} and returns an object of numbers).
   */
  private Map<String, Double> measure(String path, int width, String theme, String measure) throws Exception {
    String name = "measure-" + width + "-" + theme + "-" + path.replace('/', '_') + ".html";
    Files.writeString(served.site.resolve(name), """
        <!doctype html><meta charset="utf-8"><title>measure</title>
        <iframe id="f" src="/%s" style="width:%dpx;height:900px;border:0"></iframe>
        <pre id="out"></pre>
        <script>
          var f = document.getElementById("f");
          f.onload = function () {
            var d = f.contentDocument;
            d.documentElement.setAttribute("data-theme", "%s");
            setTimeout(function () {
              var r = (function (d, w) { %s })(d, f.contentWindow);
              document.getElementById("out").textContent = Object.keys(r).map(function (k) { return k + "=" + r[k]; }).join("\\n");
            }, 300);
          };
        </script>
        """.formatted(path, width, theme, measure), StandardCharsets.UTF_8);
    String dom = served.chromium.dumpDom(served.server.url() + name);
    Map<String, Double> out = new HashMap<>();
    Arrays.stream(Jsoup.parse(dom).getElementById("out").text().split("\\s+")).filter(l -> l.contains("="))
        .forEach(l -> out.put(l.substring(0, l.indexOf('=')), Double.parseDouble(l.substring(l.indexOf('=') + 1))));
    return out;
  }

  private static final String HOME = """
      function box(s) { return d.querySelector(s).getBoundingClientRect(); }
      var nav = d.querySelector(".site-nav"), last = d.querySelectorAll(".site-nav a");
      last = last[last.length - 1].getBoundingClientRect();
      return { recentLeft: box("#recent-title").left, recentRight: box(".home-grid__main").right, recentBottom: box(".home-grid__main").bottom,
        citedLeft: box("#most-cited-title").left, citedTop: box("#most-cited-title").top, items: d.querySelectorAll(".most-cited li").length,
        navHidden: nav.scrollWidth - nav.clientWidth, citationsRight: last.right, navRight: nav.getBoundingClientRect().right,
        pageWider: d.documentElement.scrollWidth - d.documentElement.clientWidth };
      """;

  @Test
  void onADesktopTheMostCitedStandBesideTheRecentOnesAndEveryNavigationLinkShows() throws Exception {
    for (String theme : new String[] {"light", "dark"}) {
      Map<String, Double> m = measure("", 1366, theme, HOME);
      assertEquals(5, m.get("items"), m.toString());
      assertTrue(m.get("citedLeft") >= m.get("recentRight"), "beside the recent write-ups: " + m);
      assertTrue(m.get("citedTop") < 900, "on the first screen: " + m);
      assertEquals(0, m.get("navHidden"), "no link of the navigation scrolled out of view: " + m);
      assertTrue(m.get("citationsRight") <= m.get("navRight"), m.toString());
      assertEquals(0, m.get("pageWider"), m.toString());
    }
  }

  @Test
  void onAPhoneTheMostCitedComeAfterTheRecentOnesAndNothingIsWiderThanTheScreen() throws Exception {
    Map<String, Double> m = measure("", 390, "dark", HOME);
    assertTrue(m.get("citedTop") >= m.get("recentBottom"), "after the recent write-ups: " + m);
    assertEquals(m.get("recentLeft"), m.get("citedLeft"), "in the same column: " + m);
    assertEquals(0, m.get("pageWider"), m.toString());
  }

  @Test
  void theSummarySaysWhoCitesAWriteUpAndLinksToEachSection() throws Exception {
    Map<String, String> expected = Map.of(
        "INC-2024-028", "Cited by 1 design document and 1 place in code; referenced by 2 write-ups",
        "INC-2025-013", "Cited by 1 design document and 3 places in code",
        "INC-2024-003", "Cited by 2 places in code; referenced by 1 write-up",
        "INC-2022-011", "Referenced by 2 write-ups");
    for (var e : expected.entrySet()) {
      org.jsoup.nodes.Document page = Jsoup.parse(Files.readString(served.site.resolve("incidents/" + e.getKey() + "/index.html")));
      org.jsoup.nodes.Element summary = page.selectFirst(".incident__header .incident__crosslinks");
      assertEquals(e.getValue(), summary.text(), e.getKey());
      for (org.jsoup.nodes.Element a : summary.select("a")) {
        assertEquals(1, page.select(a.attr("href")).size(), e.getKey() + " links to its section " + a.attr("href"));
      }
    }
    assertEquals(null, Jsoup.parse(Files.readString(served.site.resolve("incidents/INC-2024-009/index.html")))
        .selectFirst(".incident__crosslinks"), "nothing cites it: no summary");
  }

  private static final String WRITE_UP = """
      var items = d.querySelectorAll(".read-next__item");
      var a = items[0].getBoundingClientRect(), b = items[1].getBoundingClientRect();
      var toc = Array.prototype.map.call(d.querySelectorAll(".toc a"), function (x) { return x.getAttribute("href"); });
      return { items: items.length, sameRow: a.top === b.top ? 1 : 0, reasons: d.querySelectorAll(".read-next__reason").length,
        tocReadNext: toc.indexOf("#read-next-title") >= 0 ? 1 : 0, tocReferenced: toc.indexOf("#referenced-by-title") >= 0 ? 1 : 0,
        summaryTop: d.querySelector(".incident__crosslinks").getBoundingClientRect().top,
        pageWider: d.documentElement.scrollWidth - d.documentElement.clientWidth };
      """;

  @Test
  void readNextIsTwoColumnsOnADesktopAndOneOnAPhoneAndTheSummaryIsOnTheFirstScreen() throws Exception {
    Map<String, Double> desktop = measure("incidents/INC-2023-014/", 1366, "light", WRITE_UP);
    assertEquals(6, desktop.get("items"), desktop.toString());
    assertEquals(6, desktop.get("reasons"), desktop.toString());
    assertEquals(1, desktop.get("sameRow"), desktop.toString());
    assertEquals(1, desktop.get("tocReadNext"), "in On this page: " + desktop);
    assertEquals(1, desktop.get("tocReferenced"), "in On this page: " + desktop);
    assertTrue(desktop.get("summaryTop") < 900, desktop.toString());
    Map<String, Double> phone = measure("incidents/INC-2023-014/", 390, "dark", WRITE_UP);
    assertEquals(0, phone.get("sameRow"), phone.toString());
    assertTrue(phone.get("summaryTop") < 900, phone.toString());
    assertEquals(0, phone.get("pageWider"), phone.toString());
  }
}
