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
    List<Posting> terms = index.invertedIndex();
    if (cuts.length == 0) {
      if (!terms.isEmpty()) throw new IllegalArgumentException("no cut for an index with terms");
      return List.of();
    }
    if (cuts[0] != 0) throw new IllegalArgumentException("the first partition starts at the first term");
    for (int i = 1; i < cuts.length; i++) {
      if (cuts[i] <= cuts[i - 1] || cuts[i] >= terms.size()) throw new IllegalArgumentException("cuts must ascend within the terms");
    }
    int maxIndex = 0;
    for (Posting p : terms) maxIndex = Math.max(maxIndex, p.index);
    int[] partitionOf = new int[maxIndex + 1];
    for (int k = 0; k < cuts.length; k++) {
      int end = k + 1 < cuts.length ? cuts[k + 1] : terms.size();
      for (int t = cuts[k]; t < end; t++) partitionOf[terms.get(t).index] = k;
    }
    List<List<FieldVector>> vectors = new ArrayList<>();
    for (int k = 0; k < cuts.length; k++) vectors.add(new ArrayList<>());
    int[] counts = new int[cuts.length];
    int[] fill = new int[cuts.length];
    int[][] parts = new int[cuts.length][];
    double[][] weights = new double[cuts.length][];
    IntList touched = new IntList(16);
    for (FieldVector v : index.fieldVectors()) {
      int[] indices = v.termIndices();
      touched.clear();
      for (int i : indices) {
        int k = partitionOf[i];
        if (counts[k]++ == 0) touched.add(k);
      }
      for (int i = 0; i < touched.size(); i++) {
        int k = touched.get(i);
        parts[k] = new int[counts[k]];
        weights[k] = new double[counts[k]];
      }
      for (int i = 0; i < indices.length; i++) {
        int k = partitionOf[indices[i]];
        parts[k][fill[k]] = indices[i];
        weights[k][fill[k]++] = v.weights()[i];
      }
      // Each partition gets its part of the vectors in the whole index's order.
      for (int i = 0; i < touched.size(); i++) {
        int k = touched.get(i);
        vectors.get(k).add(new FieldVector(v.field(), v.document(), parts[k], weights[k]));
        counts[k] = 0;
        fill[k] = 0;
        parts[k] = null;
        weights[k] = null;
      }
    }
    List<LunrIndex> out = new ArrayList<>(cuts.length);
    for (int k = 0; k < cuts.length; k++) {
      int end = k + 1 < cuts.length ? cuts[k + 1] : terms.size();
      out.add(new LunrIndex(index.fields(), index.refs(), vectors.get(k), terms.subList(cuts[k], end), index.metadataWhitelist(),
          index.pipeline()));
    }
    return out;
  }
}
