package dev.casebook.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a lunr.js 2.3.9 index in Java, term for term and weight for weight what {@code lunr(function
 * () {...})} builds from the same documents, so that {@link LunrIndexWriter} can write the same bytes
 * as {@code JSON.stringify(idx)}.
 *
 * <pre>{@code
 * LunrIndex index = new LunrIndexBuilder()
 *     .ref("id").field("title", 10).field("body")
 *     .metadataWhitelist(List.of("position"))
 *     .add(Map.of("id", "a", "title", "Disk full", "body", "..."))
 *     .build();
 * }</pre>
 *
 * <p>Field values are read as JavaScript would: strings are tokenized, collections give one token
 * per element, numbers and booleans are converted with {@code String(value)}, {@code null} or a
 * missing value gives no tokens. A boost of 0 or NaN means 1, as lunr's {@code boost || 1}. A
 * builder builds one index; configure it before the first {@link #add}.
 */
public final class LunrIndexBuilder {
  private static final Object DROPPED = new Object();

  private String refField = "id";
  private final List<String> fields = new ArrayList<>();
  private final List<Double> fieldBoosts = new ArrayList<>();
  private List<String> metadataWhitelist = List.of();
  private Pipeline pipeline = Pipeline.lunrBuild();
  private Pipeline searchPipeline = Pipeline.lunrSearch();
  private double k1 = 1.2;
  private double b = 0.75;

  private final List<String> refs = new ArrayList<>();
  private final Set<String> refSet = new HashSet<>();
  private final List<Double> documentBoosts = new ArrayList<>();
  private TokenTerms tokenTerms = new TokenTerms();
  private Latin1Terms latin1Terms = new Latin1Terms();
  private final Map<String, Posting> postingsByTerm = new HashMap<>();
  private final List<Posting> postings = new ArrayList<>();
  private final IntList fieldLengths = new IntList(64);
  private final List<int[]> fieldTermIndices = new ArrayList<>();
  private final List<int[]> fieldTermFrequencies = new ArrayList<>();
  private long[] fieldLengthSums;
  private boolean keepOccurrences;
  private boolean built;
  /** Run every {@link #CHECKPOINT_EVERY} field vectors while the index is built; it may throw to stop the build. */
  private Runnable checkpoint = () -> { };
  private static final int CHECKPOINT_EVERY = 1024;
  private boolean latin1 = true;

  // The field being added.
  private int document;
  private int field;
  private int fieldRef;
  private int fieldLength;
  private Posting[] fieldPostings = new Posting[256];
  private int[] fieldTf = new int[256];
  private int fieldTermCount;
  private final Tokenizer.Sink sink = this::token;
  /** True while {@link #analyze} tokenizes a value: terms are counted but no document is added. */
  private boolean analyzing;
  /** The field refs {@link #analyze} uses, below every real one, so each value starts afresh. */
  private int analysisRef = -1;

  /** The document property holding the ref (default {@code "id"}). */
  public LunrIndexBuilder ref(String name) {
    checkConfigurable();
    this.refField = name;
    return this;
  }

  /** Adds a field with boost 1. */
  public LunrIndexBuilder field(String name) {
    return field(name, 1);
  }

  /** Adds a field; its weights are multiplied by {@code boost}. */
  public LunrIndexBuilder field(String name, double boost) {
    checkConfigurable();
    if (name.indexOf('/') >= 0) throw new IllegalArgumentException("Field '" + name + "' contains illegal character '/'");
    if (fields.contains(name)) throw new IllegalArgumentException("Field '" + name + "' is already declared");
    if (JsKeys.isArrayIndex(name)) throw new IllegalArgumentException("Field '" + name + "' looks like an array index");
    fields.add(name);
    fieldBoosts.add(orOne(boost));
    return this;
  }

  /** Token metadata to keep in the index: {@code position}, {@code index} and/or {@code fields}. */
  public LunrIndexBuilder metadataWhitelist(List<String> keys) {
    checkConfigurable();
    if (new HashSet<>(keys).size() != keys.size()) throw new IllegalArgumentException("Duplicate metadata key in " + keys);
    for (String key : keys) {
      if (JsKeys.isArrayIndex(key)) throw new IllegalArgumentException("Metadata key '" + key + "' looks like an array index");
    }
    this.metadataWhitelist = List.copyOf(keys);
    return this;
  }

  /** The pipeline applied to every token when indexing (default: trimmer, stop words, stemmer). */
  public LunrIndexBuilder pipeline(Pipeline pipeline) {
    checkConfigurable();
    this.pipeline = pipeline;
    return this;
  }

  /** The pipeline serialized for query terms (default: stemmer). */
  public LunrIndexBuilder searchPipeline(Pipeline searchPipeline) {
    checkConfigurable();
    this.searchPipeline = searchPipeline;
    return this;
  }

  /** BM25's term frequency saturation (default 1.2). */
  public LunrIndexBuilder k1(double k1) {
    checkConfigurable();
    this.k1 = k1;
    return this;
  }

  /** BM25's length normalisation, clamped to [0, 1] (default 0.75). */
  public LunrIndexBuilder b(double b) {
    checkConfigurable();
    this.b = b < 0 ? 0 : b > 1 ? 1 : b;
    return this;
  }

  /** Tokenizes every text as {@link Tokenizer} does, without the Latin-1 shortcut (to test the shortcut against). */
  LunrIndexBuilder withoutLatin1Shortcut() {
    latin1 = false;
    return this;
  }

  /** Adds a document with boost 1. */
  public LunrIndexBuilder add(Map<String, ?> doc) {
    return add(doc, 1);
  }

  /** Adds a document; the weights of all its fields are multiplied by {@code boost}. */
  public LunrIndexBuilder add(Map<String, ?> doc, double boost) {
    if (built) throw new IllegalStateException("The index is already built");
    if (fieldLengthSums == null) {
      fieldLengthSums = new long[fields.size()];
      keepOccurrences = !metadataWhitelist.isEmpty();
    }
    Object refValue = doc.get(refField);
    if (refValue == null) throw new IllegalArgumentException("Document without ref '" + refField + "': " + doc.keySet());
    String ref = JsStrings.valueOf(refValue);
    if (!refSet.add(ref)) throw new IllegalArgumentException("Duplicate ref '" + ref + "'");
    document = refs.size();
    refs.add(ref);
    documentBoosts.add(orOne(boost));
    for (field = 0; field < fields.size(); field++) addField(doc.get(fields.get(field)));
    return this;
  }

  /**
   * Adds a document from fields analyzed before ({@link #analyze}), one per declared field in
   * order: the same index as {@link #add(Map, double)} of the values they were analyzed from,
   * without tokenizing them again. Only for a builder that keeps no token metadata.
   */
  public LunrIndexBuilder add(String ref, List<AnalyzedField> analyzed, double boost) {
    if (built) throw new IllegalStateException("The index is already built");
    if (analyzed.size() != fields.size()) throw new IllegalArgumentException(fields.size() + " fields, got " + analyzed.size());
    if (fieldLengthSums == null) {
      fieldLengthSums = new long[fields.size()];
      keepOccurrences = !metadataWhitelist.isEmpty();
    }
    if (keepOccurrences) throw new IllegalStateException("Analyzed fields carry no token metadata");
    if (!refSet.add(ref)) throw new IllegalArgumentException("Duplicate ref '" + ref + "'");
    document = refs.size();
    refs.add(ref);
    documentBoosts.add(orOne(boost));
    for (field = 0; field < fields.size(); field++) {
      AnalyzedField a = analyzed.get(field);
      fieldRef = document * fields.size() + field;
      fieldTermCount = 0;
      for (int i = 0; i < a.terms().length; i++) {
        Posting posting = postingFor(a.terms()[i]);
        if (fieldTermCount == fieldPostings.length) {
          fieldPostings = Arrays.copyOf(fieldPostings, fieldTermCount * 2);
          fieldTf = Arrays.copyOf(fieldTf, fieldTermCount * 2);
        }
        posting.lastFieldRef = fieldRef;
        fieldPostings[fieldTermCount] = posting;
        fieldTf[fieldTermCount++] = a.frequencies()[i];
        posting.addDocument(field, document);
      }
      fieldLength = a.length();
      endField();
    }
    return this;
  }

  /**
   * A field value tokenized and run through this builder's pipeline, as {@link #add(Map, double)}
   * would index it, without adding anything: what {@link #add(String, List, double)} takes. Use a
   * builder that only analyzes (its terms are kept to make the next values faster); one thread at a time.
   */
  public synchronized AnalyzedField analyze(Object value) {
    if (built) throw new IllegalStateException("The index is already built");
    analyzing = true;
    try {
      fieldRef = --analysisRef;
      if (analysisRef == Integer.MIN_VALUE) analysisRef = -1;
      tokenize(value);
      if (fieldTermCount == 0) return AnalyzedField.EMPTY;
      String[] terms = new String[fieldTermCount];
      for (int i = 0; i < fieldTermCount; i++) terms[i] = fieldPostings[i].term;
      return new AnalyzedField(terms, Arrays.copyOf(fieldTf, fieldTermCount), fieldLength);
    } finally {
      analyzing = false;
    }
  }

  private void addField(Object value) {
    fieldRef = document * fields.size() + field;
    tokenize(value);
    endField();
  }

  /** Counts the terms of {@code value} into the current field's slots. */
  private void tokenize(Object value) {
    fieldLength = 0;
    fieldTermCount = 0;
    if (value instanceof Collection<?> elements) {
      for (Object element : elements) {
        String text = Tokenizer.lowerCase(JsStrings.valueOf(element));
        token(text, -1, -1, -1);
      }
    } else if (value != null) {
      String text = JsStrings.valueOf(value);
      if (!latin1 || !addLatin1(text)) Tokenizer.split(Tokenizer.lowerCase(text), sink);
    }
  }

  /** Records the current field's terms and length in the document being added. */
  private void endField() {
    long[] packed = new long[fieldTermCount];
    for (int i = 0; i < fieldTermCount; i++) packed[i] = ((long) fieldPostings[i].index << 32) | fieldTf[i];
    Arrays.sort(packed);
    int[] indices = new int[packed.length];
    int[] tfs = new int[packed.length];
    for (int i = 0; i < packed.length; i++) {
      indices[i] = (int) (packed[i] >>> 32);
      tfs[i] = (int) packed[i];
    }
    fieldTermIndices.add(indices);
    fieldTermFrequencies.add(tfs);
    fieldLengths.add(fieldLength);
    fieldLengthSums[field] += fieldLength;
  }

  /** Latin-1 characters lower-cased as {@link Tokenizer#lowerCase} does (one to one in this range). */
  private static final byte[] LATIN1_LOWER = new byte[256];
  /** Latin-1 characters that separate tokens ({@link Tokenizer#isSeparator}). */
  private static final boolean[] LATIN1_SEPARATOR = new boolean[256];

  static {
    for (char c = 0; c < 256; c++) {
      LATIN1_LOWER[c] = (byte) Character.toLowerCase(c);
      LATIN1_SEPARATOR[c] = Tokenizer.isSeparator(c);
    }
  }

  /**
   * Tokenizes a text made only of Latin-1 characters (nearly every text) in one pass over its
   * bytes: lower-casing, splitting and hashing each token together, as {@link Tokenizer#split} of
   * {@link Tokenizer#lowerCase} would give them. Returns false, having done nothing, for other text.
   */
  private boolean addLatin1(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    if (bytes.length != text.length()) return false;
    int n = bytes.length;
    // Characters beyond Latin-1 are encoded as '?'.
    for (int i = 0; i < n; i++) if (bytes[i] == '?' && text.charAt(i) != '?') return false;
    int count = 0;
    int start = -1;
    int h = 0;
    for (int i = 0; i < n; i++) {
      byte c = LATIN1_LOWER[bytes[i] & 0xff];
      if (LATIN1_SEPARATOR[c & 0xff]) {
        if (start >= 0) {
          latin1Token(bytes, start, i, Latin1Terms.hash(h), count++);
          start = -1;
        }
      } else {
        bytes[i] = c;
        if (start < 0) {
          start = i;
          h = 0;
        }
        h = 31 * h + (c & 0xff);
      }
    }
    if (start >= 0) latin1Token(bytes, start, n, Latin1Terms.hash(h), count);
    return true;
  }

  /** A token of Latin-1 text: {@code bytes[start, end)}, already lower-cased. */
  private void latin1Token(byte[] bytes, int start, int end, int hash, int tokenIndex) {
    Object cached = latin1Terms.get(bytes, start, end, hash);
    if (cached == null) {
      String term = pipeline.run(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
      cached = term == null ? DROPPED : postingFor(term);
      latin1Terms.put(bytes, start, end, hash, cached);
    }
    if (cached != DROPPED) add((Posting) cached, start, end, tokenIndex);
  }

  /** One token of the current field; {@code start < 0} for an array element (the whole text). */
  private void token(String text, int start, int end, int tokenIndex) {
    int from = Math.max(start, 0);
    int to = end < 0 ? text.length() : end;
    Object cached = tokenTerms.get(text, from, to);
    if (cached == null) {
      String raw = text.substring(from, to);
      String term = pipeline.run(raw);
      cached = term == null ? DROPPED : postingFor(term);
      tokenTerms.put(raw, cached);
    }
    if (cached != DROPPED) add((Posting) cached, start, end, tokenIndex);
  }

  /** Counts an occurrence of {@code posting}'s term in the current field. */
  private void add(Posting posting, int start, int end, int tokenIndex) {
    fieldLength++;
    if (posting.lastFieldRef != fieldRef) {
      posting.lastFieldRef = fieldRef;
      posting.slot = fieldTermCount;
      if (fieldTermCount == fieldPostings.length) {
        fieldPostings = Arrays.copyOf(fieldPostings, fieldTermCount * 2);
        fieldTf = Arrays.copyOf(fieldTf, fieldTermCount * 2);
      }
      fieldPostings[fieldTermCount] = posting;
      fieldTf[fieldTermCount++] = 1;
      if (!analyzing) posting.addDocument(field, document);
    } else {
      fieldTf[posting.slot]++;
    }
    if (keepOccurrences && !analyzing) posting.addOccurrence(field, start, start < 0 ? -1 : end - start, tokenIndex);
  }

  private Posting postingFor(String term) {
    Posting posting = postingsByTerm.get(term);
    if (posting == null) {
      posting = new Posting(term, postings.size(), fields.size(), keepOccurrences);
      postingsByTerm.put(term, posting);
      postings.add(posting);
    }
    return posting;
  }

  /**
   * Runs {@code checkpoint} every so many field vectors while {@link #build} computes them, so that
   * a caller can stop a long build by throwing from it (nothing is built then).
   */
  public LunrIndexBuilder checkpoint(Runnable checkpoint) {
    this.checkpoint = java.util.Objects.requireNonNull(checkpoint);
    return this;
  }

  /** Computes the BM25 field vectors and sorts the inverted index. */
  public LunrIndex build() {
    if (built) throw new IllegalStateException("The index is already built");
    built = true;
    if (fieldLengthSums == null) fieldLengthSums = new long[fields.size()];
    int n = refs.size();
    double[] averageLength = new double[fields.size()];
    for (int f = 0; f < fields.size(); f++) averageLength[f] = fieldLengthSums[f] / (double) n;
    double[] idf = new double[postings.size()];
    for (Posting posting : postings) {
      int df = posting.fieldDocumentCount;
      double x = (n - df + 0.5) / (df + 0.5);
      idf[posting.index] = StrictMath.log(1 + Math.abs(x));
    }
    double[] fieldBoost = fieldBoosts.stream().mapToDouble(Double::doubleValue).toArray();
    double[] documentBoost = documentBoosts.stream().mapToDouble(Double::doubleValue).toArray();
    List<FieldVector> vectors = new ArrayList<>(fieldLengths.size());
    int[] filled = new int[postings.size() * fields.size()];
    for (int ref = 0; ref < fieldLengths.size(); ref++) {
      if (ref % CHECKPOINT_EVERY == 0) checkpoint.run();
      int doc = ref / fields.size();
      int f = ref % fields.size();
      int[] indices = fieldTermIndices.get(ref);
      int[] tfs = fieldTermFrequencies.get(ref);
      double lengthRatio = fieldLengths.get(ref) / averageLength[f];
      double[] weights = new double[indices.length];
      for (int i = 0; i < indices.length; i++) {
        int tf = tfs[i];
        double score = idf[indices[i]] * ((k1 + 1) * tf) / (k1 * (1 - b + b * lengthRatio) + tf);
        score *= fieldBoost[f];
        score *= documentBoost[doc];
        weights[i] = jsRound(score * 1000) / 1000;
      }
      vectors.add(new FieldVector(f, doc, indices, weights));
      // The same weights from the term's side, for cutting the index by term (documents ascend).
      for (int i = 0; i < indices.length; i++) {
        Posting posting = postings.get(indices[i]);
        if (posting.weights == null) posting.weights = new double[fields.size()][];
        if (posting.weights[f] == null) posting.weights[f] = new double[posting.documentCount(f)];
        posting.weights[f][filled[indices[i] * fields.size() + f]++] = weights[i];
      }
      fieldTermIndices.set(ref, null);
      fieldTermFrequencies.set(ref, null);
    }
    Posting[] sorted = postings.toArray(new Posting[0]);
    Arrays.sort(sorted, (p, q) -> p.term.compareTo(q.term));
    tokenTerms = null;
    latin1Terms = null;
    postingsByTerm.clear();
    return new LunrIndex(fields, refs, vectors, Arrays.asList(sorted), metadataWhitelist, searchPipeline.names());
  }

  /** JavaScript's {@code Math.round}: half rounds up. */
  private static double jsRound(double x) {
    return Math.abs(x) < 0x1p52 ? Math.round(x) : x;
  }

  private static double orOne(double boost) {
    return boost == 0 || Double.isNaN(boost) ? 1 : boost;
  }

  private void checkConfigurable() {
    if (fieldLengthSums != null || built) throw new IllegalStateException("Configure the builder before adding documents");
  }
}
