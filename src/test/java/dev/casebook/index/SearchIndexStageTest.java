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
import dev.casebook.write.SiteUpdate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index stage on the sample library: the manifest, the partitions, the store, the ids and the texts. */
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
    return parse(script, "window.casebookSearch = ");
  }

  static JsonNode parse(byte[] script, String prefix) throws Exception {
    return JSON.readTree(json(script, prefix));
  }

  /**
   * The JSON text of the value a search file's script sets: the value itself, or, when it is a
   * string (a compressed file), what its base64 of a gzip decodes to.
   */
  static String json(byte[] script, String prefix) throws Exception {
    String text = new String(script, StandardCharsets.UTF_8);
    assertTrue(text.startsWith(prefix), text.substring(0, Math.min(80, text.length())));
    String rest = text.substring(prefix.length()).strip();
    assertTrue(rest.endsWith(";"), "ends with ;");
    String value = rest.substring(0, rest.length() - 1);
    if (!value.startsWith("\"")) return value;
    assertTrue(value.matches("\"[A-Za-z0-9+/]*=*\""), "a string of base64");
    return SearchPayload.decode(value.substring(1, value.length() - 1));
  }

  static String prefix(String global, int n) {
    return global + " = " + global + " || {}; " + global + "[" + n + "] = ";
  }

  @Test
  void theManifestListsThePartitionsIdsStoreTextsAndYears() throws Exception {
    SearchDocuments documents = SearchDocuments.of(linked);
    JsonNode root = parse(script);
    assertEquals(List.of("version", "lunr", "encoding", "fields", "pipeline", "indexes", "documents", "incidents", "designs", "paths",
        "glossary", "ids", "docs", "text", "years", "examples", "synonyms", "related"), fieldNames(root));
    assertEquals(4, root.get("version").asInt());
    assertEquals("gzip-base64", root.get("encoding").asText(), "compressed by default");
    assertEquals(List.of("title", "id", "summary", "service", "team", "tag", "names", "body"), texts(root.get("fields")));
    assertEquals(List.of("stemmer"), texts(root.get("pipeline")));
    assertEquals(26, root.get("documents").asInt());
    assertEquals(15, root.get("incidents").asInt());
    assertEquals(2, root.get("designs").asInt());
    assertEquals(2, root.get("paths").asInt());
    assertEquals(7, root.get("glossary").asInt(), "the terms of the sample's glossary");
    assertEquals(2, root.get("indexes").size());
    for (int g = 0; g < 2; g++) {
      SearchDocuments.Group group = SearchDocuments.GROUPS.get(g);
      JsonNode index = root.get("indexes").get(g);
      assertEquals(group.name(), index.get("name").asText());
      assertEquals(group.fields().stream().map(SearchDocuments.Field::name).toList(), texts(index.get("fields")));
      assertEquals(documents.partitions(group).stream().map(SearchDocuments.Partition::first).toList(), texts(index.get("terms")));
    }
    assertEquals(List.of("title", "id", "summary", "service", "team", "tag", "names"), texts(root.get("indexes").get(0).get("fields")));
    assertEquals(List.of("body"), texts(root.get("indexes").get(1).get("fields")));
    assertEquals(List.of("inc-2022-004"), texts(root.get("ids")), "one id file, from the first id in order");
    assertEquals("{\"chunk\":10,\"files\":3}", root.get("docs").toString());
    assertEquals("{\"chunk\":1,\"files\":26}", root.get("text").toString());
    // Runs of refs with one year, covering every ref once.
    int next = 0;
    for (JsonNode run : root.get("years")) {
      assertEquals(next, run.get(1).asInt());
      for (int ref = run.get(1).asInt(); ref < run.get(2).asInt(); ref++) {
        SearchDocuments.Document d = documents.documents().get(ref);
        java.time.LocalDate date = d.incident() != null ? d.incident().date() : d.design() != null ? d.design().date() : null;
        assertEquals(date == null ? 0 : date.getYear(), run.get(0).asInt(), "ref " + ref + " (a path or a term has no year)");
      }
      next = run.get(2).asInt();
    }
    assertEquals(26, next);
    assertTrue(script.length < 5000, "the manifest is small: " + script.length + " bytes");
  }

  @Test
  void thePartitionsAreWrittenEachExactlyAsLunrIndexWriterWritesIt() throws Exception {
    Path site = tmp.resolve("site");
    SearchDocuments documents = SearchDocuments.of(linked);
    for (SearchDocuments.Partition p : documents.partitions()) {
      assertTrue(p.path().equals("assets/search/" + p.group().name() + "-" + p.number() + ".js"), p.path());
      String global = p.group().name().equals("fields") ? "window.casebookSearchFields" : "window.casebookSearchBody";
      assertEquals(LunrIndexWriter.toJson(p.index()), json(Files.readAllBytes(site.resolve(p.path())), prefix(global, p.number())));
    }
    LunrIndex fields = documents.index(SearchDocuments.GROUPS.get(0));
    LunrIndex body = documents.index(SearchDocuments.GROUPS.get(1));
    assertEquals(List.of("title", "id", "summary", "service", "team", "tag", "names"), fields.fields());
    assertEquals(List.of("body"), body.fields());
    List<String> refs = new ArrayList<>();
    for (int n = 0; n < 26; n++) refs.add(Integer.toString(n));
    assertEquals(refs, fields.refs(), "refs are positions: write-ups in library order, then design documents, paths, glossary terms");
    assertEquals(refs, body.refs());
    assertTrue(fields.terms().contains("failov") && body.terms().contains("lotteri"), "a title word and a body word");
    assertFalse(fields.terms().contains("lotteri"), "a word of one body only (lottery) is in the body index only");
    try (var files = Files.list(site.resolve("assets/search"))) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      List<String> expected = new ArrayList<>(List.of("docs-0.js", "docs-1.js", "docs-2.js", "ids-0.js", "index.js"));
      for (SearchDocuments.Partition p : documents.partitions()) expected.add(p.path().substring("assets/search/".length()));
      for (int n = 0; n < 26; n++) expected.add("text-" + n + ".js");
      assertEquals(expected.stream().sorted().toList(), names);
    }
  }

  @Test
  void everyTermLandsInExactlyOnePartitionInOrder() {
    SearchDocuments documents = SearchDocuments.of(linked).withPartitionPostings(30);
    for (SearchDocuments.Group group : SearchDocuments.GROUPS) {
    List<SearchDocuments.Partition> partitions = documents.partitions(group);
    assertTrue(partitions.size() > 10, "many partitions: " + partitions.size());
    List<String> all = new ArrayList<>();
    for (int k = 0; k < partitions.size(); k++) {
      SearchDocuments.Partition p = partitions.get(k);
      assertEquals(k, p.number());
      List<String> terms = p.index().terms();
      assertFalse(terms.isEmpty());
      assertEquals(p.first(), terms.get(0), "a partition starts at its first term");
      assertEquals(k + 1 < partitions.size() ? partitions.get(k + 1).first() : null, p.end());
      for (String t : terms) assertTrue(t.compareTo(p.first()) >= 0 && (p.end() == null || t.compareTo(p.end()) < 0), t);
      all.addAll(terms);
    }
    assertEquals(documents.index(group).terms(), all, "every term of the whole index exactly once, in order");
    }
  }

  /**
   * A partition is the whole index restricted to its terms: the whole index's postings and weights
   * (one idf and one average length for every document), nothing else.
   */
  @Test
  void eachPartitionHoldsTheWholeIndexsPostingsAndWeightsOfItsTerms() throws Exception {
    SearchDocuments documents = SearchDocuments.of(linked).withPartitionPostings(30);
    for (SearchDocuments.Group group : SearchDocuments.GROUPS) {
    JsonNode whole = JSON.readTree(LunrIndexWriter.toJson(documents.index(group)));
    java.util.Map<String, java.util.Map<Integer, Double>> wholeVectors = vectors(whole);
    // A field without terms (a design document's id) has an empty vector, which no partition keeps.
    wholeVectors.values().removeIf(java.util.Map::isEmpty);
    java.util.Map<String, java.util.Map<Integer, Double>> together = new java.util.TreeMap<>();
    int postings = 0;
    for (SearchDocuments.Partition p : documents.partitions(group)) {
      JsonNode part = JSON.readTree(LunrIndexWriter.toJson(p.index()));
      assertEquals(whole.get("fields"), part.get("fields"));
      assertEquals(whole.get("pipeline"), part.get("pipeline"));
      java.util.Set<Integer> own = new java.util.HashSet<>();
      for (JsonNode entry : part.get("invertedIndex")) {
        own.add(entry.get(1).get("_index").asInt());
        JsonNode same = null;
        for (JsonNode w : whole.get("invertedIndex")) if (w.get(0).equals(entry.get(0))) same = w;
        assertEquals(same, entry, "the whole index's posting of " + entry.get(0));
        postings++;
      }
      vectors(part).forEach((ref, v) -> {
        assertTrue(own.containsAll(v.keySet()), "only its own terms in " + ref);
        v.forEach((term, weight) -> {
          assertEquals(wholeVectors.get(ref).get(term), weight, ref + " " + term);
          assertEquals(null, together.computeIfAbsent(ref, r -> new java.util.TreeMap<>()).put(term, weight), "once");
        });
      });
    }
    assertEquals(whole.get("invertedIndex").size(), postings);
    assertEquals(new java.util.TreeMap<>(wholeVectors), together, "every weight of the whole index, in one partition");
    }
  }

  private static java.util.Map<String, java.util.Map<Integer, Double>> vectors(JsonNode index) {
    java.util.Map<String, java.util.Map<Integer, Double>> out = new java.util.TreeMap<>();
    for (JsonNode v : index.get("fieldVectors")) {
      java.util.Map<Integer, Double> entries = new java.util.TreeMap<>();
      JsonNode e = v.get(1);
      for (int i = 0; i < e.size(); i += 2) entries.put(e.get(i).asInt(), e.get(i + 1).asDouble());
      out.put(v.get(0).asText(), entries);
    }
    return out;
  }

  @Test
  void theIdFilesMapEachLowerCasedIdToItsRef() throws Exception {
    Path site = tmp.resolve("site");
    JsonNode ids = parse(Files.readAllBytes(site.resolve(SearchIndexStage.idsPath(0))), prefix("window.casebookSearchIds", 0));
    List<Incident> incidents = linked.library().incidents();
    assertEquals(incidents.size(), ids.size());
    List<String> names = fieldNames(ids);
    assertEquals(names.stream().sorted().toList(), names, "in order");
    for (int n = 0; n < incidents.size(); n++) assertEquals(n, ids.get(incidents.get(n).id().toLowerCase(java.util.Locale.ROOT)).asInt());
  }

  @Test
  void smallPartitionsAreWrittenAsLunrIndexWriterWritesThem() throws Exception {
    SearchDocuments documents = SearchDocuments.of(linked).withPartitionPostings(30);
    Path out = tmp.resolve("small-partitions");
    try (dev.casebook.write.SiteWriter writer = dev.casebook.write.SiteWriter.open(out)) {
      SearchIndexStage.write(documents, writer);
      writer.commit();
    }
    byte[] manifest = Files.readAllBytes(out.resolve(SearchIndexStage.PATH));
    assertArrayEquals(SearchIndexStage.script(documents), manifest);
    assertEquals(documents.partitions(SearchDocuments.GROUPS.get(0)).size(), parse(manifest).get("indexes").get(0).get("terms").size());
    assertEquals(documents.partitions(SearchDocuments.GROUPS.get(1)).size(), parse(manifest).get("indexes").get(1).get("terms").size());
    for (SearchDocuments.Partition p : documents.partitions()) {
      assertArrayEquals(SearchIndexStage.partitionScript(documents, p), Files.readAllBytes(out.resolve(p.path())), p.path());
    }
  }

  /** Writes the search files of {@code documents} into a new site {@code name}. */
  private static Path searchSite(SearchDocuments documents, String name) throws Exception {
    Path site = tmp.resolve(name);
    try (dev.casebook.write.SiteWriter writer = dev.casebook.write.SiteWriter.open(site)) {
      SearchIndexStage.write(documents, writer);
      writer.commit();
    }
    return site;
  }

  /** Every file of the site's assets/search/ by name, with its bytes. */
  private static java.util.TreeMap<String, byte[]> searchFiles(Path site) throws Exception {
    java.util.TreeMap<String, byte[]> files = new java.util.TreeMap<>();
    try (var list = Files.list(site.resolve("assets/search"))) {
      for (Path f : list.toList()) files.put(f.getFileName().toString(), Files.readAllBytes(f));
    }
    return files;
  }

  /** The prefix of the script of search file {@code name} ("body-3.js"): up to the value it sets. */
  private static String prefixOf(String name) {
    String kind = name.substring(0, name.lastIndexOf('-'));
    int n = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1, name.length() - ".js".length()));
    return prefix("window.casebookSearch" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1), n);
  }

  @Test
  void aCompressedFileDecodesToThePlainFilesJsonByteForByte() throws Exception {
    SearchDocuments documents = SearchDocuments.of(linked).withPartitionPostings(30);
    Path compressed = searchSite(documents, "encoded-gzip");
    Path plain = searchSite(documents.withCompression(false), "encoded-json");
    var zipped = searchFiles(compressed);
    var json = searchFiles(plain);
    assertEquals(json.keySet(), zipped.keySet(), "the same files");
    assertTrue(json.size() > 60, "many files: " + json.size());

    // The manifest is plain in both, and says how the others are written.
    JsonNode zippedManifest = parse(zipped.get("index.js"));
    JsonNode jsonManifest = parse(json.get("index.js"));
    assertEquals("gzip-base64", zippedManifest.get("encoding").asText());
    assertEquals("json", jsonManifest.get("encoding").asText());
    ((com.fasterxml.jackson.databind.node.ObjectNode) zippedManifest).remove("encoding");
    ((com.fasterxml.jackson.databind.node.ObjectNode) jsonManifest).remove("encoding");
    assertEquals(jsonManifest, zippedManifest, "the same manifest otherwise");

    // Every other file: the same script, its value a string that decodes to the plain file's JSON, byte for byte,
    // in Java and with the engine's own decoder (what the page runs), under Node.
    JsonNode byEngine = JSON.readTree(dev.casebook.search.LunrJs.run("decode-files.js", compressed.toString(),
        Path.of("site-template/static/search-engine.js").toAbsolutePath().toString()));
    assertEquals(zipped.size() - 1, byEngine.size());
    long zippedBytes = 0;
    long jsonBytes = 0;
    for (String name : json.keySet()) {
      zippedBytes += zipped.get(name).length;
      jsonBytes += json.get(name).length;
      if (name.equals("index.js")) continue;
      String prefix = prefixOf(name);
      String plainText = new String(json.get(name), StandardCharsets.UTF_8);
      assertTrue(plainText.startsWith(prefix) && plainText.endsWith(";\n"), name);
      String plainJson = plainText.substring(prefix.length(), plainText.length() - 2);
      String zippedText = new String(zipped.get(name), StandardCharsets.UTF_8);
      assertTrue(zippedText.startsWith(prefix + "\"") && zippedText.endsWith("\";\n"), name);
      assertEquals(plainJson, json(zipped.get(name), prefix), name);
      assertEquals(plainJson, byEngine.get(name).asText(), name + ", decoded by search-engine.js");
    }
    for (SearchDocuments.Partition p : documents.partitions()) {
      String name = p.path().substring("assets/search/".length());
      assertEquals(prefixOf(name) + LunrIndexWriter.toJson(p.index()) + ";\n", new String(json.get(name), StandardCharsets.UTF_8),
          "a plain partition is lunr's JSON as it is");
    }
    assertTrue(zippedBytes < jsonBytes * 0.7, "compressed " + zippedBytes + " bytes, plain " + jsonBytes);
  }

  @Test
  void searchCompressFalseShipsPlainJsonAndAnUpdateRewritesEveryFileWhenItChanges() throws Exception {
    Path library = libraryWithSearch("plain-library", "  compress: false\n");
    LinkedLibrary plainLinked = link(library);
    assertFalse(SearchDocuments.of(plainLinked).compressed());
    assertTrue(SearchDocuments.of(linked).compressed(), "compressed by default");
    Path site = tmp.resolve("toggled");
    IndexCache cache = IndexCache.none();
    try (dev.casebook.write.SiteWriter writer = dev.casebook.write.SiteWriter.open(site)) {
      SearchIndexStage.write(plainLinked, writer, cache);
      writer.commit();
    }
    assertEquals("json", parse(Files.readAllBytes(site.resolve(SearchIndexStage.PATH))).get("encoding").asText());
    String text0 = Files.readString(site.resolve(SearchIndexStage.textPath(0)));
    assertTrue(text0.startsWith(prefix("window.casebookSearchText", 0) + "[\""), "the plain JSON: " + text0.substring(0, 80));

    // Switched back on: the update writes what a clean build of the compressed site writes.
    SiteUpdate update = SiteUpdate.of(site);
    SearchIndexStage.update(linked, update, cache);
    update.commit();
    var clean = searchFiles(searchSite(SearchDocuments.of(linked), "toggled-clean"));
    var updated = searchFiles(site);
    assertEquals(clean.keySet(), updated.keySet());
    for (String name : clean.keySet()) assertArrayEquals(clean.get(name), updated.get(name), name);
  }

  /** The store's entries of every document, from its files, in ref order. */
  static List<JsonNode> store(Path site) throws Exception {
    List<JsonNode> docs = new ArrayList<>();
    for (int n = 0; Files.exists(site.resolve(SearchIndexStage.docsPath(n))); n++) {
      parse(Files.readAllBytes(site.resolve(SearchIndexStage.docsPath(n))), prefix("window.casebookSearchDocs", n)).forEach(docs::add);
    }
    return docs;
  }

  @Test
  void theDocumentStoreDescribesEveryWriteUpInLibraryOrder() throws Exception {
    List<JsonNode> docs = store(tmp.resolve("site"));
    List<Incident> incidents = linked.library().incidents();
    assertEquals(15, incidents.size(), "the sample library (drafts left out)");
    assertEquals(incidents.size() + 4 + 7, docs.size(), "and the 2 design documents, 2 reading paths and 7 glossary terms");
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
  void readingPathsAreSearchedByTitleAudienceIntroductionAndReasons() throws Exception {
    SearchDocuments documents = SearchDocuments.of(linked);
    List<dev.casebook.model.ReadingPath> paths = linked.library().paths();
    assertEquals(2, paths.size());
    int first = linked.library().incidents().size() + linked.library().designDocs().size();
    List<JsonNode> store = store(tmp.resolve("site"));
    for (int n = 0; n < paths.size(); n++) {
      dev.casebook.model.ReadingPath path = paths.get(n);
      SearchDocuments.Document doc = documents.documents().get(first + n);
      assertEquals(SearchDocuments.Kind.PATH, doc.kind());
      assertEquals(path.title(), doc.fields().get("title"));
      assertEquals(path.audience(), doc.fields().get("summary"));
      for (dev.casebook.model.ReadingPath.Step step : path.steps()) assertTrue(doc.body().contains(step.reason()), step.reason());
      JsonNode d = store.get(first + n);
      assertEquals(List.of("kind", "id", "title", "url", "date", "dateLabel", "year", "owner", "services", "teams", "tags",
          "severity", "summary", "nearMiss", "steps"), fieldNames(d));
      assertEquals("path", d.get("kind").asText());
      assertEquals("paths/" + path.slug() + "/", d.get("url").asText());
      assertEquals(path.steps().size(), d.get("steps").asInt());
      assertEquals(0, d.get("year").asInt());
    }
    // "Every new engineer": its introduction's words are in the body index, its title's in the fields index.
    assertTrue(documents.index(SearchDocuments.GROUPS.get(0)).terms().contains("engin"));
  }

  @Test
  void glossaryTermsAreDocumentsOfTheirOwnKindLinkedToTheirAnchor() throws Exception {
    SearchDocuments documents = SearchDocuments.of(linked);
    List<dev.casebook.glossary.Glossary.Term> terms = linked.library().config().glossary().terms();
    assertEquals(7, terms.size());
    int first = linked.library().incidents().size() + linked.library().designDocs().size() + linked.library().paths().size();
    assertEquals(first + terms.size(), documents.documents().size(), "the terms come last, in the glossary's order");
    List<JsonNode> store = store(tmp.resolve("site"));
    for (int n = 0; n < terms.size(); n++) {
      SearchDocuments.Document doc = documents.documents().get(first + n);
      JsonNode d = store.get(first + n);
      assertEquals(SearchDocuments.Kind.TERM, doc.kind());
      assertEquals("term", d.get("kind").asText());
      assertEquals(terms.get(n).name(), d.get("title").asText());
      assertEquals("glossary/#term-" + terms.get(n).slug(), d.get("url").asText());
      assertEquals(List.of("kind", "id", "title", "url", "date", "dateLabel", "year", "owner", "services", "teams", "tags",
          "severity", "summary", "nearMiss"), fieldNames(d));
      assertEquals(0, d.get("year").asInt());
    }
    SearchDocuments.Document slo = documents.documents().get(first);
    assertEquals("SLO, service level objective", slo.fields().get("title"), "the name and its aliases are the title");
    assertTrue(slo.body().startsWith("Service level objective: the share of requests"), slo.body());
    assertTrue(store.get(first).get("summary").asText().startsWith("Service level objective: the share"), "the definition's opening");
    SearchDocuments.Document pgBouncer = documents.documents().get(first + 3);
    assertEquals("PgBouncer", pgBouncer.fields().get("title"));
    assertTrue(pgBouncer.body().contains("(the PGB in dashboards"), "the definition's Markdown as plain text: " + pgBouncer.body());
    assertTrue(documents.index(SearchDocuments.GROUPS.get(0)).terms().contains("object"), "an alias's word is a title term");
  }

  /** A copy of the sample library whose casebook.yml has {@code settings} (indented lines) as its whole search section. */
  private Path libraryWithSearch(String name, String settings) throws java.io.IOException {
    Path library = Fixtures.sampleLibraryCopy(tmp.resolve(name));
    Path config = library.resolve("casebook.yml");
    String withoutSearch = Files.readString(config).replaceFirst("(?m)^search:\n(  .*\n)*", "");
    Files.writeString(config, withoutSearch + "\nsearch:\n" + settings);
    return library;
  }

  @Test
  void theManifestGivesEachSynonymTheOtherWordsOfItsGroup() throws Exception {
    JsonNode synonyms = parse(script).get("synonyms");
    assertEquals(List.of("kubernetes"), texts(synonyms.get("k8s")), "the built-in groups");
    assertEquals(List.of("k8s"), texts(synonyms.get("kubernetes")));
    assertEquals(List.of("load balancer"), texts(synonyms.get("lb")));
    assertFalse(synonyms.has("load balancer"), "a member of several words is searched for, never looked up");

    Path library = libraryWithSearch("synonyms-library", "  synonyms:\n    - [PGB, PgBouncer, connection pooler]\n"
        + "    - [cert, certificate, x509]\n");
    Path config = library.resolve("casebook.yml");
    JsonNode own = parse(SearchIndexStage.script(SearchDocuments.of(link(library)))).get("synonyms");
    assertEquals(List.of("pgbouncer", "connection pooler"), texts(own.get("pgb")), "lower case, in the group's order");
    assertEquals(List.of("pgb", "connection pooler"), texts(own.get("pgbouncer")));
    assertEquals(List.of("certificate", "x509"), texts(own.get("cert")), "the library's group replaces the built-in one");
    assertEquals(List.of("kubernetes"), texts(own.get("k8s")), "the other built-in groups stay");

    Files.writeString(config, Files.readString(config) + "  default_synonyms: false\n");
    JsonNode only = parse(SearchIndexStage.script(SearchDocuments.of(link(library)))).get("synonyms");
    assertEquals(List.of("cert", "certificate", "pgb", "pgbouncer", "x509"), fieldNames(only), "only the library's groups");
  }

  @Test
  void theManifestGivesTheGroupsOfRelatedWords() throws Exception {
    JsonNode related = parse(script).get("related");
    List<List<String>> groups = new java.util.ArrayList<>();
    related.forEach(g -> groups.add(texts(g)));
    assertEquals(dev.casebook.config.SearchSettings.DEFAULT_RELATED, groups, "the built-in groups");
    assertTrue(groups.contains(List.of("expired", "expiry", "expiration", "lapsed", "expire")));

    Path library = libraryWithSearch("related-library", "  related:\n    - [Expired, stale certificate]\n"
        + "    - [long wait, slow response]\n");
    Path config = library.resolve("casebook.yml");
    JsonNode own = parse(SearchIndexStage.script(SearchDocuments.of(link(library)))).get("related");
    assertEquals(List.of("expired", "stale certificate"), texts(own.get(0)), "lower case; a group with no member of one word is left out");
    assertEquals(dev.casebook.config.SearchSettings.DEFAULT_RELATED.size(), own.size(), "the built-in group with expired is replaced");

    Files.writeString(config, Files.readString(config) + "  default_related: false\n");
    JsonNode only = parse(SearchIndexStage.script(SearchDocuments.of(link(library)))).get("related");
    assertEquals(1, only.size(), "only the library's group: " + only);
  }

  @Test
  void designDocumentsAreSearchedByTitleAndText() {
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
    LunrIndex fields = documents.index(SearchDocuments.GROUPS.get(0));
    assertTrue(fields.terms().contains("unit"), fields.terms().toString());
    assertTrue(documents.index(SearchDocuments.GROUPS.get(1)).terms().contains("millisecond"));
  }

  @Test
  void theTextFilesHoldEachDocumentsPlainTextInRefOrder() throws Exception {
    Path site = tmp.resolve("site");
    SearchDocuments documents = SearchDocuments.of(linked);
    assertEquals(26, SearchIndexStage.textFiles(documents), "26 documents, one per file");
    for (SearchDocuments.Document d : documents.documents()) {
      int n = Integer.parseInt(d.ref());
      byte[] script = Files.readAllBytes(site.resolve(SearchIndexStage.textPath(n)));
      JsonNode list = parse(script, prefix("window.casebookSearchText", n));
      assertEquals(1, list.size());
      assertEquals(d.body(), list.get(0).asText());
      assertArrayEquals(SearchIndexStage.textScript(documents, n), script);
    }
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
    assertArrayEquals(script, SearchIndexStage.script(SearchDocuments.of(linked)));
    try (var files = Files.list(tmp.resolve("site/assets/search"))) {
      for (Path f : files.toList()) {
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again.resolve("assets/search").resolve(f.getFileName())), f.toString());
      }
    }
    SearchDocuments small = SearchDocuments.of(linked).withPartitionPostings(30);
    SearchDocuments smallAgain = SearchDocuments.of(linked).withPartitionPostings(30);
    List<SearchDocuments.Partition> again30 = smallAgain.partitions();
    assertEquals(small.partitions().size(), again30.size());
    for (int i = 0; i < again30.size(); i++) {
      assertArrayEquals(SearchIndexStage.partitionScript(small, small.partitions().get(i)), SearchIndexStage.partitionScript(smallAgain, again30.get(i)));
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
    assertTrue(page.contains("<script defer src=\"../assets/search/index.js\"></script>"), "the search page loads the manifest");
    assertFalse(page.contains("body-0.js"), "search.js loads the partitions a query needs");
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
