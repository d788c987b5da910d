package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.LongLibrary;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table of write-ups longer than a page, in a browser: without a filter it shows its page; a
 * filter or a sort loads the rows of every page and applies to all of them.
 */
class LongTableInBrowserTest {
  static final int COUNT = 250;
  @TempDir static java.nio.file.Path tmp;
  static ServedSite served;

  @BeforeAll
  static void buildAndServe() throws Exception {
    served = ServedSite.of(LongLibrary.write(tmp.resolve("library"), COUNT), tmp);
  }

  @AfterAll
  static void stop() {
    if (served != null) served.close();
  }

  private static List<Element> shown(Document page) {
    return page.select("[data-incident-table] tbody tr").stream().filter(r -> !r.hasAttr("hidden")).toList();
  }

  @Test
  void withoutAFilterEachPageShowsItsOwnRows() throws Exception {
    Document page = served.open("incidents/page/2/");
    List<Element> rows = shown(page);
    assertEquals(100, rows.size());
    assertEquals(LongLibrary.id(150), rows.get(0).selectFirst("td.col-id").text());
    assertEquals("Showing 101–200 of 250 write-ups", page.selectFirst("[data-filter-count]").text());
  }

  @Test
  void aFilterInTheAddressAppliesToTheRowsOfEveryPage() throws Exception {
    Document page = served.open("incidents/?team=core");
    List<Element> rows = shown(page);
    assertEquals(COUNT / 2, rows.size(), "the odd write-ups, from every page");
    for (Element row : rows) assertTrue(row.attr("data-teams").equals("core"), row.outerHtml());
    assertEquals(LongLibrary.id(249), rows.get(0).selectFirst("td.col-id").text());
    assertEquals("../teams/core/", rows.get(0).selectFirst("td.col-owner a").attr("href"));
    assertEquals("Showing 125 of 250 write-ups", page.selectFirst("[data-filter-count]").text());
    for (Element nav : page.select("nav.pagination")) assertTrue(nav.hasAttr("hidden"), "the pages' links are hidden");
  }

  @Test
  void openedFromDiskTheRowsOfEveryPageLoadAndLinkToPages() throws Exception {
    String url = served.site.resolve("incidents/index.html").toUri() + "?team=data";
    Document page = org.jsoup.Jsoup.parse(served.chromium.dumpDom(url));
    List<Element> rows = shown(page);
    assertEquals(COUNT / 2, rows.size());
    assertEquals("../incidents/" + LongLibrary.id(250) + "/index.html", rows.get(0).selectFirst("td.col-id a").attr("href"));
    assertEquals("../teams/data/index.html", rows.get(0).selectFirst("td.col-owner a").attr("href"));
  }

  @Test
  void aSortOrdersTheRowsOfEveryPage() throws Exception {
    Document page = served.open("incidents/page/3/?sort=id&dir=asc");
    List<Element> rows = shown(page);
    assertEquals(COUNT, rows.size());
    assertEquals(LongLibrary.id(1), rows.get(0).selectFirst("td.col-id").text());
    assertEquals("../../../incidents/" + LongLibrary.id(1) + "/", rows.get(0).selectFirst("td.col-id a").attr("href"));
  }
}
