package dev.casebook.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.search.LunrJs;
import dev.casebook.search.Pipeline;
import dev.casebook.search.Token;
import dev.casebook.search.Tokenizer;
import dev.casebook.search.StopWordFilter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the site's search ranks on a larger library: 400 write-ups from the benchmark's generator
 * (bench/GenerateLibrary.java), built into a site whose index is cut into many partitions, searched by
 * the site's own search-engine.js and lunr.js under Node, exactly as the search page searches. The checks are
 * the searches docs/search-index.md ("Ranking") names: an id, a title, a service, team or tag, a
 * word of a few titles that many bodies also use, and a word only one write-up uses.
 */
class SearchRankingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WRITE_UPS = 400;
  private static final Pattern WORD = Pattern.compile("[a-z][a-z]+");

  @TempDir static Path tmp;
  static Path site;
  /** The document store, by ref. */
  static List<JsonNode> docs = new ArrayList<>();
  /** Each document's plain text, by ref. */
  static List<String> texts = new ArrayList<>();

  @BeforeAll
  static void buildAGeneratedLibrary() throws Exception {
    Path library = tmp.resolve("library");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process generate = new ProcessBuilder(java, "bench/GenerateLibrary.java", Integer.toString(WRITE_UPS), library.toString(), "7")
        .redirectErrorStream(true).start();
    String log = new String(generate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(generate.waitFor(5, TimeUnit.MINUTES), "the generator finishes");
    assertEquals(0, generate.exitValue(), log);

    site = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(library, site, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    JsonNode root = SearchIndexStageTest.parse(Files.readAllBytes(site.resolve(SearchIndexStage.PATH)));
    docs.addAll(SearchIndexStageTest.store(site));
    assertEquals(WRITE_UPS, docs.size());
    assertTrue(root.get("indexes").get(1).get("terms").size() > 10, "the body's index in many partitions: " + root.get("indexes"));
    for (int n = 0; n < root.get("text").get("files").asInt(); n++) {
      JsonNode list = SearchIndexStageTest.parse(Files.readAllBytes(site.resolve(SearchIndexStage.textPath(n))),
          SearchIndexStageTest.prefix("window.casebookSearchText", n));
      list.forEach(t -> texts.add(t.asText()));
    }
    assertEquals(WRITE_UPS, texts.size());

    // The same documents as one partition: the whole index in one file.
    whole = tmp.resolve("whole");
    SearchDocuments documents = SearchDocuments.of(SearchIndexStageTest.link(library)).withPartitionPostings(Integer.MAX_VALUE);
    try (dev.casebook.write.SiteWriter writer = dev.casebook.write.SiteWriter.open(whole)) {
      SearchIndexStage.write(documents, writer);
      writer.copy("assets/search-engine.js", site.resolve("assets/search-engine.js"));
      writer.commit();
    }
    assertEquals(2, documents.partitions().size(), "one partition of each index");
  }

  static Path whole;

  /** Runs the queries with the site's search engine; for each, its result count and refs, best first. */
  static List<Results> search(List<String> queries) throws Exception {
    return search(site, queries);
  }

  static List<Results> search(Path site, List<String> queries) throws Exception {
    Path file = Files.createTempFile(tmp, "queries", ".json");
    JSON.writeValue(file.toFile(), queries);
    JsonNode out = JSON.readTree(LunrJs.run("site-search.js", site.toString(), file.toString()));
    List<Results> all = new ArrayList<>();
    for (JsonNode r : out.get("results")) {
      assertFalse(r.has("error"), r.toString());
      List<Integer> refs = new ArrayList<>();
      List<Double> scores = new ArrayList<>();
      r.get("results").forEach(x -> refs.add(Integer.parseInt(x.get("ref").asText())));
      r.get("results").forEach(x -> scores.add(x.get("score").asDouble()));
      all.add(new Results(r.get("count").asInt(), refs, scores));
    }
    return all;
  }

  record Results(int count, List<Integer> refs, List<Double> scores) {}

  /**
   * A wildcard that begins most terms ("*", "*er") is left out of the search and named, rather than
   * loading most of the index's partitions; one that begins a few ("fail*") is searched. The whole
   * index, one partition a group, searches them all.
   */
  @Test
  void aWildcardThatBeginsMostTermsIsLeftOutAndNamed() throws Exception {
    List<String> queries = List.of("*", "*er", "failover *ing", "fail*");
    Path file = Files.createTempFile(tmp, "broad", ".json");
    JSON.writeValue(file.toFile(), queries);
    JsonNode parts = JSON.readTree(LunrJs.run("site-search.js", site.toString(), file.toString())).get("results");
    JsonNode one = JSON.readTree(LunrJs.run("site-search.js", whole.toString(), file.toString())).get("results");
    assertEquals("*", parts.get(0).get("broad").asText(), parts.get(0).toString());
    assertEquals(0, parts.get(0).get("count").asInt());
    assertEquals(0, parts.get(0).get("loaded").asInt(), "nothing is loaded for it");
    assertEquals("*er", parts.get(1).get("broad").asText());
    assertEquals(0, parts.get(1).get("loaded").asInt());
    // The other word is still searched: the results of "failover" alone.
    assertEquals("*ing", parts.get(2).get("broad").asText());
    List<Results> failover = search(List.of("failover"));
    assertEquals(failover.get(0).count(), parts.get(2).get("count").asInt());
    assertTrue(parts.get(3).get("broad").isNull(), parts.get(3).toString());
    assertTrue(parts.get(3).get("count").asInt() > 0);
    for (int i = 0; i < queries.size(); i++) {
      assertTrue(one.get(i).get("broad").isNull(), "the whole index has two partitions: " + one.get(i));
    }
    assertTrue(one.get(0).get("count").asInt() > 0);
  }

  /**
   * The partitions put together give exactly what one index of the same documents gives: the same
   * results, in the same order, with the same scores, for plain words, prefixes, typos, fields,
   * presence and wildcards.
   */
  @Test
  void thePartitionsGiveTheResultsOfOneWholeIndex() throws Exception {
    List<String> queries = new ArrayList<>(List.of("failover", "failov", "database replica lag", "dns cache", "certficate",
        "+dns -cache", "title:" + words(docs.get(2).get("title").asText()).stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow(), "service:" + docs.get(0).get("services").get(0).asText(), "fail*", "kafka rebalance consumer",
        "postgres", "k8s", "the", "-failover", docs.get(7).get("id").asText(), docs.get(3).get("title").asText()));
    for (int n = 0; n < WRITE_UPS; n += 40) queries.add(String.join(" ", new ArrayList<>(words(texts.get(n))).subList(20, 23)));
    // Typos (a letter changed after the third), with other words: a fuzzy clause's expansions must
    // not depend on which partitions the query loads.
    for (int n = 20; n < WRITE_UPS; n += 40) {
      List<String> ws = new ArrayList<>(words(texts.get(n))).stream().filter(w -> w.length() >= 6 && w.matches("[a-z]+")).toList();
      String w = ws.get(ws.size() / 2);
      String typo = w.substring(0, 4) + (w.charAt(4) == 'x' ? 'q' : 'x') + w.substring(5);
      queries.add(typo + " " + ws.get(0) + " " + ws.get(ws.size() - 1));
      queries.add(w.substring(0, 3) + (w.charAt(3) == 'z' ? 'q' : 'z') + w.substring(4) + "~1");
    }
    // Two edits reach words that begin otherwise (data~2: beta, meta), which only the whole index holds.
    queries.addAll(List.of("data~2", "disk~2 node", "cache~2 lag", "node~2"));
    List<Results> parts = search(site, queries);
    List<Results> one = search(whole, queries);
    int found = 0;
    for (int i = 0; i < queries.size(); i++) {
      assertEquals(one.get(i), parts.get(i), queries.get(i));
      if (parts.get(i).count() > 0) found++;
    }
    assertTrue(found >= queries.size() - 3, "most queries find something (not 'the', nor words the generator never writes)");
  }

  /**
   * The engine scores a query itself, step by step as lunr.js does but without lunr's objects for
   * every match (search-engine.js, query()): on every partition of the site, for thousands of sets of
   * clauses (terms, words through the pipeline, boosts, wildcards, typos, some fields only), the same
   * documents as lunr.js's own Index.query, with the same scores to the last bit and the same
   * matched terms in the same order.
   */
  @Test
  void theEnginesQueryGivesLunrsScoresExactly() throws Exception {
    JsonNode out = JSON.readTree(LunrJs.run("query-equivalence.js", site.toString()));
    assertTrue(out.get("indexes").asInt() > 20, out.toString());
    assertTrue(out.get("compared").asInt() > 2000, out.toString());
    assertEquals(0, out.get("mismatches").size(), out.toString());
  }

  static Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) words.add(m.group());
    return words;
  }

  private static final Pipeline PIPELINE = Pipeline.lunrBuild();

  /** The index terms of a text, as the Java builder (byte-identical to lunr.js) makes them, with a word that gives each. */
  static Map<String, String> terms(String text) {
    Map<String, String> terms = new HashMap<>();
    for (Token t : Tokenizer.tokenize(text)) {
      String term = PIPELINE.run(t.text());
      if (term != null && !term.isEmpty()) terms.putIfAbsent(term, t.text());
    }
    return terms;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void everyWriteUpComesFirstForItsId() throws Exception {
    List<String> queries = docs.stream().map(d -> d.get("id").asText()).toList();
    List<Results> results = search(queries);
    for (int n = 0; n < docs.size(); n++) {
      assertEquals(n, results.get(n).refs().get(0), queries.get(n));
    }
  }

  @Test
  void aWriteUpsTitleFindsItAheadOfEveryTitleThatDoesNotHaveAllItsWords() throws Exception {
    List<String> queries = new ArrayList<>();
    for (int n = 0; n < docs.size(); n += 5) queries.add(docs.get(n).get("title").asText());
    List<Results> results = search(queries);
    for (int q = 0; q < queries.size(); q++) {
      int target = q * 5;
      Set<String> words = terms(queries.get(q)).keySet();
      List<Integer> refs = results.get(q).refs();
      int rank = refs.indexOf(target);
      assertTrue(rank >= 0, "found: " + queries.get(q));
      for (int above : refs.subList(0, rank)) {
        assertTrue(terms(docs.get(above).get("title").asText()).keySet().containsAll(words),
            "'" + docs.get(above).get("title").asText() + "' ranks above '" + queries.get(q) + "' for its own title");
      }
    }
  }

  @Test
  void aServiceTeamOrTagFindsExactlyTheWriteUpsThatHaveIt() throws Exception {
    Map<String, Set<Integer>> expected = new TreeMap<>();
    for (int n = 0; n < docs.size(); n++) {
      JsonNode d = docs.get(n);
      for (String s : strings(d.get("services"))) expected.computeIfAbsent("service:" + s, k -> new HashSet<>()).add(n);
      for (String t : strings(d.get("tags"))) expected.computeIfAbsent("tag:" + t, k -> new HashSet<>()).add(n);
      Set<String> teams = new HashSet<>(strings(d.get("teams")));
      if (!d.get("owner").asText().isEmpty()) teams.add(d.get("owner").asText());
      for (String t : teams) expected.computeIfAbsent("team:" + t, k -> new HashSet<>()).add(n);
    }
    assertTrue(expected.size() > 60, "services, teams and tags: " + expected.size());
    List<String> queries = new ArrayList<>(expected.keySet());
    List<Results> results = search(queries);
    for (int q = 0; q < queries.size(); q++) {
      Set<Integer> want = expected.get(queries.get(q));
      Results r = results.get(q);
      assertEquals(want.size(), r.count(), queries.get(q));
      assertTrue(want.containsAll(r.refs()), queries.get(q));
    }
  }

  @Test
  void aWordOfAFewTitlesPutsThoseWriteUpsFirstAheadOfBodiesThatMentionIt() throws Exception {
    Map<String, Set<Integer>> inTitles = new HashMap<>();
    Map<String, String> spelling = new HashMap<>();
    Map<String, Integer> inBodies = new HashMap<>();
    for (int n = 0; n < docs.size(); n++) {
      for (var t : terms(docs.get(n).get("title").asText()).entrySet()) {
        inTitles.computeIfAbsent(t.getKey(), k -> new HashSet<>()).add(n);
        spelling.putIfAbsent(t.getKey(), t.getValue());
      }
      for (String t : terms(texts.get(n)).keySet()) inBodies.merge(t, 1, Integer::sum);
    }
    List<String> picked = new ArrayList<>();
    List<Set<Integer>> holders = new ArrayList<>();
    for (var e : new TreeMap<>(inTitles).entrySet()) {
      String word = spelling.get(e.getKey());
      if (word.length() >= 4 && WORD.matcher(word).matches() && e.getValue().size() <= 3 && inBodies.getOrDefault(e.getKey(), 0) >= 8) {
        picked.add(word);
        holders.add(e.getValue());
      }
    }
    assertTrue(picked.size() >= 5, "title words that bodies also use: " + picked);
    List<Results> results = search(picked);
    for (int q = 0; q < picked.size(); q++) {
      Set<Integer> titles = holders.get(q);
      List<Integer> refs = results.get(q).refs();
      assertTrue(results.get(q).count() >= 8, "the bodies match too: " + picked.get(q));
      assertEquals(titles, new HashSet<>(refs.subList(0, titles.size())), "'" + picked.get(q) + "': the write-ups with it in their title first");
    }
  }

  @Test
  void aWordOnlyOneWriteUpUsesFindsIt() throws Exception {
    Map<String, Set<Integer>> users = new HashMap<>();
    Map<String, String> spelling = new HashMap<>();
    for (int n = 0; n < docs.size(); n++) {
      JsonNode d = docs.get(n);
      String all = texts.get(n) + " " + d.get("title").asText() + " " + d.get("summary").asText() + " " + d.get("id").asText();
      for (var t : terms(all).entrySet()) {
        users.computeIfAbsent(t.getKey(), k -> new HashSet<>()).add(n);
        spelling.putIfAbsent(t.getKey(), t.getValue());
      }
    }
    List<String> picked = new ArrayList<>();
    List<Integer> only = new ArrayList<>();
    for (var e : new TreeMap<>(users).entrySet()) {
      String word = spelling.get(e.getKey());
      if (e.getValue().size() == 1 && word.length() >= 5 && WORD.matcher(word).matches()) {
        picked.add(word);
        only.add(e.getValue().iterator().next());
      }
    }
    assertTrue(picked.size() >= 3, "words of one write-up: " + picked);
    List<Results> results = search(picked);
    for (int q = 0; q < picked.size(); q++) {
      assertEquals(1, results.get(q).count(), picked.get(q));
      assertEquals(only.get(q), results.get(q).refs().get(0), picked.get(q));
    }
  }
}
