package dev.casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder's API and a small index written out in full (the expected text is lunr.js's output). */
class LunrIndexBuilderTest {

  @Test
  void smallIndexIsWhatLunrJsWrites() throws Exception {
    LunrIndex index = new LunrIndexBuilder()
        .ref("id")
        .field("title", 10)
        .field("body")
        .metadataWhitelist(List.of("position"))
        .add(Map.of("id", "10", "title", "Disk full", "body", "The disk filled up; disks are running out."))
        .add(Map.of("id", "2", "title", "Café", "body", "Running runs ran"), 2)
        .build();
    String expected = "{\"version\":\"2.3.9\",\"fields\":[\"title\",\"body\"],\"fieldVectors\":[[\"title/10\",[0,1.604,1,6.1]],"
        + "[\"body/10\",[0,0.229,2,0.61,3,0.61,4,0.16,5,0.61]],[\"title/2\",[6,16.052]],[\"body/2\",[4,0.553,7,1.605]]],"
        + "\"invertedIndex\":[[\"caf\",{\"_index\":6,\"title\":{\"2\":{\"position\":[[0,4]]}},\"body\":{}}],"
        + "[\"disk\",{\"_index\":0,\"title\":{\"10\":{\"position\":[[0,4]]}},\"body\":{\"10\":{\"position\":[[4,4],[20,5]]}}}],"
        + "[\"fill\",{\"_index\":2,\"title\":{},\"body\":{\"10\":{\"position\":[[9,6]]}}}],"
        + "[\"full\",{\"_index\":1,\"title\":{\"10\":{\"position\":[[5,4]]}},\"body\":{}}],"
        + "[\"out\",{\"_index\":5,\"title\":{},\"body\":{\"10\":{\"position\":[[38,4]]}}}],"
        + "[\"ran\",{\"_index\":7,\"title\":{},\"body\":{\"2\":{\"position\":[[13,3]]}}}],"
        + "[\"run\",{\"_index\":4,\"title\":{},\"body\":{\"2\":{\"position\":[[0,7],[8,4]]},\"10\":{\"position\":[[30,7]]}}}],"
        + "[\"up\",{\"_index\":3,\"title\":{},\"body\":{\"10\":{\"position\":[[16,3]]}}}]],\"pipeline\":[\"stemmer\"]}";
    assertEquals(expected, index.toJson());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    index.writeTo(out);
    assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    assertEquals(List.of("caf", "disk", "fill", "full", "out", "ran", "run", "up"), index.terms());
    assertEquals(List.of("10", "2"), index.refs());
  }

  @Test
  void rejectsWhatLunrRejectsOrSilentlyMangles() {
    assertThrows(IllegalArgumentException.class, () -> new LunrIndexBuilder().field("a/b"));
    assertThrows(IllegalArgumentException.class, () -> new LunrIndexBuilder().field("body").field("body"));
    assertThrows(IllegalArgumentException.class, () -> new LunrIndexBuilder().field("7"));
    assertThrows(IllegalArgumentException.class, () -> new LunrIndexBuilder().metadataWhitelist(List.of("position", "position")));
    LunrIndexBuilder builder = new LunrIndexBuilder().field("body").add(Map.of("id", "a", "body", "x"));
    assertThrows(IllegalArgumentException.class, () -> builder.add(Map.of("id", "a", "body", "y")));
    assertThrows(IllegalArgumentException.class, () -> builder.add(Map.of("body", "no ref")));
    assertThrows(IllegalStateException.class, () -> builder.field("late"));
    builder.build();
    assertThrows(IllegalStateException.class, () -> builder.add(Map.of("id", "b")));
  }

  @Test
  void emptyTermsAndEmptyFieldsAreKeptAsLunrKeepsThem() {
    LunrIndex index = new LunrIndexBuilder().field("title").field("body")
        .add(Map.of("id", "a", "title", "— & ..."))
        .build();
    assertEquals(List.of(""), index.terms());
    assertEquals("{\"version\":\"2.3.9\",\"fields\":[\"title\",\"body\"],\"fieldVectors\":[[\"title/a\",[0,0.452]],[\"body/a\",[]]],"
        + "\"invertedIndex\":[[\"\",{\"_index\":0,\"title\":{\"a\":{}},\"body\":{}}]],\"pipeline\":[\"stemmer\"]}", index.toJson());
  }

  @Test
  void numbersAreSpelledAsJavaScriptSpellsThem() {
    double[] values = {8, 0.5, 1e21, 1.5e-7, 123456789012d, 1e-7, -0.0, 0.1 + 0.2, 0x1p53 + 2, 1.0 / 3};
    String[] js = {"8", "0.5", "1e+21", "1.5e-7", "123456789012", "1e-7", "0", "0.30000000000000004", "9007199254740994", "0.3333333333333333"};
    for (int i = 0; i < values.length; i++) assertEquals(js[i], JsNumbers.toString(values[i]));
  }

  @Test
  void latin1TextIsIndexedAsTheTokenizerReadsIt() {
    StringBuilder alphabet = new StringBuilder();
    for (char c = 0; c < 256; c++) alphabet.append(c);
    String[] words = {"Disk", "FULL", "running", "Café", "RÉSUMÉ", "straße", "ÿ", "µs", "À", "Þorn", "the", "a", "?", "what?", "co-op",
        "x\u00a0y", "\t", "\n", "  ", "-", "--", "v2.3.1", "_", "naïve", "ÆØÅ", alphabet.toString(), "é?", "??"};
    java.util.Random random = new java.util.Random(5);
    for (int round = 0; round < 200; round++) {
      List<Map<String, Object>> docs = new java.util.ArrayList<>();
      for (int d = 0; d < 5; d++) {
        StringBuilder body = new StringBuilder();
        for (int w = random.nextInt(40); w > 0; w--) body.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
        docs.add(Map.of("id", Integer.toString(d), "title", words[random.nextInt(words.length)], "body", body.toString(),
            "tags", List.of(words[random.nextInt(words.length)])));
      }
      assertEquals(build(docs, false), build(docs, true));
    }
  }

