package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The header box and the search page give one answer: for each query the box lists the top of the
 * page's list, in the same order, and both say the same about what was searched. On the sample
 * library, in headless Chromium.
 */
class SearchAgreementInBrowserTest {
  private static final int BOX_LIMIT = 8;
  @TempDir static Path tmp;
  static ServedSite served;

  @BeforeAll
  static void buildAndServe() throws Exception {
    served = ServedSite.sample(tmp, site -> {
      try (InputStream harness = SearchAgreementInBrowserTest.class.getResourceAsStream("/e2e/search-agreement-harness.html")) {
        Files.copy(harness, site.resolve("search-agreement-harness.html"));
      }
    });
  }

  @AfterAll
  static void stop() {
    if (served != null) served.close();
  }

  /** What the box shows for each query, typed one after another on a write-up's page. */
  private static JsonNode box(String... queries) throws Exception {
    String fragment = URLEncoder.encode(String.join("|", queries), StandardCharsets.UTF_8).replace("+", "%20");
    Document harness = served.open("search-agreement-harness.html#" + fragment);
    JsonNode report = new ObjectMapper().readTree(harness.selectFirst("#report").text());
    assertFalse(report.has("timeout"), report.toString());
    return report.get("boxes");
  }

  private static Document page(String query) throws Exception {
    return served.open("search/?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  private static List<String> pageIds(Document page) {
    return page.select("[data-search-results] > li .incident-card__id").eachText();
  }

  private static List<String> ids(JsonNode box) {
    List<String> out = new ArrayList<>();
    box.get("ids").forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The box's list is the top of the page's list, and its link gives the page's count. */
  private static List<String> assertAgree(JsonNode boxes, String query) throws Exception {
    JsonNode box = boxes.get(query);
    List<String> onPage = pageIds(page(query));
    assertFalse(onPage.isEmpty(), "the page finds something for '" + query + "'");
    assertEquals(onPage.subList(0, Math.min(BOX_LIMIT, onPage.size())), ids(box), "box and page for '" + query + "'");
    String more = box.get("more").asText();
    assertTrue(onPage.size() == 1 ? more.equals("Open the search page") : more.equals("All " + onPage.size() + " results on the search page"),
        query + ": " + more);
    return onPage;
  }

  @Test
  void theBoxAndThePageAgree() throws Exception {
    JsonNode boxes = box("postgres", "kilogr", "certficate", "infra", "weight unit mixup when moving a column",
        "sign in errors because server time was off", "k8s", "stockout", "service level objective", "patroni", "lapsed");

    // A word that is only the beginning of index terms (PostgreSQL), and a synonym of it.
    List<String> postgres = assertAgree(boxes, "postgres");
    assertEquals(List.of("Glossary term", "INC-2023-014", "INC-2025-013"), postgres.stream().sorted().toList(),
        "and the glossary's PgBouncer, whose definition names the Postgres clusters");

    // The beginning of a word, as typed: both search it as a prefix, and say so.
    List<String> prefix = assertAgree(boxes, "kilogr");
    assertEquals("INC-2024-028", prefix.get(0), prefix.toString());
    assertEquals("Showing results for “kilogr…”.", boxes.get("kilogr").get("shown").asText());

    // A typo: both search for the word it is near, and say so.
    List<String> typo = assertAgree(boxes, "certficate");
    assertEquals("INC-2022-011", typo.get(0), typo.toString());
    assertEquals("Showing results for “certificate”.", boxes.get("certficate").get("shown").asText());
    assertTrue(page("certficate").selectFirst("[data-search-count]").text().endsWith("Showing results for “certificate”."));

    // One word of a team name of several words (data-infra) finds the write-ups of that team.
    List<String> team = assertAgree(boxes, "infra");
    assertEquals(List.of("INC-2023-003", "INC-2023-014", "INC-2024-003", "INC-2024-028", "INC-2025-008", "INC-2025-013"),
        team.stream().filter(id -> id.startsWith("INC-")).sorted().toList(), "the write-ups; the glossary's PgBouncer says 'Data infra' too");

    // A paraphrase of "Weighed items recorded in grams as kilograms after a column migration".
    List<String> paraphrase = assertAgree(boxes, "weight unit mixup when moving a column");
    assertEquals("INC-2024-028", paraphrase.get(0), paraphrase.toString());
    assertAgree(boxes, "sign in errors because server time was off");

    // A synonym (built in, and the library's own of several words), a glossary term and a reading path.
    assertAgree(boxes, "k8s");
    assertAgree(boxes, "stockout");
    assertEquals("Glossary term", assertAgree(boxes, "service level objective").get(0));
    assertTrue(assertAgree(boxes, "patroni").contains("Reading path · 5 steps"));

    // A word no write-up uses, searched as its built-in related words (expired, expiry).
    List<String> related = assertAgree(boxes, "lapsed");
    assertEquals("INC-2022-011", related.get(0), related.toString());
  }

  @Test
  void anExactIdOpensItsWriteUpFromTheBoxAndThePage() throws Exception {
    JsonNode boxes = box("INC-2022-004");
    assertEquals("INC-2022-004", ids(boxes.get("INC-2022-004")).get(0), "the box lists it first");
    Document landed = page("INC-2022-004");
    assertEquals("Bare domain stopped resolving after the DNS provider migration", landed.selectFirst("h1").text(),
        "the search page opened the write-up");
  }
}
