package dev.casebook.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.search.LunrJs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallbacks of a word that no index has (docs/search-index.md, the merge, step 2), searched with
 * the site's own engine under Node: the words a typed beginning starts, and the words a typo is near,
 * but never a longer word that only shares the stem of a whole inflected word (stripped is not
 * stripe).
 */
class SearchFallbackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Refs, newest first: the write-up about Stripe, the one about PostgreSQL, the one about a failover,
   * the one about a certificate.
   */
  private static final String STRIPE = "0";
  private static final String POSTGRES = "1";
  private static final String FAILOVER = "2";
  private static final String CERTIFICATE = "3";
  @TempDir static Path tmp;
  static Path site;

  @BeforeAll
  static void buildASmallLibrary() throws Exception {
    Path library = tmp.resolve("library");
    Files.createDirectories(library.resolve("incidents"));
    Files.writeString(library.resolve("casebook.yml"), "title: Fallbacks\n");
    String[] bodies = {
      "Card payments through Stripe were declined for an hour.",
      "The PostgreSQL primary ran out of disk space.",
      "The failover to the second region took twenty minutes.",
      "The TLS certificate of the data-centric API expired."
    };
    for (int ref = 0; ref < bodies.length; ref++) {
      int n = bodies.length - ref;
      Files.writeString(library.resolve("incidents/INC-2024-00" + n + ".md"),
          "---\nid: INC-2024-00" + n + "\ntitle: Incident on day " + n + "\ndate: 2024-01-0" + n
              + "\nsummary: " + (ref == 3 ? "A certificate of the data-centric API expired." : "Something broke.") + "\n---\n\n" + bodies[ref] + "\n");
    }
    site = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(library, site, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
  }

  /** What the engine answers each query: the refs it finds, best first, and what it says it searched. */
  private static List<JsonNode> answers(List<String> queries) throws Exception {
    Path file = Files.createTempFile(tmp, "queries", ".json");
    JSON.writeValue(file.toFile(), queries);
    JsonNode out = JSON.readTree(LunrJs.run("site-search.js", site.toString(), file.toString()));
    List<JsonNode> all = new ArrayList<>();
    out.get("results").forEach(all::add);
    return all;
  }

  /** The refs each query finds, best first. */
  private static List<List<String>> search(List<String> queries) throws Exception {
    List<List<String>> all = new ArrayList<>();
    answers(queries).forEach(answer -> {
      List<String> refs = new ArrayList<>();
      answer.get("results").forEach(r -> refs.add(r.get("ref").asText()));
      all.add(refs);
    });
    return all;
  }

  @Test
  void aWholeInflectedWordDoesNotFindALongerWordThatSharesItsStem() throws Exception {
    // stripped has the term strip, which no write-up has; stripe begins with strip, is one edit from
    // it, and is another word.
    List<List<String>> answers = search(List.of("stripped", "stripped payments", "stripe"));
    assertEquals(List.of(), answers.get(0), "stripped is not stripe");
    assertEquals(List.of(STRIPE), answers.get(1), "found by payments only");
    assertEquals(List.of(STRIPE), answers.get(2));
  }

  @Test
  void aBeginningStillFindsTheWordsItStartsAndATypoItsWord() throws Exception {
    List<List<String>> answers = search(List.of("strip", "postgres", "failov", "strpe", "failovr"));
    assertEquals(List.of(STRIPE), answers.get(0), "strip, being typed: the words it begins");
    assertEquals(List.of(POSTGRES), answers.get(1), "postgres (term postgr): the words that begin with postgres");
    assertEquals(List.of(FAILOVER), answers.get(2), "failov, being typed");
    assertEquals(List.of(STRIPE), answers.get(3), "a typo of stripe");
    assertEquals(List.of(FAILOVER), answers.get(4), "a typo of failover");
  }

  @Test
  void aTypoIsShownAsTheNearestWordNotTheFirstInOrder() throws Exception {
    // certficate has the term certfic, two edits from both certif (certificate) and centric
    // (data-centric, in the same summary, and first in alphabetical order); the word certificate is one
    // edit from the typed word.
    JsonNode answer = answers(List.of("certficate")).get(0);
    assertEquals(CERTIFICATE, answer.get("results").get(0).get("ref").asText(), answer.toString());
    assertEquals("certificate", answer.get("shown").asText(), "the word of the summary nearest to the typed one");
  }
}
