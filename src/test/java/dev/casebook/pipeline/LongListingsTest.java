package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.testing.Fixtures;
import dev.casebook.testing.LongLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listings longer than a page (a term's write-ups, the table of every write-up) are split into
 * pages of a bounded size, linked in order with rel=prev and rel=next.
 */
class LongListingsTest {
  static final int COUNT = 250;
  static final int DESIGNS = 130;
  @TempDir static Path tmp;
  static Path site;

  @BeforeAll
  static void build() throws Exception {
    Path library = LongLibrary.write(tmp.resolve("library"), COUNT);
    LongLibrary.designs(library, DESIGNS);
    site = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(library, site, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
  }

  /** The pages of the listing at {@code url}, following rel=next from the first; checks rel=prev on the way. */
  private static List<Document> pages(String url) {
    List<Document> pages = new ArrayList<>();
    Path file = site.resolve(url).resolve("index.html");
    Path previous = null;
    while (file != null) {
      assertTrue(Files.isRegularFile(file), "missing page " + site.relativize(file));
      Document page = Jsoup.parse(Fixtures.read(file));
      Element prev = page.selectFirst("head link[rel=prev]");
      if (previous == null) {
        assertNull(prev, "the first page has no rel=prev");
      } else {
        assertEquals(previous, file.getParent().resolve(prev.attr("href")).resolve("index.html").normalize());
        assertEquals(prev.attr("href"), page.selectFirst("nav.pagination a[rel=prev]").attr("href"));
      }
      pages.add(page);
      Element next = page.selectFirst("head link[rel=next]");
      previous = file;
      file = next == null ? null : file.getParent().resolve(next.attr("href")).resolve("index.html").normalize();
      if (next != null) assertEquals(next.attr("href"), page.selectFirst("nav.pagination a[rel=next]").attr("href"));
    }
    return pages;
  }

  private static List<String> newestFirst() {
    List<String> ids = new ArrayList<>();
    for (int n = COUNT; n >= 1; n--) ids.add(LongLibrary.id(n));
    return ids;
  }

  @Test
  void aTermWithMoreWriteUpsThanAPageHoldsIsSplitIntoLinkedPages() {
    List<Document> pages = pages("tags/dns/");
    assertEquals(3, pages.size());
    List<String> ids = new ArrayList<>();
    for (Document page : pages) {
      List<String> onPage = page.select(".incident-list .incident-card__id").eachText();
      assertTrue(onPage.size() <= 100, onPage.size() + " write-ups on one page");
      ids.addAll(onPage);
    }
    assertEquals(newestFirst(), ids, "every write-up once, newest first");
    assertEquals("Page 2 of 3", pages.get(1).selectFirst(".pagination__status").text());
    assertTrue(Files.isRegularFile(site.resolve("tags/dns/page/2/index.html")), "page 2 has a stable address");
    assertFalse(pages.get(0).select(".glance").isEmpty(), "the first page has the term at a glance");
    assertTrue(pages.get(0).selectFirst(".glance").text().contains("Write-ups " + COUNT), pages.get(0).selectFirst(".glance").text());
  }

  @Test
  void theTableOfWriteUpsIsBoundedPerPageAndItsRowsScriptHoldsThemAll() throws Exception {
    List<Document> pages = pages("incidents/");
    assertEquals(3, pages.size());
    List<String> ids = new ArrayList<>();
    for (Document page : pages) ids.addAll(page.select("[data-incident-table] tbody td.col-id").eachText());
    assertEquals(newestFirst(), ids);
    for (Path page : List.of(site.resolve("incidents/index.html"), site.resolve("incidents/page/2/index.html"))) {
      assertTrue(Files.size(page) < 150_000, page + ": " + Files.size(page) + " bytes");
    }
    Element table = pages.get(1).selectFirst("[data-incident-table]");
    assertEquals("../../../assets/incident-rows.js", table.attr("data-rows"));
    assertEquals("100", table.attr("data-first"));
    assertEquals(String.valueOf(COUNT), table.attr("data-total"));
    String script = Fixtures.read(site.resolve("assets/incident-rows.js"));
    String prefix = "window.casebookIncidentRows = ";
    assertTrue(script.startsWith(prefix), script.substring(0, 40));
    JsonNode data = new ObjectMapper().readTree(script.substring(prefix.length(), script.lastIndexOf(';')));
    List<String> rowIds = new ArrayList<>();
    data.get("rows").forEach(r -> rowIds.add(r.get(0).asText()));
    assertEquals(newestFirst(), rowIds);
    JsonNode newest = data.get("rows").get(0);
    assertEquals("Resolver outage number 250", newest.get(1).asText());
    assertEquals("data", data.get("terms").get(newest.get(4).asInt()).get(0).asText());
    assertEquals("teams/data/", data.get("terms").get(newest.get(4).asInt()).get(1).asText());
  }

  @Test
  void theDesignDocumentsAreListedInPagesToo() {
    List<Document> pages = pages("design/");
    assertEquals(2, pages.size());
    List<String> titles = new ArrayList<>();
    for (Document page : pages) titles.addAll(page.select("main .compact-list > li > a").eachText());
    assertEquals(DESIGNS, titles.size());
    assertEquals(DESIGNS, new java.util.HashSet<>(titles).size());
    assertEquals("Next →", pages.get(0).selectFirst("nav.pagination a[rel=next]").text());
  }

  @Test
  void aListingThatFitsOnOnePageHasNoPagerAndNoRowsScript() throws Exception {
    Path small = tmp.resolve("small-site");
    BuildResult result = SiteBuild.build(new BuildOptions(LongLibrary.write(tmp.resolve("small"), 12), small, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    Document table = Jsoup.parse(Fixtures.read(small.resolve("incidents/index.html")));
    assertEquals(12, table.select("tbody tr[data-services]").size());
    assertTrue(table.select(".pagination, link[rel=next]").isEmpty());
    assertFalse(Files.exists(small.resolve("assets/incident-rows.js")));
    assertFalse(Files.exists(small.resolve("tags/dns/page")));
  }
}
