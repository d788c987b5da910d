package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.serve.PreviewServer;
import dev.casebook.testing.Fixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search on the sample library's site, as headless Chromium runs it: lunr.js, the index and search.js. */
class SearchInBrowserTest {
  @TempDir static Path tmp;
  static ServedSite served;
  static Path site;
  static PreviewServer server;
  static Chromium chromium;

  @BeforeAll
  static void buildAndServe() throws Exception {
    served = ServedSite.sample(tmp, site -> {
      for (String name : List.of("search-box-harness.html", "search-progressive-harness.html")) {
        try (InputStream harness = SearchInBrowserTest.class.getResourceAsStream("/e2e/" + name)) {
          Files.copy(harness, site.resolve(name));
        }
      }
    });
    site = served.site;
    server = served.server;
    chromium = served.chromium;
  }

  @AfterAll
  static void stop() {
    if (served != null) served.close();
  }

  private Document open(String path) throws Exception {
    return served.open(path);
  }

  /** The ids of the results on the search page, best first. */
  private static List<String> results(Document page) {
    return page.select("[data-search-results] > li .incident-card__id").eachText();
  }

  /** The ids of the write-ups whose data-services (on the table of all write-ups) include a service. */
  private static Set<String> withService(String service) {
    Document table = Jsoup.parse(Fixtures.read(site.resolve("incidents/index.html")));
    return table.select("tbody tr[data-id]").stream()
        .filter(r -> List.of(r.attr("data-services").split("\\|")).contains(service))
        .map(r -> r.attr("data-id")).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void aWordInTheTitleRanksThatWriteUpFirst() throws Exception {
    Document page = open("search/?q=failover");
    List<String> ids = results(page);
    assertTrue(ids.size() >= 2, "failover is also in other write-ups' text: " + ids);
    assertEquals("INC-2023-014", ids.get(0), "the write-up with failover in its title: " + ids);
    Element first = page.selectFirst("[data-search-results] > li");
    assertTrue(first.select(".incident-card__title mark").eachText().contains("failover"), first.outerHtml());
    String count = page.selectFirst("[data-search-count]").text();
    assertEquals(ids.size() + " results match “failover”, best first.", count);
    assertTrue(page.selectFirst("[data-search-empty]").hasAttr("hidden"));
  }

  @Test
  void designDocumentsAreFoundByTheirTitleAndText() throws Exception {
    Document page = open("search/?q=units");
    Element design = page.selectFirst("[data-search-results] > li .search-result--design");
    assertTrue(design != null, page.select("[data-search-results]").outerHtml());
    assertEquals("Design document", design.selectFirst(".incident-card__id").text());
    assertEquals("../design/0009-config-values-carry-units/", design.selectFirst(".incident-card__title a").attr("href"));
    assertEquals(List.of("unit"), design.select(".incident-card__title mark").eachText(), "'units' matches 'unit' as lunr stems it");
    assertEquals("accepted", design.selectFirst(".badge--status").text());
    assertTrue(design.selectFirst(".incident-card__summary").text().startsWith("In INC-2025-002"), design.text());
    // A word only in a design document's text, not its title.
    Document milliseconds = open("search/?q=kilograms");
    assertTrue(milliseconds.select("[data-search-results] > li .search-result--design .incident-card__title").eachText()
        .contains("ADR 0009: Durations and sizes in configuration carry their unit"), milliseconds.text());
  }

  @Test
  void aFieldedQueryReturnsExactlyTheWriteUpsOfThatService() throws Exception {
    Set<String> checkout = withService("checkout");
    assertTrue(checkout.size() >= 3 && checkout.size() < 15, checkout.toString());
    assertEquals(checkout, new TreeSet<>(results(open("search/?q=service%3Acheckout"))));
    assertEquals(withService("payments-api"), new TreeSet<>(results(open("search/?q=service%3Apayments-api"))),
        "a hyphenated value is one term");
  }

  @Test
  void aRareWordFromOneBodyFindsThatWriteUp() throws Exception {
    assertEquals(List.of("INC-2023-014"), results(open("search/?q=lottery")));
  }

  @Test
  void aReadingPathIsFoundByWhatItsAuthorsWroteAboutItsSteps() throws Exception {
    // "Patroni" is in INC-2023-014's body and in the reason the payments path gives for that step.
    Document page = open("search/?q=patroni");
    assertEquals(List.of("INC-2023-014", "Reading path · 5 steps"), results(page));
    org.jsoup.nodes.Element path = page.select("[data-search-results] > li").get(1);
    assertEquals("../paths/payments-on-call/", path.selectFirst(".incident-card__title a").attr("href"));
    assertTrue(path.selectFirst(".search-result").hasClass("search-result--path"), path.outerHtml());
    assertEquals(List.of("Reading path · 6 steps"), results(open("search/?q=title%3A%22every%20new%20engineer%22")).stream()
        .filter(r -> r.startsWith("Reading path")).toList(), "a path's title is its title field");
  }

  @Test
  void aWordOnlyInABodyIsFound() throws Exception {
    // "lottery" is in the body of INC-2023-014 only.
    Document page = open("search/?q=lottery");
    assertEquals(List.of("INC-2023-014"), results(page));
    Element list = page.selectFirst("[data-search-results]");
    assertTrue(list.hasAttr("data-first-results-ms") && list.hasAttr("data-first-search-ms"), list.attributes().toString());
    var documents = dev.casebook.index.SearchDocuments.of(linked());
    Set<String> needed = new TreeSet<>();
    for (var p : documents.partitions()) {
      if (p.first().compareTo("lotteri\uffff") <= 0 && (p.end() == null || p.end().compareTo("lotteri") > 0)) {
        needed.add("../" + p.path());
      }
    }
    assertEquals(needed, new TreeSet<>(partitionScripts(page)), "the search page loaded the partitions of lottery's term");
    assertTrue(page.selectFirst("[data-search-progress]").hasAttr("hidden"), "nothing failed to load");
    assertEquals("1 result matches “lottery”, best first.", page.selectFirst("[data-search-count]").text());
    Element snippet = page.selectFirst("[data-search-results] > li .incident-card__snippet");
    assertFalse(snippet.hasAttr("hidden"), "the passage of the text that matched: " + snippet.outerHtml());
    assertEquals(List.of("lottery"), snippet.select("mark").eachText(), snippet.outerHtml());
    assertTrue(snippet.text().matches("… .*lottery.* …"), snippet.text());
    assertEquals(1, page.select("script[src*=search/text-]").size(), "the text file of the one result, and no other: "
        + page.select("script[src*=search/text-]"));
    assertEquals(List.of("INC-2023-014"), results(open("search/?q=body%3Alottery")), "the body field by name");
    assertEquals(List.of("INC-2023-014"), results(open("search/?q=%2Blottery+%2Bfailover")),
        "required words, one in the body, one in the title");
  }

  @Test
  void manySmallPartitionsGiveTheSameResultsAsOneAndOnlyTheNeededOnesLoad() throws Exception {
    // The sample library's index fits in one partition; rewrite it in partitions of about 40 entries.
    Path small = tmp.resolve("small-partitions-site");
    copyTree(site, small);
    Path out = tmp.resolve("small-partitions-out");
    var documents = dev.casebook.index.SearchDocuments.of(linked()).withPartitionPostings(40);
    try (dev.casebook.write.SiteWriter writer = dev.casebook.write.SiteWriter.open(out)) {
      dev.casebook.index.SearchIndexStage.write(documents, writer);
      writer.commit();
    }
    try (var files = Files.list(small.resolve("assets/search"))) {
      for (Path f : files.toList()) Files.delete(f);
    }
    try (var files = Files.list(out.resolve("assets/search"))) {
      for (Path f : files.toList()) Files.copy(f, small.resolve("assets/search").resolve(f.getFileName()));
    }
    var partitions = documents.partitions();
    assertTrue(partitions.size() > 40, "many partitions: " + partitions.size());
    assertTrue(documents.partitions(dev.casebook.index.SearchDocuments.GROUPS.get(0)).size() > 5, "of both indexes");
    try (PreviewServer smallServer = PreviewServer.start(small, 0)) {
      // Each query with the terms it looks up: a word of a plain query also every term it begins ("*");
      // service:checkout only in the short fields' index, which holds the field.
      var queries = new java.util.LinkedHashMap<String, List<String>>();
      queries.put("lottery", List.of("lotteri*"));
      queries.put("failover", List.of("failov*"));
      queries.put("dns", List.of("dn*"));
      queries.put("%2Bfailover+-patroni", List.of("failov", "patroni"));
      queries.put("service%3Acheckout", List.of("checkout"));
      queries.put("kafka+rebalance", List.of("kafka*", "rebal*"));
      for (var q : queries.entrySet()) {
        Document one = open("search/?q=" + q.getKey());
        Document many = Jsoup.parse(chromium.dumpDom(smallServer.url() + "search/?q=" + q.getKey()));
        assertFalse(results(many).isEmpty(), q.getKey());
        assertEquals(results(one), results(many), "the same results in the same order for " + q.getKey());
        Set<String> needed = new TreeSet<>();
        for (String word : q.getValue()) {
          String term = word.replace("*", "");
          String last = word.endsWith("*") ? term + "\uffff" : term;
          for (var p : partitions) {
            boolean startsBefore = p.first().compareTo(last) <= 0;
            boolean endsAfter = p.end() == null || p.end().compareTo(term) > 0;
            // A query of one field needs only the index that holds that field.
            boolean fieldsOnly = q.getKey().startsWith("service%3A");
            boolean inIndex = !fieldsOnly || p.group().equals(dev.casebook.index.SearchDocuments.GROUPS.get(0));
            if (startsBefore && endsAfter && inIndex) needed.add("../" + p.path());
          }
        }
        assertEquals(needed, new TreeSet<>(partitionScripts(many)), "only the partitions of its terms for " + q.getKey());
      }
    }
  }

  /** The partition files a page loaded (script elements of the short fields' and the body's indexes). */
  private static List<String> partitionScripts(Document page) {
    return page.select("script[src*=search/fields-], script[src*=search/body-]").eachAttr("src");
  }

  private static dev.casebook.link.LinkedLibrary linked() {
    dev.casebook.diag.Diagnostics diagnostics = new dev.casebook.diag.Diagnostics();
    Path source = Fixtures.sampleLibrary();
    var config = dev.casebook.config.ConfigLoader.load(source, diagnostics);
    var library = dev.casebook.validate.LibraryValidator.validate(
        dev.casebook.load.LibraryLoader.load(source, config, diagnostics), config, false, diagnostics);
    return dev.casebook.link.LinkResolver.link(library, source, diagnostics);
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }

  @Test
  void theServiceFilterNarrowsTheResults() throws Exception {
    List<String> all = results(open("search/?q=failover"));
    Document page = open("search/?q=failover&service=orders");
    List<String> narrowed = results(page);
    assertFalse(narrowed.isEmpty());
    assertTrue(narrowed.size() < all.size(), all + " -> " + narrowed);
    assertTrue(withService("orders").containsAll(narrowed), narrowed.toString());
    assertEquals(all.stream().filter(withService("orders")::contains).toList(), narrowed, "same order, fewer results");
    assertTrue(page.selectFirst("[data-search-count]").text().contains("with these filters"));
  }

  @Test
  void noResultsSuggestsRemovingTheFiltersAndShowsTheSyntax() throws Exception {
    Document page = open("search/?q=zzzqx&service=checkout");
    assertEquals(List.of(), results(page));
    Element empty = page.selectFirst("[data-search-empty]");
    assertFalse(empty.hasAttr("hidden"));
    assertTrue(empty.text().contains("Nothing matches “zzzqx” with these filters."), empty.text());
    assertFalse(page.selectFirst("[data-search-empty-filters]").hasAttr("hidden"), "suggests removing the filters");
    Element help = page.selectFirst("[data-search-help]");
    assertTrue(help.hasAttr("open"), "the syntax examples are shown");
    assertTrue(help.text().contains("service:"), help.text());
  }

  @Test
  void invalidSyntaxFallsBackToTheWords() throws Exception {
    assertEquals("INC-2023-014", results(open("search/?q=patroni%3A")).get(0), "a dangling field separator");
    assertEquals("INC-2023-014", results(open("search/?q=nosuchfield%3Apatroni")).get(0), "an unknown field");
  }

  @Test
  void theSearchPageWorksOpenedFromDisk() throws Exception {
    String url = site.resolve("search/index.html").toUri() + "?q=failover";
    Document page = Jsoup.parse(chromium.dumpDom(url));
    List<String> ids = results(page);
    assertEquals("INC-2023-014", ids.get(0), ids.toString());
    String href = page.selectFirst("[data-search-results] .incident-card__title a").attr("href");
    assertEquals("../incidents/INC-2023-014/index.html", href);
    Document body = Jsoup.parse(chromium.dumpDom(site.resolve("search/index.html").toUri() + "?q=lottery"));
    assertEquals(List.of("INC-2023-014"), results(body), "the partitions load from disk too");
    // A reading path, a glossary term and a synonym, from disk: links to folders get index.html, before the anchor.
    Document path = Jsoup.parse(chromium.dumpDom(site.resolve("search/index.html").toUri() + "?q=patroni"));
    assertEquals(List.of("INC-2023-014", "Reading path · 5 steps"), results(path));
    assertEquals("../paths/payments-on-call/index.html",
        path.select("[data-search-results] > li").get(1).selectFirst(".incident-card__title a").attr("href"));
    Document term = Jsoup.parse(chromium.dumpDom(site.resolve("search/index.html").toUri() + "?q=service%20level%20objective"));
    assertEquals("Glossary term", results(term).get(0), results(term).toString());
    assertEquals("../glossary/index.html#term-slo", term.selectFirst("[data-search-results] .incident-card__title a").attr("href"));
    Document synonym = Jsoup.parse(chromium.dumpDom(site.resolve("search/index.html").toUri() + "?q=k8s"));
    assertEquals(new TreeSet<>(results(open("search/?q=kubernetes"))), new TreeSet<>(results(synonym)), "k8s is searched as kubernetes");
  }

  @Test
  void aGlossaryTermIsFoundByItsNameAliasesAndDefinitionAndLinksToItsPlaceOnTheGlossaryPage() throws Exception {
    Document page = open("search/?q=service%20level%20objective");
    Element first = page.selectFirst("[data-search-results] > li");
    assertEquals("Glossary term", first.selectFirst(".incident-card__id").text(), results(page).toString());
    assertTrue(first.selectFirst(".search-result").hasClass("search-result--term"), first.outerHtml());
    Element link = first.selectFirst(".incident-card__title a");
    assertEquals("SLO", link.text(), "the term's name, not its aliases");
    assertEquals("../glossary/#term-slo", link.attr("href"));
    assertTrue(first.selectFirst(".incident-card__summary").text().startsWith("Service level objective: the share of requests"),
        first.text());
    // A word only in a definition finds the term.
    Document aisle = open("search/?q=aisle");
    assertTrue(aisle.select("[data-search-results] > li .incident-card__title a").eachAttr("href").contains("../glossary/#term-picker-app"),
        aisle.select("[data-search-results]").outerHtml());
    assertTrue(open("search/").selectFirst("[data-search-count]").text().contains("and 7 glossary terms"));
  }

  @Test
  void aSynonymFindsWhatTheWriteUpsSpellAnotherWay() throws Exception {
    // No write-up says k8s: the built-in group [k8s, kubernetes] finds those that say Kubernetes.
    Set<String> kubernetes = new TreeSet<>(results(open("search/?q=kubernetes")));
    assertTrue(kubernetes.size() >= 2, kubernetes.toString());
    assertEquals(kubernetes, new TreeSet<>(results(open("search/?q=k8s"))));
    // The library's own group [stockout, out of stock]: no text says stockout; a member of several
    // words counts only where all its words are (of is a stop word).
    Document stockout = open("search/?q=stockout");
    assertTrue(stockout.select("[data-search-results] .incident-card__title a").eachAttr("href").contains("../glossary/#term-substitution"),
        "the definition of substitution says out of stock: " + results(stockout));
    Set<String> both = new TreeSet<>(hrefs(open("search/?q=%2Bout%20%2Bstock")));
    assertTrue(both.containsAll(hrefs(stockout)), "only what has both out and stock: " + hrefs(stockout) + " of " + both);
  }

  private static List<String> hrefs(Document page) {
    return page.select("[data-search-results] > li .incident-card__title a").eachAttr("href");
  }

  @Test
  void normalPagesLoadTheIndexOnlyWhenTheBoxIsUsed() throws Exception {
    Document page = open("incidents/INC-2022-004/");
    assertTrue(page.select("script[src$=search/index.js], script[src$=lunr.min.js]").isEmpty(),
        page.select("script[src]").toString());
    assertEquals(1, page.select("form[data-site-search] input[name=q]").size(), "the header has the box");
    Document search = open("search/");
    assertEquals(1, search.select("script[src$=search/index.js]").size(), "the search page loads it directly");
  }

  @Test
  void theHeaderBoxShowsResultsAsYouTypeWithKeyboardNavigation() throws Exception {
    Document harness = open("search-box-harness.html");
    JsonNode r = new ObjectMapper().readTree(harness.selectFirst("#report").text());
    assertFalse(r.has("timeout"), r.toString());
    assertEquals("undefined", r.get("indexBeforeUse").asText());
    assertFalse(r.get("scriptsBeforeUse").toString().contains("search/index.js"), r.toString());
    assertTrue(r.get("slashFocusesTheBox").asBoolean(), "/ focuses the box");
    assertEquals("object", r.get("indexAfterUse").asText());
    assertTrue(r.get("scriptsAfterUse").toString().contains("../../assets/search/index.js"), r.toString());
    assertTrue(r.get("scriptsAfterUse").toString().contains("../../assets/vendor/lunr.min.js"), r.toString());
    List<String> asYouType = texts(r.get("asYouType"));
    assertEquals("INC-2023-014", asYouType.get(0), "failov finds failover: " + asYouType);
    assertTrue(texts(r.get("marks")).stream().anyMatch(m -> m.equalsIgnoreCase("failover")), r.toString());
    assertEquals("true", r.get("expanded").asText());
    assertEquals(r.get("headerBefore").asText(), r.get("headerWithResults").asText(),
        "the header does not move when the box takes focus and shows results (1200 px wide)");
    assertTrue(r.get("headerBefore").asText().split(" ").length > 8, r.get("headerBefore").asText());
    assertEquals(asYouType.get(1), r.get("activeAfterTwoDowns").asText());
    assertEquals(asYouType.get(0), r.get("activeAfterUp").asText());
    assertTrue(r.get("hiddenAfterEscape").asBoolean());
    assertEquals(0, r.get("emptyOptions").asInt());
    assertTrue(r.get("emptyState").asText().contains("Nothing matches “zzzqx”"), r.toString());
    assertTrue(r.get("emptyState").asText().contains("service:"), "shows fielded examples: " + r);
    assertEquals(List.of("INC-2023-014", "Reading path · 5 steps"), texts(r.get("patroni")), "a path whose reason names it");
    assertEquals(List.of("INC-2023-014"), texts(r.get("lottery")), "a word only in a body");
    assertEquals(List.of("lottery"), texts(r.get("lotteryMarks")), r.toString());
    assertTrue(r.get("lotteryLine").asText().contains("order write became a lottery"), r.toString());
    assertFalse(texts(r.get("termScripts")).isEmpty(), r.toString());
    assertTrue(texts(r.get("termScripts")).stream().allMatch(s -> s.matches("\\.\\./\\.\\./assets/search/(fields|body)-\\d+\\.js")), r.toString());
    assertEquals("../../incidents/INC-2023-014/", r.get("enterGoesTo").asText());
    assertEquals("/incidents/INC-2023-014/", r.get("landedOn").asText(), "Enter opens the chosen write-up");
  }

  @Test
  void theFirstResultsShowBeforeTheStoreOfTheLaterOnesIsIn() throws Exception {
    // The harness holds back every store file but the first one asked for by 500 ms.
    Document harness = open("search-progressive-harness.html#failover");
    JsonNode r = new ObjectMapper().readTree(harness.selectFirst("#report").text());
    assertFalse(r.has("timeout"), r.toString());
    assertTrue(r.get("storeFiles").size() >= 2, "the first results' store is in more than one file: " + r);
    JsonNode states = r.get("states");
    JsonNode first = states.get(0);
    JsonNode last = states.get(states.size() - 1);
    assertEquals("true", first.get("busy").asText(), "the first draw is marked busy: " + r);
    assertEquals("INC-2023-014", texts(first.get("ids")).get(0), r.toString());
    assertEquals("false", last.get("busy").asText(), r.toString());
    List<String> finalIds = texts(last.get("ids"));
    List<String> firstIds = texts(first.get("ids"));
    assertTrue(firstIds.size() < finalIds.size(), r.toString());
    assertEquals(finalIds.subList(0, firstIds.size()), firstIds, "results are only added below, in rank order: " + r);
    assertTrue(last.get("at").asLong() - first.get("at").asLong() >= 400,
        "the first result did not wait for the held-back store files: " + r);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
