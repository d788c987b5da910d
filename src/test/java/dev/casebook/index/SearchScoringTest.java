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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the site's engine turns lunr's scores into a result's score (docs/search-index.md, the merge,
 * steps 4 and 5), checked against lunr.js's own search of each whole index on a small library: the
 * body index's score counts twice, and the score is multiplied by the share of the query's words
 * matched, half counted by words and half weighed by each word's idf; a related word is searched at a
 * lower weight and covers its word, without counting in the word's idf.
 */
class SearchScoringTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WRITE_UPS = 10;
  /** The write-ups whose body says widget (refs 1 to 6); only ref 0's says quasar. */
  private static final int WIDGETS = 6;
  /** The only write-up whose body says reboot; every body says restarted, a related word of reboot (casebook.yml). */
  private static final String REBOOTED = "7";
  @TempDir static Path tmp;
  static Path site;

  @BeforeAll
  static void buildASmallLibrary() throws Exception {
    Path library = tmp.resolve("library");
    Files.createDirectories(library.resolve("incidents"));
    Files.writeString(library.resolve("casebook.yml"), "title: Scoring\nsearch:\n  related:\n    - [reboot, restart]\n");
    for (int n = 1; n <= WRITE_UPS; n++) {
      // Library order is newest first: INC-2024-010 is ref 0.
      int ref = WRITE_UPS - n;
      String body = "The nightly export stopped and the team restarted it by hand.";
      if (ref == 0) body += " A quasar of retries filled the queue.";
      if (ref >= 1 && ref <= WIDGETS) body += " The widget service timed out.";
      if (Integer.toString(ref).equals(REBOOTED)) body += " A reboot of the host fixed it.";
      Files.writeString(library.resolve("incidents/INC-2024-" + String.format("%03d", n) + ".md"),
          "---\nid: INC-2024-" + String.format("%03d", n) + "\ntitle: Export stalled on day " + n + "\ndate: 2024-01-"
              + String.format("%02d", n) + "\nsummary: The export stalled.\n---\n\n" + body + "\n");
    }
    site = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(library, site, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    assertFalse(Files.exists(site.resolve("assets/search/body-1.js")), "each index in one partition");
  }

  /** For each query, each result's score and lunr's score of it in each whole index. */
  private static List<JsonNode> search(List<String> queries) throws Exception {
    Path file = Files.createTempFile(tmp, "queries", ".json");
    JSON.writeValue(file.toFile(), queries);
    JsonNode out = JSON.readTree(LunrJs.run("site-search.js", site.toString(), file.toString(), "--raw"));
    List<JsonNode> all = new java.util.ArrayList<>();
    out.get("results").forEach(all::add);
    return all;
  }

  private static double idf(int df) {
    return Math.log(1 + Math.abs((WRITE_UPS - df + 0.5) / (df + 0.5)));
  }

  /** lunr's score of ref in the short fields' index plus twice its score in the body's. */
  private static double raw(JsonNode answer, String ref) {
    return answer.get("raw").get("fields").path(ref).asDouble(0) + 2 * answer.get("raw").get("body").path(ref).asDouble(0);
  }

  private static Map<String, Double> scores(JsonNode answer) {
    Map<String, Double> out = new HashMap<>();
    answer.get("results").forEach(r -> out.put(r.get("ref").asText(), r.get("score").asDouble()));
    return out;
  }

  @Test
  void theBodyIndexsScoreCountsTwice() throws Exception {
    JsonNode widget = search(List.of("widget")).get(0);
    Map<String, Double> scores = scores(widget);
    assertEquals(WIDGETS, scores.size(), widget.toString());
    for (var e : scores.entrySet()) {
      assertTrue(widget.get("raw").get("body").has(e.getKey()), "a body word");
      assertEquals(raw(widget, e.getKey()), e.getValue(), 1e-9, "one word, all of it matched: " + e.getKey());
    }
    JsonNode export = search(List.of("export")).get(0);
    for (var e : scores(export).entrySet()) {
      double fields = export.get("raw").get("fields").get(e.getKey()).asDouble();
      double body = export.get("raw").get("body").get(e.getKey()).asDouble();
      assertTrue(fields > 0 && body > 0, "in every title and body");
      assertEquals(fields + 2 * body, e.getValue(), 1e-9);
    }
  }

  @Test
  void theShareOfTheQuerysWordsIsHalfCountedAndHalfWeighedByIdf() throws Exception {
    JsonNode answer = search(List.of("quasar widget")).get(0);
    Map<String, Double> scores = scores(answer);
    assertEquals(1 + WIDGETS, scores.size(), answer.toString());
    double quasar = idf(1);
    double widget = idf(WIDGETS);
    // Each result has one of the two words: half of one half, and its word's part of the idf.
    double rare = 0.5 * 0.5 + 0.5 * quasar / (quasar + widget);
    double common = 0.5 * 0.5 + 0.5 * widget / (quasar + widget);
    assertEquals(raw(answer, "0") * rare, scores.get("0"), 1e-9, "the write-up with the rare word");
    for (int ref = 1; ref <= WIDGETS; ref++) {
      assertEquals(raw(answer, Integer.toString(ref)) * common, scores.get(Integer.toString(ref)), 1e-9, "ref " + ref);
    }
    assertEquals("0", answer.get("results").get(0).get("ref").asText(), "the rare word's write-up first");

    // Both words of a query in every result: the whole raw score.
    JsonNode both = search(List.of("export widget")).get(0);
    for (int ref = 1; ref <= WIDGETS; ref++) {
      assertEquals(raw(both, Integer.toString(ref)), scores(both).get(Integer.toString(ref)), 1e-9);
    }
  }

  @Test
  void aRelatedWordIsSearchedAtALowerWeightAndCoversItsWordWithoutCountingInItsIdf() throws Exception {
    // reboot is also searched as restart, with the boost 0.6: lunr's score of that query (lunr's query
    // syntax takes whole boosts only; its score divides by the query vector's length, so 5 and 3 weigh as 1 and 0.6).
    List<JsonNode> answers = search(List.of("reboot", "reboot^5 restart^3", "quasar reboot", "quasar^5 reboot^5 restart^3"));
    Map<String, Double> reboot = scores(answers.get(0));
    assertEquals(WRITE_UPS, reboot.size(), "every write-up says restarted: " + answers.get(0));
    for (var e : reboot.entrySet()) assertEquals(raw(answers.get(1), e.getKey()), e.getValue(), 1e-9, "ref " + e.getKey());
    assertEquals(REBOOTED, answers.get(0).get("results").get(0).get("ref").asText(), "the write-up that says reboot first");
    double other = reboot.get("8");
    assertTrue(reboot.get(REBOOTED) > 1.5 * other, "the word itself weighs more than its related word: " + reboot);

    // quasar and reboot each in one write-up: restart covers reboot, but reboot's idf is that of one write-up.
    Map<String, Double> both = scores(answers.get(2));
    double share = 0.5 * 0.5 + 0.5 * idf(1) / (idf(1) + idf(1));
    for (String ref : List.of("8", "9", "1")) {
      assertEquals(raw(answers.get(3), ref) * share, both.get(ref), 1e-9, "ref " + ref + " has restarted only");
    }
    assertTrue(raw(answers.get(3), "0") > 0);
    assertEquals(raw(answers.get(3), "0"), both.get("0"), 1e-9, "ref 0 has quasar and restarted: both words");
  }
}