  private static String build(List<Map<String, Object>> docs, boolean latin1) {
    LunrIndexBuilder builder = new LunrIndexBuilder().ref("id").field("title", 10).field("body").field("tags")
        .metadataWhitelist(List.of("position", "index"));
    if (!latin1) builder.withoutLatin1Shortcut();
    for (Map<String, Object> doc : docs) builder.add(doc);
    return builder.build().toJson();
  }

  @Test
  void thousandthsAreWhatJavaScriptSpells() {
    java.util.Random random = new java.util.Random(9);
    List<Double> values = new java.util.ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 6.1, 0.005, 0.05, 0.5, 1.605, 16.052, 123456.789,
        1e15, 0x1p53, 1e21, 1e-7, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 0.1 + 0.2));
    for (int i = 0; i < 100_000; i++) {
      values.add(Math.round(random.nextGaussian() * 1e6) / 1000.0);
      values.add(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
    }
    for (double value : values) {
      long k = JsNumbers.thousandthsOf(value);
      if (k == Long.MIN_VALUE) continue;
      String fraction = k % 1000 == 0 ? "" : ("." + String.format("%03d", Math.abs(k % 1000))).replaceAll("0+$", "");
      assertEquals(JsNumbers.toString(value), (k < 0 ? "-" : "") + Math.abs(k / 1000) + fraction, Double.toString(value));
    }
  }

  @Test
  void theSharedPipelineRemembersExactlyWhatItsStepsGive() {
    Pipeline pipeline = Pipeline.lunrBuild();
    List<String> words = new java.util.ArrayList<>(List.of("the", "running", "", "'quoted'", "café", "a", "generalizations", "ys"));
    java.util.Random random = new java.util.Random(21);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder w = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) w.append("abcdeilnorstuyz'-.é".charAt(random.nextInt(19)));
      words.add(w.toString());
    }
    for (int round = 0; round < 2; round++) {
      for (String word : words) {
        String expected = word;
        for (Pipeline.Step step : pipeline.steps()) expected = expected == null ? null : step.apply(expected);
        assertEquals(expected, pipeline.run(word), word);
        assertEquals(expected, Pipeline.of(Pipeline.Step.TRIMMER, Pipeline.Step.STOP_WORD_FILTER, Pipeline.Step.STEMMER).run(word));
      }
    }
  }

  @Test
  void anIndexOfAnalyzedFieldsIsTheIndexOfTheirValues() {
    String[] words = {"Disk", "full", "running", "runs", "Café", "the", "a", "co-op", "v2.3.1", "naïve", "outage", "—", ""};
    java.util.Random random = new java.util.Random(13);
    LunrIndexBuilder analyzer = new LunrIndexBuilder().ref("id").field("title", 10).field("body").field("tags");
    for (int round = 0; round < 100; round++) {
      LunrIndexBuilder plain = new LunrIndexBuilder().ref("id").field("title", 10).field("body").field("tags");
      LunrIndexBuilder fromAnalysis = new LunrIndexBuilder().ref("id").field("title", 10).field("body").field("tags");
      for (int d = 0; d < 6; d++) {
        StringBuilder body = new StringBuilder();
        for (int w = random.nextInt(30); w > 0; w--) body.append(words[random.nextInt(words.length)]).append(' ');
        Object title = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
        Object tags = List.of(words[random.nextInt(words.length)], words[random.nextInt(words.length)]);
        double boost = random.nextBoolean() ? 1 : 2;
        plain.add(Map.of("id", "d" + d, "title", title, "body", body.toString(), "tags", tags), boost);
        fromAnalysis.add("d" + d, List.of(analyzer.analyze(title), analyzer.analyze(body.toString()), analyzer.analyze(tags)), boost);
      }
      assertEquals(plain.build().toJson(), fromAnalysis.build().toJson());
    }
  }

  @Test
  void analyzedFieldsCarryNoPositions() {
    LunrIndexBuilder analyzer = new LunrIndexBuilder().field("body");
    AnalyzedField field = analyzer.analyze("running runs disk");
    assertEquals(List.of("run", "disk"), List.of(field.terms()));
    assertEquals(List.of(2, 1), java.util.Arrays.stream(field.frequencies()).boxed().toList());
    assertEquals(3, field.length());
    LunrIndexBuilder withPositions = new LunrIndexBuilder().field("body").metadataWhitelist(List.of("position"));
    assertThrows(IllegalStateException.class, () -> withPositions.add("a", List.of(field), 1));
  }

  @Test
  void aCheckpointRunsWhileTheVectorsAreComputedAndCanStopTheBuild() {
    LunrIndexBuilder builder = new LunrIndexBuilder().ref("id").field("title").field("body");
    for (int n = 0; n < 1500; n++) builder.add(Map.of("id", "d" + n, "title", "write-up " + n, "body", "replica lag " + n));
    java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
    LunrIndex index = builder.checkpoint(runs::incrementAndGet).build();
    // 3,000 field vectors (two fields of 1,500 documents): one checkpoint every 1,024 of them.
    assertEquals(3, runs.get());
    assertEquals(1500, index.refs().size());

    LunrIndexBuilder stopped = new LunrIndexBuilder().ref("id").field("body").add(Map.of("id", "a", "body", "x"))
        .checkpoint(() -> { throw new IllegalStateException("a newer change"); });
    assertEquals("a newer change", assertThrows(IllegalStateException.class, stopped::build).getMessage());
  }
}
