package dev.casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java builder against the real lunr.js 2.3.9 (run by Node): every corpus under {@code
 * search/corpora/} and a generated 300-document corpus must serialize to exactly the bytes of
 * {@code JSON.stringify} of the index lunr.js builds, and lunr.js must return the same results,
 * scores and matched terms when it searches the Java-built index as when it searches its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LunrIndexCompatibilityTest {
  static final List<String> GENERATED_QUERIES = List.of(
      "database", "title:disk", "+database -network", "dat*", "*over", "databse~1", "failover^10 replica",
      "root cause", "tags:root*", "body:conn*", "running", "caf", "-storage", "+the", "v2.3.1", "db", "hope*",
      "title:incident body:outage", "+disk +storage", "late~2");

  @TempDir static Path tmp;
  private final Map<String, Corpus> corpora = new LinkedHashMap<>();
  private final Map<String, byte[]> lunrIndexes = new LinkedHashMap<>();
  private final Map<String, byte[]> javaIndexes = new LinkedHashMap<>();

  @BeforeAll
  void buildWithBoth() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/search/corpora"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        Corpus corpus = Corpus.read(file);
        corpora.put(corpus.name(), corpus);
      }
    }
    List<Map<String, Object>> generated = new CorpusGenerator(20240917L).documents(300, 400);
    corpora.put("generated-300", Corpus.generated("generated-300", generated, List.of("position"), GENERATED_QUERIES));
    List<Map<String, Object>> specs = new ArrayList<>();
    for (Corpus corpus : corpora.values()) specs.add(corpus.driverSpec());
    Path specFile = tmp.resolve("specs.json");
    Corpus.JSON.writeValue(specFile.toFile(), specs);
    Path lunrDir = Files.createDirectories(tmp.resolve("lunr"));
    LunrJs.run("build-index.js", specFile.toString(), lunrDir.toString());
    for (String name : corpora.keySet()) {
      lunrIndexes.put(name, Files.readAllBytes(lunrDir.resolve(name + ".json")));
      javaIndexes.put(name, corpora.get(name).buildWithJava().toJson().getBytes(StandardCharsets.UTF_8));
    }
  }

  @TestFactory
  Stream<DynamicTest> javaIndexIsByteIdenticalToLunrJs() {
    return corpora.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      byte[] expected = lunrIndexes.get(name);
      byte[] actual = javaIndexes.get(name);
      assertTrue(expected.length > 0, "lunr.js wrote nothing for " + name);
      int at = firstDifference(expected, actual);
      if (at >= 0) {
        fail(name + ": the Java index differs from lunr.js's at byte " + at + " of " + expected.length
            + "\n lunr.js: " + excerpt(expected, at) + "\n    Java: " + excerpt(actual, at));
      }
      System.out.println("lunr.js agreement: " + name + " index byte-identical (" + expected.length + " bytes)");
    }));
  }

  @TestFactory
  Stream<DynamicTest> lunrJsSearchesTheJavaIndexLikeItsOwn() throws Exception {
    List<Map<String, Object>> jobs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Corpus> e : corpora.entrySet()) {
      String name = e.getKey();
      Path lunrFile = tmp.resolve("lunr-" + name + ".json");
      Path javaFile = tmp.resolve("java-" + name + ".json");
      Files.write(lunrFile, lunrIndexes.get(name));
      Files.write(javaFile, javaIndexes.get(name));
      List<String> queries = e.getValue().queries();
      jobs.add(Map.of("index", lunrFile.toString(), "queries", queries));
      jobs.add(Map.of("index", javaFile.toString(), "queries", queries));
      names.add(name);
    }
    Path jobFile = tmp.resolve("queries.json");
    Corpus.JSON.writeValue(jobFile.toFile(), jobs);
    JsonNode results = Corpus.JSON.readTree(LunrJs.run("query.js", jobFile.toString()));
    List<DynamicTest> tests = new ArrayList<>();
    int compared = 0;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      List<String> queries = corpora.get(name).queries();
      JsonNode fromLunr = results.get(2 * i);
      JsonNode fromJava = results.get(2 * i + 1);
      for (int q = 0; q < queries.size(); q++) {
        String query = queries.get(q);
        JsonNode expected = fromLunr.get(q);
        JsonNode actual = fromJava.get(q);
        tests.add(DynamicTest.dynamicTest(name + " [" + query + "] " + describe(expected), () ->
            assertEquals(expected.toString(), actual.toString(), name + ": " + query)));
        compared++;
      }
    }
    long nonEmpty = 0;
    for (int i = 0; i < results.size(); i += 2) {
      for (JsonNode r : results.get(i)) if (r.isArray() && r.size() > 0) nonEmpty++;
    }
    assertTrue(nonEmpty >= 30, "too few queries with results to compare: " + nonEmpty);
    System.out.println("lunr.js agreement: comparing " + compared + " queries on Java-built and lunr.js-built indexes, "
        + nonEmpty + " with results");
    return tests.stream();
  }

  private static String describe(JsonNode result) {
    return result.isArray() ? result.size() + " results" : result.path("error").asText();
  }

  private static int firstDifference(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) if (a[i] != b[i]) return i;
    return a.length == b.length ? -1 : n;
  }

  private static String excerpt(byte[] bytes, int at) {
    int from = Math.max(0, at - 80);
    int to = Math.min(bytes.length, at + 80);
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }
}
