package dev.casebook.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cutting a lunr index by term: where the cuts fall, and what each partition holds. The index is
 * LunrIndexBuilderTest's, whose weights were copied from lunr.js's output.
 */
class TermPartitionsTest {
  private static LunrIndex index() {
    return new LunrIndexBuilder().ref("id").field("title", 10).field("body")
        .add(Map.of("id", "10", "title", "Disk full", "body", "The disk filled up; disks are running out."))
        .add(Map.of("id", "2", "title", "Café", "body", "Running runs ran"), 2)
        .build();
  }

  @Test
  void aPartitionIsTheWholeIndexRestrictedToItsTerms() {
    LunrIndex whole = index();
    assertEquals(List.of("caf", "disk", "fill", "full", "out", "ran", "run", "up"), whole.terms());
    List<LunrIndex> parts = TermPartitions.split(whole, new int[] {0, 3});
    assertEquals(List.of("caf", "disk", "fill"), parts.get(0).terms());
    assertEquals(List.of("full", "out", "ran", "run", "up"), parts.get(1).terms());
    // The whole index, as lunr.js writes it, with only the entries of full, out, ran, run and up; the
    // first title vector keeps full's weight, the second loses its only term and is left out.
    assertEquals("{\"version\":\"2.3.9\",\"fields\":[\"title\",\"body\"],\"fieldVectors\":[[\"title/10\",[1,6.1]],"
        + "[\"body/10\",[3,0.61,4,0.16,5,0.61]],[\"body/2\",[4,0.553,7,1.605]]],"
        + "\"invertedIndex\":[[\"full\",{\"_index\":1,\"title\":{\"10\":{}},\"body\":{}}],"
        + "[\"out\",{\"_index\":5,\"title\":{},\"body\":{\"10\":{}}}],"
        + "[\"ran\",{\"_index\":7,\"title\":{},\"body\":{\"2\":{}}}],"
        + "[\"run\",{\"_index\":4,\"title\":{},\"body\":{\"2\":{},\"10\":{}}}],"
        + "[\"up\",{\"_index\":3,\"title\":{},\"body\":{\"10\":{}}}]],\"pipeline\":[\"stemmer\"]}", parts.get(1).toJson());
  }

  /**
   * On a larger index, whatever the cuts, each partition's vectors are the whole index's vectors
   * restricted to the partition's terms, in the same order: vectors with more than a few of a
   * partition's terms (sorted one way) and with few (sorted another) included.
   */
  @Test
  void everyCutRestrictsEveryVectorToItsTerms() {
    java.util.Random random = new java.util.Random(7);
    String[] words = new String[400];
    for (int w = 0; w < words.length; w++) words[w] = "w" + Integer.toString(w * 7919 % 100000, 36) + "x";
    LunrIndexBuilder builder = new LunrIndexBuilder().ref("id").field("title", 3).field("body");
    for (int d = 0; d < 60; d++) {
      StringBuilder body = new StringBuilder();
      for (int t = 0; t < 300; t++) body.append(words[random.nextInt(words.length)]).append(' ');
      builder.add(Map.of("id", "d" + d, "title", words[d] + " " + words[d + 1], "body", body.toString()));
    }
    LunrIndex whole = builder.build();
    java.util.Map<String, java.util.Map<Integer, Double>> wholeVectors = vectors(whole, null);
    for (int postings : new int[] {1, 50, 2_000, 1_000_000}) {
      int[] cuts = TermPartitions.cuts(whole, postings);
      List<LunrIndex> parts = TermPartitions.split(whole, cuts);
      assertEquals(cuts.length, parts.size());
      java.util.Map<String, java.util.Map<Integer, Double>> union = new java.util.TreeMap<>();
      for (LunrIndex part : parts) {
        java.util.Set<Integer> own = new java.util.HashSet<>();
        for (Posting p : part.invertedIndex()) own.add(p.index);
        java.util.Map<String, java.util.Map<Integer, Double>> expected = vectors(whole, own);
        assertEquals(expected, vectors(part, null), postings + " postings per partition");
        List<String> order = part.fieldVectors().stream().map(v -> v.field() + "/" + v.document()).toList();
        assertEquals(List.copyOf(expected.keySet()).stream().sorted(TermPartitionsTest::byVector).toList(), order);
        expected.forEach((k, v) -> union.computeIfAbsent(k, x -> new java.util.TreeMap<>()).putAll(v));
      }
      assertEquals(new java.util.TreeMap<>(wholeVectors), union);
    }
  }

