package dev.casebook.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.config.ConfigLoader;
import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import dev.casebook.link.LinkResolver;
import dev.casebook.link.LinkedLibrary;
import dev.casebook.load.LibraryLoader;
import dev.casebook.model.Incident;
import dev.casebook.model.Library;
import dev.casebook.search.LunrIndex;
import dev.casebook.search.LunrIndexWriter;
import dev.casebook.testing.Fixtures;
import dev.casebook.validate.LibraryValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index stage on the sample library: assets/search/index.js and what it was built from. */
class SearchIndexStageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  static LinkedLibrary linked;
  static byte[] script;

  @BeforeAll
  static void buildTheSampleSite() throws Exception {
    Path site = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(Fixtures.sampleLibrary(), site, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    script = Files.readAllBytes(site.resolve(SearchIndexStage.PATH));
    linked = link(Fixtures.sampleLibrary());
  }

  static LinkedLibrary link(Path source) {
    Diagnostics diagnostics = new Diagnostics();
    SiteConfig config = ConfigLoader.load(source, diagnostics);
    Library library = LibraryValidator.validate(LibraryLoader.load(source, config, diagnostics), config, false, diagnostics);
    LinkedLibrary linked = LinkResolver.link(library, source, diagnostics);
    assertFalse(diagnostics.hasErrors(), diagnostics.sorted().toString());
    return linked;
  }

  /** The object the script assigns, parsed by Jackson. */
  static JsonNode parse(byte[] script) throws Exception {
    String text = new String(script, StandardCharsets.UTF_8);
    String prefix = "window.casebookSearch = ";
    assertTrue(text.startsWith(prefix), text.substring(0, 80));
    String rest = text.substring(prefix.length()).strip();
    assertTrue(rest.endsWith(";"), "ends with ;");
    return JSON.readTree(rest.substring(0, rest.length() - 1));
  }

  @Test
  void theScriptHoldsTheFirstIndexExactlyAsLunrIndexWriterWritesIt() throws Exception {
    SearchDocuments documents = SearchDocuments.of(linked);
    LunrIndex index = documents.firstPiece().index();
    String expectedStart = "window.casebookSearch = {\"index\": " + LunrIndexWriter.toJson(index) + ", \"docs\": [";
    String text = new String(script, StandardCharsets.UTF_8);
    assertTrue(text.startsWith(expectedStart), "the embedded index differs from LunrIndexWriter's bytes");
    assertTrue(text.endsWith("]}, \"text\": {\"chunk\": 10, \"files\": 2}};\n"), text.substring(text.length() - 80));

    JsonNode root = parse(script);
    assertEquals(List.of("index", "docs", "shards", "text"), fieldNames(root));
    JsonNode idx = root.get("index");
    assertEquals("2.3.9", idx.get("version").asText());
    assertEquals(List.of("title", "id", "summary", "service", "team", "tag", "names"), texts(idx.get("fields")), "no body");
    assertEquals(List.of("stemmer"), texts(idx.get("pipeline")));
    List<String> refs = new ArrayList<>();
    for (int n = 0; n < linked.library().incidents().size() + linked.library().designDocs().size(); n++) refs.add(Integer.toString(n));
    assertEquals(refs, index.refs(), "refs are positions: write-ups in library order, then design documents");
    assertTrue(text.indexOf("\"position\"") < 0, "no position metadata");
    assertTrue(index.terms().contains("failov"), "a title word");
    assertFalse(index.terms().contains("lotteri"), "a word of one body only (lottery) is not in the first index");
  }

  @Test
  void theBodyShardsAreWrittenEachExactlyAsLunrIndexWriterWritesIt() throws Exception {
    Path site = tmp.resolve("site");
    SearchDocuments documents = SearchDocuments.of(linked);
    List<SearchDocuments.Piece> shards = documents.shards();
    assertEquals(1, shards.size(), "15 write-ups and 2 design documents fit in one shard");
    JsonNode list = parse(script).get("shards");
    assertEquals(List.of("body"), texts(list.get("fields")));
    assertEquals(shards.size(), list.get("files").size());
    for (SearchDocuments.Piece shard : shards) {
      JsonNode entry = list.get("files").get(shard.shard());
      assertEquals("body-" + shard.shard() + ".js", entry.get("file").asText());
      assertEquals(shard.from(), entry.get("from").asInt());
      assertEquals(shard.to(), entry.get("to").asInt());
      String expected = "window.casebookSearchShards = window.casebookSearchShards || {}; window.casebookSearchShards["
          + shard.shard() + "] = " + LunrIndexWriter.toJson(shard.index()) + ";\n";
      assertEquals(expected, Files.readString(site.resolve("assets/search/body-" + shard.shard() + ".js"), StandardCharsets.UTF_8));
      assertEquals(List.of("body"), shard.index().fields());
      assertTrue(shard.index().terms().contains("lotteri"));
    }
    try (var files = Files.list(site.resolve("assets/search"))) {
      assertEquals(List.of("body-0.js", "index.js", "text-0.js", "text-1.js"), files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void smallShardsCoverEveryWriteUpOnceInRefOrderAndAreWrittenAsLunrIndexWriterWritesThem() throws Exception {
    SearchDocuments documents = SearchDocuments.of(linked).withShardSize(4);
    List<SearchDocuments.Piece> shards = documents.shards();
    assertEquals(5, shards.size(), "17 documents in shards of 4: 4, 4, 4, 4, 1");
    List<String> covered = new ArrayList<>();
    int next = 0;
    for (SearchDocuments.Piece shard : shards) {
      assertEquals(next, shard.from(), "contiguous");
      assertTrue(shard.to() - shard.from() <= 4 && shard.to() > shard.from());
      next = shard.to();
      List<String> refs = shard.index().refs();
      assertEquals(shard.to() - shard.from(), refs.size());
      covered.addAll(refs);
    }
    List<String> all = new ArrayList<>();
    for (int n = 0; n < 17; n++) all.add(Integer.toString(n));
    assertEquals(all, covered, "every ref exactly once, in order");

    Path out = tmp.resolve("small-shards");
    try (dev.casebook.write.SiteWriter writer = dev.casebook.write.SiteWriter.open(out)) {
      SearchIndexStage.write(documents, writer);
      writer.commit();
    }
    byte[] first = Files.readAllBytes(out.resolve(SearchIndexStage.PATH));
    assertArrayEquals(SearchIndexStage.script(documents), first);
    JsonNode files = parse(first).get("shards").get("files");
    assertEquals(5, files.size());
    for (SearchDocuments.Piece shard : shards) {
      assertEquals(shard.from(), files.get(shard.shard()).get("from").asInt());
      assertEquals(shard.to(), files.get(shard.shard()).get("to").asInt());
      assertArrayEquals(SearchIndexStage.shardScript(shard), Files.readAllBytes(out.resolve(shard.path())), shard.path());
    }
    String firstText = new String(first, StandardCharsets.UTF_8);
    assertTrue(firstText.startsWith("window.casebookSearch = {\"index\": " + LunrIndexWriter.toJson(documents.firstPiece().index())
        + ", \"docs\": ["), "the same first index whatever the shard size");
  }

  @Test
  void theDocumentStoreDescribesEveryWriteUpInLibraryOrder() throws Exception {
    JsonNode docs = parse(script).get("docs");
    List<Incident> incidents = linked.library().incidents();
    assertEquals(15, incidents.size(), "the sample library (drafts left out)");
    assertEquals(incidents.size() + 2, docs.size(), "and the 2 design documents");
    for (int n = 0; n < incidents.size(); n++) {
      Incident i = incidents.get(n);
      JsonNode d = docs.get(n);
      assertEquals(List.of("kind", "id", "title", "url", "date", "dateLabel", "year", "owner", "services", "teams", "tags",
          "severity", "summary", "nearMiss"), fieldNames(d));
      assertEquals("incident", d.get("kind").asText());
      assertEquals(i.id(), d.get("id").asText());
      assertEquals(i.title(), d.get("title").asText());
      assertEquals("incidents/" + i.id() + "/", d.get("url").asText());
      assertEquals(i.date().toString(), d.get("date").asText());
      assertEquals(i.date().getYear(), d.get("year").asInt());
      assertEquals(i.owner(), d.get("owner").asText());
      assertEquals(i.services(), texts(d.get("services")));
      assertEquals(i.teams(), texts(d.get("teams")));
      assertEquals(i.tags(), texts(d.get("tags")));
      assertEquals(i.severity(), d.get("severity").asText());
      assertEquals(i.summary(), d.get("summary").asText());
      assertEquals(i.nearMiss(), d.get("nearMiss").asBoolean());
    }
    JsonNode failover = docs.get(indexOf(incidents, "INC-2023-014"));
    assertEquals("11 April 2023", failover.get("dateLabel").asText());

    List<dev.casebook.model.DesignDoc> designs = linked.library().designDocs();
    for (int n = 0; n < designs.size(); n++) {
      dev.casebook.model.DesignDoc design = designs.get(n);
      JsonNode d = docs.get(incidents.size() + n);
      assertEquals(List.of("kind", "id", "title", "url", "date", "dateLabel", "year", "owner", "services", "teams", "tags",
          "severity", "summary", "nearMiss", "status", "authors"), fieldNames(d));
      assertEquals("design", d.get("kind").asText());
      assertEquals("", d.get("id").asText());
      assertEquals(design.title(), d.get("title").asText());
      assertEquals("design/" + design.slug() + "/", d.get("url").asText());
      assertEquals(design.status(), d.get("status").asText());
      assertEquals(design.authors(), texts(d.get("authors")));
      assertEquals(design.date().toString(), d.get("date").asText());
      String summary = d.get("summary").asText();
      assertTrue(summary.length() > 40 && summary.length() <= SearchDocuments.LEAD_LENGTH + 1, summary);
      assertTrue(SearchDocuments.bodyText(linked.designBodies().get(design.slug()).html())
          .contains(summary.replaceAll("\u2026$", "")), "the opening of the first paragraph: " + summary);
    }
  }

  @Test
  void designDocumentsAreSearchedByTitleInTheFirstIndexAndByTextInTheShards() {
    SearchDocuments documents = SearchDocuments.of(linked);
    int incidents = linked.library().incidents().size();
    for (dev.casebook.model.DesignDoc design : linked.library().designDocs()) {
      SearchDocuments.Document doc = documents.documents().stream().filter(d -> d.design() == design).findFirst().orElseThrow();
      assertTrue(Integer.parseInt(doc.ref()) >= incidents, "after the write-ups");
      assertEquals(SearchDocuments.Kind.DESIGN, doc.kind());
      assertEquals(design.title(), doc.fields().get("title"));
      assertEquals(List.of(), doc.fields().get("service"));
      assertFalse(doc.body().isEmpty());
    }
    // ADR 0009: "Config values carry their units" (the title) and "milliseconds" in its text.
    LunrIndex first = documents.firstPiece().index();
    assertTrue(first.terms().contains("unit"), first.terms().toString());
    assertTrue(documents.shards().get(0).index().terms().contains("millisecond"));
  }

  @Test
  void theTextFilesHoldEachDocumentsPlainTextInRefOrder() throws Exception {
    Path site = tmp.resolve("site");
    SearchDocuments documents = SearchDocuments.of(linked);
    assertEquals(2, SearchIndexStage.textFiles(documents), "17 documents, 10 per file");
    List<String> texts = new ArrayList<>();
    for (int n = 0; n < 2; n++) {
      String script = Files.readString(site.resolve(SearchIndexStage.textPath(n)), StandardCharsets.UTF_8);
      String prefix = "window.casebookSearchText = window.casebookSearchText || {}; window.casebookSearchText[" + n + "] = ";
      assertTrue(script.startsWith(prefix), script.substring(0, 100));
      assertTrue(script.endsWith(";\n"));
      JsonNode list = JSON.readTree(script.substring(prefix.length(), script.length() - 2));
      assertEquals(n == 0 ? 10 : 7, list.size());
      list.forEach(t -> texts.add(t.asText()));
      assertArrayEquals(SearchIndexStage.textScript(documents, n), script.getBytes(StandardCharsets.UTF_8));
    }
    for (SearchDocuments.Document d : documents.documents()) assertEquals(d.body(), texts.get(Integer.parseInt(d.ref())));
  }

  @Test
  void fieldTextsComeFromTheWriteUpAndItsRenderedBody() {
    SearchDocuments documents = SearchDocuments.of(linked);
    List<Incident> incidents = linked.library().incidents();
    int n = indexOf(incidents, "INC-2023-014");
    SearchDocuments.Document doc = documents.documents().get(n);
    assertEquals(Integer.toString(n), doc.ref());
    assertEquals(List.of("ref", "title", "id", "summary", "service", "team", "tag", "names", "body"), List.copyOf(doc.fields().keySet()));
    assertEquals(List.of("orders", "checkout"), doc.fields().get("service"));
    assertEquals(List.of("data-infra", "fulfilment", "payments"), doc.fields().get("team"), "owner first, each team once");
    assertEquals(List.of("data", "infra"), doc.fields().get("names"), "the words of names of several words");
    String body = (String) doc.fields().get("body");
    assertTrue(body.contains("Patroni"), body);
    assertFalse(body.contains("<"), "plain text");
    assertFalse(body.matches("(?s).*(^|\\s)#(\\s|$).*"), "no heading anchors: " + body);
  }

  @Test
  void bodyTextDropsHeadingAnchorsAndKeepsTheRest() {
    String html = "<h2 id=\"what-happened\">What happened <a class=\"heading-anchor\" href=\"#what-happened\">#</a></h2>"
        + "<p>The <strong>primary</strong> failed over &amp; <a href=\"../x/\">recovered</a>.</p><pre><code>kubectl get pods\n</code></pre>";
    assertEquals("What happened The primary failed over & recovered. kubectl get pods", SearchDocuments.bodyText(html));
  }

  @Test
  void twoBuildsWriteTheSameBytes() throws Exception {
    Path again = tmp.resolve("again");
    assertTrue(SiteBuild.build(new BuildOptions(Fixtures.sampleLibrary(), again, false, null)).written());
    assertArrayEquals(script, Files.readAllBytes(again.resolve(SearchIndexStage.PATH)));
    assertArrayEquals(script, SearchIndexStage.script(SearchDocuments.of(linked)));
    assertArrayEquals(Files.readAllBytes(tmp.resolve("site/assets/search/body-0.js")),
        Files.readAllBytes(again.resolve("assets/search/body-0.js")));
    SearchDocuments small = SearchDocuments.of(linked).withShardSize(4);
    for (SearchDocuments.Piece shard : small.shards()) {
      assertArrayEquals(SearchIndexStage.shardScript(shard), SearchIndexStage.shardScript(SearchDocuments.of(linked).withShardSize(4)
          .shards().get(shard.shard())));
    }
  }

  @Test
  void theSiteShipsLunrAndTheSearchPage() throws Exception {
    Path site = tmp.resolve("site");
    byte[] lunr = Files.readAllBytes(site.resolve("assets/vendor/lunr.min.js"));
    try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/resources/webjars/lunr/2.3.9/lunr.min.js")) {
      assertArrayEquals(in.readAllBytes(), lunr);
    }
    String page = Files.readString(site.resolve("search/index.html"));
    assertTrue(page.contains("<script defer src=\"../assets/search/index.js\"></script>"), "the search page loads the index");
    assertFalse(page.contains("body-0.js"), "search.js loads the body shards later");
    String home = Files.readString(site.resolve("index.html"));
    assertFalse(home.contains("search/index.js"), "other pages load it only when the box is used");
    assertTrue(home.contains("action=\"search/\""), "the header box");
  }

  static int indexOf(List<Incident> incidents, String id) {
    for (int n = 0; n < incidents.size(); n++) if (incidents.get(n).id().equals(id)) return n;
    throw new AssertionError("no " + id);
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
