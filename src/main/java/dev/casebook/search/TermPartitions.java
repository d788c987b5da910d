package dev.casebook.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One lunr index cut by term into indexes of consecutive terms, each still a lunr.js 2.3.9 index.
 *
 * <p>Partition {@code k} holds the terms from {@code firsts[k]} (inclusive) to {@code firsts[k + 1]}
 * (exclusive) in UTF-16 order, and is the whole index restricted to them: the same fields, refs,
 * pipeline and metadata whitelist; the inverted index entries of those terms, unchanged (their
 * {@code _index} is the whole index's); and the field vectors of the whole index, in the same order,
 * each with only the entries of those terms, left out when none is left. Its weights are therefore
 * the whole index's, computed with the idf and average field lengths of every document.
 *
 * <p>lunr scores a document by summing, per field, the dot product of the query vector and the
 * field vector divided by the query vector's length. Both only involve the query's terms, so an
 * index made of the union of the partitions that hold every term a query expands to (the inverted
 * index entries put together, and the entries of each field vector put together in ascending term
 * index) gives the whole index's scores for that query.
 */
public final class TermPartitions {
  private TermPartitions() {}

  /**
   * Where to cut {@code index}: the position (in {@link LunrIndex#terms()}) of the first term of each
   * partition, so that each partition holds about {@code postings} (field, document) entries; a term
   * with more than that is a partition of its own. The first position is always 0; no positions
   * for an index without terms.
   */
  public static int[] cuts(LunrIndex index, int postings) {
    if (postings < 1) throw new IllegalArgumentException("postings per partition: " + postings);
    List<Posting> terms = index.invertedIndex();
    IntList cuts = new IntList(16);
    long size = 0;
    for (int t = 0; t < terms.size(); t++) {
      Posting p = terms.get(t);
      int count = 0;
      for (int f = 0; f < p.documents.length; f++) count += p.documentCount(f);
      if (t == 0 || size + count > postings && size > 0) {
        cuts.add(t);
        size = 0;
      }
      size += count;
    }
    int[] out = new int[cuts.size()];
    for (int i = 0; i < out.length; i++) out[i] = cuts.get(i);
    return out;
  }

  /** The partitions of {@code index} that start at {@code cuts} (ascending term positions, the first 0). */
  public static List<LunrIndex> split(LunrIndex index, int[] cuts) {
    Cut cut = new Cut(index, cuts);
    List<LunrIndex> out = new ArrayList<>(cuts.length);
    for (int k = 0; k < cuts.length; k++) out.add(cut.part(k));
    return out;
  }

  /**
   * An index and where it is cut. {@link #part} makes one partition at a time, from the partition's
   * own inverted index entries, so that writing the partitions one after the other never holds more
   * than one of them (cutting every field vector into every partition at once holds a copy of the
   * whole index in millions of small vectors).
   */
  public static final class Cut {
    private final LunrIndex index;
    private final int[] cuts;
    /** The position in the index's field vectors of each (document, field), -1 for none. */
    private final int[] vectorAt;
    private final int fieldCount;

    public Cut(LunrIndex index, int[] cuts) {
      List<Posting> terms = index.invertedIndex();
      if (cuts.length == 0 && !terms.isEmpty()) throw new IllegalArgumentException("no cut for an index with terms");
      if (cuts.length > 0 && cuts[0] != 0) throw new IllegalArgumentException("the first partition starts at the first term");
      for (int i = 1; i < cuts.length; i++) {
        if (cuts[i] <= cuts[i - 1] || cuts[i] >= terms.size()) throw new IllegalArgumentException("cuts must ascend within the terms");
      }
      this.index = index;
      this.cuts = cuts.clone();
      this.fieldCount = index.fields().size();
      this.vectorAt = new int[index.documentCount() * fieldCount];
      java.util.Arrays.fill(vectorAt, -1);
      List<FieldVector> vectors = index.fieldVectors();
      for (int v = 0; v < vectors.size(); v++) {
        FieldVector vector = vectors.get(v);
        vectorAt[vector.document() * fieldCount + vector.field()] = v;
      }
    }

    /** How many partitions. */
    public int size() {
      return cuts.length;
    }

    /** The first term of partition {@code k}. */
    public String first(int k) {
      return index.invertedIndex().get(cuts[k]).term;
    }

    /** The first term after partition {@code k}, null for the last. */
    public String end(int k) {
      return k + 1 < cuts.length ? index.invertedIndex().get(cuts[k + 1]).term : null;
    }

    /**
     * Partition {@code k}: its terms' inverted index entries, and the field vectors that hold any of
     * them, in the whole index's order, each with only those terms' entries.
     */
    public LunrIndex part(int k) {
      List<Posting> terms = index.invertedIndex();
      int end = k + 1 < cuts.length ? cuts[k + 1] : terms.size();
      List<Posting> own = terms.subList(cuts[k], end);
      int entries = 0;
      for (Posting p : own) entries += p.fieldDocumentCount;
      // (vector position, term index) pairs, sorted: the partition's vectors in order, terms ascending.
      long[] pairs = new long[entries];
      int n = 0;
      for (Posting p : own) {
        for (int f = 0; f < p.documents.length; f++) {
          IntList docs = p.documents[f];
          if (docs == null) continue;
          for (int i = 0; i < docs.size(); i++) {
            int v = vectorAt[docs.get(i) * fieldCount + f];
            if (v >= 0) pairs[n++] = ((long) v << 32) | p.index;
          }
        }
      }
      java.util.Arrays.sort(pairs, 0, n);
      List<FieldVector> all = index.fieldVectors();
      List<FieldVector> vectors = new ArrayList<>();
      for (int i = 0; i < n; ) {
        int v = (int) (pairs[i] >>> 32);
        int j = i;
        while (j < n && (int) (pairs[j] >>> 32) == v) j++;
        FieldVector whole = all.get(v);
        int[] indices = new int[j - i];
        double[] weights = new double[j - i];
        for (int e = i; e < j; e++) {
          int term = (int) pairs[e];
          int at = java.util.Arrays.binarySearch(whole.termIndices(), term);
          indices[e - i] = term;
          weights[e - i] = whole.weights()[at];
        }
        vectors.add(new FieldVector(whole.field(), whole.document(), indices, weights));
        i = j;
      }
      return new LunrIndex(index.fields(), index.refs(), vectors, own, index.metadataWhitelist(), index.pipeline());
    }
  }
}