  /** Field vectors as "field/document" to term index to weight, restricted to {@code terms} unless null. */
  private static java.util.Map<String, java.util.Map<Integer, Double>> vectors(LunrIndex index, java.util.Set<Integer> terms) {
    java.util.Map<String, java.util.Map<Integer, Double>> out = new java.util.LinkedHashMap<>();
    for (FieldVector v : index.fieldVectors()) {
      java.util.Map<Integer, Double> entries = new java.util.LinkedHashMap<>();
      for (int i = 0; i < v.termIndices().length; i++) {
        if (i > 0) assertEquals(true, v.termIndices()[i - 1] < v.termIndices()[i], "term indices ascend");
        if (terms == null || terms.contains(v.termIndices()[i])) entries.put(v.termIndices()[i], v.weights()[i]);
      }
      if (!entries.isEmpty()) out.put(v.field() + "/" + v.document(), entries);
    }
    return out;
  }

  /** The whole index's vector order: by document, then field. */
  private static int byVector(String a, String b) {
    String[] x = a.split("/");
    String[] y = b.split("/");
    int byDoc = Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    return byDoc != 0 ? byDoc : Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
  }

  @Test
  void cutsFallAtTermsWhenAPartitionIsFull() {
    LunrIndex whole = index();
    // (field, document) entries per term: caf 1, disk 3, fill 1, full 1, out 1, ran 1, run 2, up 1.
    assertArrayEquals(new int[] {0}, TermPartitions.cuts(whole, 100), "everything in one");
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, TermPartitions.cuts(whole, 1), "one term each");
    assertArrayEquals(new int[] {0, 1, 2, 4, 6, 7}, TermPartitions.cuts(whole, 2), "disk (3) alone, then pairs");
    LunrIndex empty = new LunrIndexBuilder().ref("id").field("body").build();
    assertArrayEquals(new int[0], TermPartitions.cuts(empty, 10));
    assertEquals(List.of(), TermPartitions.split(empty, new int[0]));
  }

  @Test
  void cutsMustStartAtTheFirstTermAndAscend() {
    LunrIndex whole = index();
    assertThrows(IllegalArgumentException.class, () -> TermPartitions.split(whole, new int[] {1}));
    assertThrows(IllegalArgumentException.class, () -> TermPartitions.split(whole, new int[] {0, 3, 3}));
    assertThrows(IllegalArgumentException.class, () -> TermPartitions.split(whole, new int[] {0, 8}));
    assertThrows(IllegalArgumentException.class, () -> TermPartitions.split(whole, new int[0]));
    assertThrows(IllegalArgumentException.class, () -> TermPartitions.cuts(whole, 0));
  }

  @Test
  void aPartitionIsTheSameExactlyWhenItsBytesAre() {
    String[] words = {"disk", "full", "filled", "running", "queue", "backlog", "cert", "expired", "dns", "cache", "the", "latency",
        "retry", "storm", "pager", "failover", "replica", "lag", "quota", "throttle"};
    java.util.Random random = new java.util.Random(3);
    List<String> bodies = new java.util.ArrayList<>();
    for (int d = 0; d < 40; d++) bodies.add(text(random, words, 5 + random.nextInt(40)));
    int same = 0;
    int differ = 0;
    for (int edit = 0; edit < 60; edit++) {
      List<String> edited = new java.util.ArrayList<>(bodies);
      int at = random.nextInt(edited.size());
      switch (edit % 3) {
        case 0 -> edited.set(at, edited.get(at) + " " + words[random.nextInt(words.length)]);
        case 1 -> edited.set(at, text(random, words, 5 + random.nextInt(40)));
        default -> edited.set(at, edited.get(at) + " word" + edit);
      }
      LunrIndex before = bodyIndex(bodies);
      LunrIndex after = bodyIndex(edited);
      int[] cuts = TermPartitions.cuts(before, 12);
      int[] afterCuts = TermPartitions.cuts(after, 12);
      TermPartitions.Cut was = new TermPartitions.Cut(before, cuts);
      TermPartitions.Cut now = new TermPartitions.Cut(after, afterCuts);
      for (int k = 0; k < Math.min(cuts.length, afterCuts.length); k++) {
        boolean bytes = now.part(k).toJson().equals(was.part(k).toJson());
        assertEquals(bytes, now.samePart(k, was, k), "edit " + edit + ", partition " + k);
        if (bytes) same++;
        else differ++;
      }
      bodies = edited;
    }
    assertTrue(same > 100 && differ > 100, same + " partitions the same, " + differ + " not");
  }

  private static String text(java.util.Random random, String[] words, int length) {
    StringBuilder out = new StringBuilder();
    for (int w = 0; w < length; w++) out.append(words[random.nextInt(words.length)]).append(' ');
    return out.toString();
  }

  private static LunrIndex bodyIndex(List<String> bodies) {
    LunrIndexBuilder builder = new LunrIndexBuilder().field("title").field("body");
    for (int d = 0; d < bodies.size(); d++) builder.add(Map.of("id", Integer.toString(d), "title", "t" + (d % 7), "body", bodies.get(d)));
    return builder.build();
  }
}
