package dev.casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pieces of the Java pipeline against the same pieces of lunr.js 2.3.9, run once in Node over
 * large inputs: the stemmer over tens of thousands of words (the sample library's words, lunr's
 * own stemming fixture, English suffix combinations and random strings), the trimmer and the stop
 * word filter over tokens, the tokenizer's separators over every UTF-16 unit, token positions,
 * JavaScript number spelling and lower-casing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LunrPipelineCompatibilityTest {
  @TempDir static Path tmp;
  private final Map<String, List<?>> inputs = new LinkedHashMap<>();
  private JsonNode lunr;

  @BeforeAll
  void runLunr() throws Exception {
    List<String> words = new ArrayList<>(EnglishWords.all());
    inputs.put("stem", words);
    List<String> tokens = tokens();
    inputs.put("trim", tokens);
    inputs.put("stopWord", tokens);
    inputs.put("numbers", numbers());
    inputs.put("tokenize", List.of(
        "Hello, World", "  leading and trailing  ", "a-b--c", "İstanbul İİ x", "tab\tnew\nline\u2028ls\ufeffbom",
        "😀 a😀b\u00a0c", "nel\u0085nel\u180e\u200bzw", "", "-", "ΟΔΟΣ ΣΑΣ."));
    Path in = tmp.resolve("in.json");
    Path out = tmp.resolve("out.json");
    Corpus.JSON.writeValue(in.toFile(), inputs);
    LunrJs.run("pipeline-functions.js", in.toString(), out.toString());
    lunr = Corpus.JSON.readTree(out.toFile());
  }

  @TestFactory
  Stream<DynamicTest> pipelineFunctionsAgreeWithLunrJs() {
    List<String> words = strings("stem");
    List<String> tokens = strings("trim");
    return Stream.of(
        check("stemmer agrees on " + words.size() + " words", () ->
            assertAll("stemmer", words, lunr.get("stem"), PorterStemmer::stem)),
        check("trimmer agrees on " + tokens.size() + " tokens", () ->
            assertAll("trimmer", tokens, lunr.get("trim"), Trimmer::trim)),
        check("stop word filter agrees on " + tokens.size() + " tokens", () ->
            assertAll("stop word filter", tokens, lunr.get("stopWord"), t -> String.valueOf(StopWordFilter.isStopWord(t)))),
        check("number spelling agrees on " + inputs.get("numbers").size() + " doubles", () -> {
          @SuppressWarnings("unchecked") List<Double> numbers = (List<Double>) inputs.get("numbers");
          assertAll("JsNumbers", numbers, lunr.get("numbers"), JsNumbers::toString);
        }),
        check("separators agree on all 65536 UTF-16 units", () -> {
          List<Integer> expected = new ArrayList<>();
          lunr.get("separators").forEach(n -> expected.add(n.asInt()));
          List<Integer> actual = new ArrayList<>();
          for (int c = 0; c < 0x10000; c++) if (Tokenizer.isSeparator((char) c)) actual.add(c);
          assertEquals(expected, actual);
        }),
        check("token text, positions and indices agree", () -> {
          List<String> texts = strings("tokenize");
          for (int i = 0; i < texts.size(); i++) {
            List<List<Object>> actual = new ArrayList<>();
            for (Token t : Tokenizer.tokenize(texts.get(i))) actual.add(List.of(t.text(), t.start(), t.length(), t.index()));
            assertEquals(lunr.get("tokenize").get(i).toString(), Corpus.JSON.valueToTree(actual).toString(), texts.get(i));
          }
        }),
        check("lower-casing differs only on code points Java 17 does not know", () -> {
          Map<Integer, String> expected = new TreeMap<>();
          lunr.get("lowerCase").forEach(pair -> expected.put(pair.get(0).asInt(), pair.get(1).asText()));
          Map<Integer, String> actual = new TreeMap<>();
          for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;
            String s = Character.toString(cp);
            String lower = s.toLowerCase(Locale.ROOT);
            if (!lower.equals(s)) actual.put(cp, lower);
          }
          Set<Integer> differing = new LinkedHashSet<>();
          for (int cp : expected.keySet()) if (!expected.get(cp).equals(actual.get(cp))) differing.add(cp);
          for (int cp : actual.keySet()) if (!actual.get(cp).equals(expected.get(cp))) differing.add(cp);
          for (int cp : differing) {
            assertTrue(!Character.isDefined(cp), String.format("U+%04X lower-cases differently in Java and Node", cp));
          }
        }));
  }

  /** A dynamic test whose name (with its counts) is also printed when it passes, since Surefire's report drops it. */
  private static DynamicTest check(String name, Executable body) {
    return DynamicTest.dynamicTest(name, () -> {
      body.execute();
      System.out.println("lunr.js agreement: " + name);
    });
  }

  private static <T> void assertAll(String what, List<T> inputs, JsonNode expected, Function<T, String> javaSide) {
    assertEquals(inputs.size(), expected.size());
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      String want = expected.get(i).isNull() ? null : expected.get(i).asText();
      String got = javaSide.apply(inputs.get(i));
      if (!Objects.equals(want, got)) mismatches.add(inputs.get(i) + " -> lunr.js " + want + ", Java " + got);
    }
    assertTrue(mismatches.isEmpty(), what + " differs on " + mismatches.size() + " of " + inputs.size() + ": "
        + mismatches.subList(0, Math.min(20, mismatches.size())));
  }

  @SuppressWarnings("unchecked")
  private List<String> strings(String key) {
    return (List<String>) inputs.get(key);
  }

  /** Raw tokens from the corpora and the sample library, plus edge cases. */
  private static List<String> tokens() throws IOException {
    Set<String> tokens = new LinkedHashSet<>(List.of(
        "", "...", "(a)", "_x_", "café", "é", "constructor", "__proto__", "toString", "the", "The", "THE",
        "it's", "'quoted'", "\"", "\\", "😀", "a😀", "😀a", "\ud800", "a\ud800", "x\u0085", "\u0085x", "\u00a0"));
    tokens.addAll(StopWordFilter.WORDS);
    for (String word : EnglishWords.libraryWords(true)) tokens.add(word);
    Random random = new Random(7);
    String alphabet = "aZ_9.,;:!?()[]{}'\"-/\\@#$%^&*+=<>|~`éß😀\u0085 ";
    for (int i = 0; i < 3000; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = 1 + random.nextInt(6); n > 0; n--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      tokens.add(s.toString());
    }
    return new ArrayList<>(tokens);
  }

  /** Lunr-like weights, whole numbers, large and tiny values, and random doubles. */
  private static List<Double> numbers() {
    List<Double> numbers = new ArrayList<>(List.of(0.0, -0.0, 8.0, -8.0, 0.1, 0.5, 1e21, 1e20, 123456789012345680000.0,
        1e-7, 1.5e-7, 1e-6, 0.000001234, 2e-3, 1e7, 12345678.9, 9007199254740993.0, 5e-324, Double.MAX_VALUE, 1.0 / 3));
    Random random = new Random(11);
    for (int i = 0; i < 5000; i++) numbers.add(Math.round(random.nextDouble() * 4_000_000) / 1000.0);
    for (int i = 0; i < 2000; i++) numbers.add(Double.longBitsToDouble(random.nextLong()));
    numbers.removeIf(d -> d.isNaN() || d.isInfinite());
    return numbers;
  }
}
