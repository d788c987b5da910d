package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 404 page of the sample site, served by the preview server as a static host serves it (the
 * site's 404.html with status 404, no other server logic), in headless Chromium: a mistyped id's
 * case lands on the write-up, and a near miss lists the closest ids.
 */
class NotFoundInBrowserTest {
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

  private static HttpResponse<String> get(String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    return client.send(HttpRequest.newBuilder(URI.create(served.server.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The ids the suggestions link to, each checked to lead to a write-up page of the site. */
  private static List<String> suggestions(Document page) {
    Element box = page.selectFirst("[data-not-found]");
    assertNotNull(box, "no suggestions block on the 404 page");
    List<String> ids = box.select("li a").eachText();
    for (Element a : box.select("li a")) {
      assertEquals("/incidents/" + a.text() + "/", a.attr("href"));
      assertTrue(Files.isRegularFile(served.site.resolve("incidents/" + a.text() + "/index.html")), a.attr("href"));
    }
    return ids;
  }

  @Test
  void theServerAnswersAMissingPageWithTheSites404PageAndStatus404() throws Exception {
    HttpResponse<String> response = get("incidents/inc-2024-003/");
    assertEquals(404, response.statusCode());
    assertEquals(Files.readString(served.site.resolve("404.html")), response.body());
    assertTrue(response.body().contains("data-not-found"), "the 404 page has the suggestions block");
  }

  @Test
  void anIdWithTheWrongCaseLandsOnTheWriteUp() throws Exception {
    for (String path : List.of("incidents/inc-2024-003/", "incidents/Inc-2024-003", "incidents/inc-2024-003/#timeline")) {
      Document page = served.open(path);
      assertTrue(page.body().hasClass("page-incident"), path + " shows: " + page.title());
      assertTrue(page.title().startsWith("Courier dispatch backlog"), path + " shows: " + page.title());
      assertEquals("Courier dispatch backlog from a Kafka consumer rebalance loop", page.selectFirst("h1").text(), path);
    }
  }

  @Test
  void aNearMissListsTheClosestIdsLinkingToTheirWriteUps() throws Exception {
    Document typo = served.open("incidents/INC-2024-03/");
    assertTrue(typo.body().hasClass("page-404"), typo.title());
    List<String> ids = suggestions(typo);
    assertFalse(typo.selectFirst("[data-not-found]").hasAttr("hidden"), "the suggestions are shown");
    assertTrue(ids.size() <= 5 && ids.contains("INC-2024-003"), ids.toString());

    Document swapped = served.open("incidents/INC-2022-040/");
    assertEquals("INC-2022-004", suggestions(swapped).get(0), "two swapped digits are one edit");

    Document fileName = served.open("incidents/INC-2024-003-dispatch-consumer-rebalance-loop/");
    assertEquals(List.of("INC-2024-003"), suggestions(fileName), "a write-up's file name instead of its id");
  }

  @Test
  void elsewhereAndForNothingCloseTheSuggestionsStayHidden() throws Exception {
    for (String path : List.of("nowhere/INC-2024-03/", "incidents/zzzzzzzzzzzzzzzzzzzzzzzz/")) {
      Document page = served.open(path);
      assertTrue(page.body().hasClass("page-404"), path);
      Element box = page.selectFirst("[data-not-found]");
      assertTrue(box.hasAttr("hidden") && box.select("li").isEmpty(), path + ": " + box.outerHtml());
    }
  }

  @Test
  void theIdListIsCompactAndOnlyThe404PageLoadsIt() throws Exception {
    String ids = Files.readString(served.site.resolve("assets/incident-ids.js"));
    TreeSet<String> pages = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(served.site.resolve("incidents"))) {
      dirs.filter(Files::isDirectory).forEach(d -> pages.add(d.getFileName().toString()));
    }
    assertEquals("window.casebookIncidentIds = \"" + String.join("\\n", pages) + "\";\n", ids);
    Map<String, byte[]> files = dev.casebook.testing.Fixtures.files(served.site);
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (!f.getKey().endsWith(".html") || f.getKey().equals("404.html")) continue;
      String html = new String(f.getValue(), StandardCharsets.UTF_8);
      assertFalse(html.contains("not-found.js") || html.contains("incident-ids.js"), f.getKey());
    }
  }
}
