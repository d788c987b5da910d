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
      // The entries of the partition's terms, in ascending term index, each keyed by its field
      // vector's position and then its place in that order: sorted by key, they come out grouped by
      // vector in the whole index's order, each group in the order the whole vector has them. The
      // work is that of the partition's own entries, whatever the size of the index.
      Posting[] inTermOrder = own.toArray(new Posting[0]);
      java.util.Arrays.sort(inTermOrder, java.util.Comparator.comparingInt(p -> p.index));
      int entries = 0;
      for (Posting p : own) for (int f = 0; f < p.documents.length; f++) entries += p.documentCount(f);
      long[] keys = new long[entries];
      int[] termOf = new int[entries];
      double[] weightOf = new double[entries];
      int n = 0;
      for (Posting p : inTermOrder) {
        for (int f = 0; f < p.documents.length; f++) {
          IntList docs = p.documents[f];
          if (docs == null) continue;
          double[] weights = p.weights[f];
          for (int i = 0; i < docs.size(); i++) {
            int v = vectorAt[docs.get(i) * fieldCount + f];
            if (v < 0) continue;
            keys[n] = ((long) v << 32) | n;
            termOf[n] = p.index;
            weightOf[n] = weights[i];
            n++;
          }
        }
      }
      java.util.Arrays.sort(keys, 0, n);
      List<FieldVector> all = index.fieldVectors();
      List<FieldVector> vectors = new ArrayList<>();
      for (int from = 0; from < n; ) {
        int v = (int) (keys[from] >>> 32);
        int to = from + 1;
        while (to < n && (int) (keys[to] >>> 32) == v) to++;
        int[] indices = new int[to - from];
        double[] weights = new double[to - from];
        for (int i = from; i < to; i++) {
          int at = (int) keys[i];
          indices[i - from] = termOf[at];
          weights[i - from] = weightOf[at];
        }
        FieldVector whole = all.get(v);
        vectors.add(new FieldVector(whole.field(), whole.document(), indices, weights));
        from = to;
      }
      return new LunrIndex(index, vectors, own);
    }

    /**
     * Whether partition {@code k} is written as the same bytes as partition {@code j} of {@code other}:
     * the same terms with the same {@code _index}, in the same documents of each field, with the same
     * weights. Much cheaper than making and writing the partition, so an update can leave alone the
     * partitions a change did not reach (an edit moves the average field length a little, which
     * changes few weights once they are rounded to thousandths). Indexes that keep token metadata
     * are never the same.
     */
    public boolean samePart(int k, Cut other, int j) {
      List<Posting> mine = own(k);
      List<Posting> theirs = other.own(j);
      if (mine.size() != theirs.size() || !sameDocuments(other)) return false;
      for (int t = 0; t < mine.size(); t++) {
        Posting p = mine.get(t);
        Posting q = theirs.get(t);
        if (p.index != q.index || !p.term.equals(q.term) || p.documents.length != q.documents.length || p.occurrences != null
            || q.occurrences != null) {
          return false;
        }
        for (int f = 0; f < p.documents.length; f++) {
          if (p.documents[f] == null ? q.documents[f] != null : !p.documents[f].sameAs(q.documents[f])) return false;
          double[] a = p.weights == null ? null : p.weights[f];
          double[] b = q.weights == null ? null : q.weights[f];
          if (!java.util.Arrays.equals(a, b)) return false;
        }
      }
      return true;
    }

    /**
     * The fields and refs of the last index found to have this one's, so that each partition does
     * not compare every ref again (the lists only: holding the other cut would keep every earlier
     * index alive through the next).
     */
    private volatile List<?>[] sameAs = new List<?>[2];

    private boolean sameDocuments(Cut other) {
      List<?>[] known = sameAs;
      if (known[0] == other.index.fields() && known[1] == other.index.refs()) return true;
      if (!index.fields().equals(other.index.fields()) || !index.refs().equals(other.index.refs())) return false;
      sameAs = new List<?>[] {other.index.fields(), other.index.refs()};
      return true;
    }

    private List<Posting> own(int k) {
      List<Posting> terms = index.invertedIndex();
      return terms.subList(cuts[k], k + 1 < cuts.length ? cuts[k + 1] : terms.size());
    }
  }
}
