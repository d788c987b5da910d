package dev.casebook.search;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A built lunr.js 2.3.9 index, ready to be written with {@link LunrIndexWriter} and loaded in the
 * browser with {@code lunr.Index.load}. Nothing changes it after {@link LunrIndexBuilder#build}.
 */
public final class LunrIndex {
  /** The lunr.js version the index is written for. */
  public static final String VERSION = "2.3.9";

  private final List<String> fields;
  private final List<String> refs;
  private final List<FieldVector> fieldVectors;
  private final List<Posting> invertedIndex;
  private final List<String> metadataWhitelist;
  private final List<String> pipeline;
  /** The refs prepared for writing, made on first use; shared with the index's partitions. */
  private final java.util.concurrent.atomic.AtomicReference<RefStrings> refStrings;

  LunrIndex(
      List<String> fields,
      List<String> refs,
      List<FieldVector> fieldVectors,
      List<Posting> invertedIndex,
      List<String> metadataWhitelist,
      List<String> pipeline) {
    this(fields, refs, fieldVectors, invertedIndex, metadataWhitelist, pipeline, new java.util.concurrent.atomic.AtomicReference<>());
  }

  /** A part of {@code whole}: the same fields and refs, prepared for writing once for both. */
  LunrIndex(LunrIndex whole, List<FieldVector> fieldVectors, List<Posting> invertedIndex) {
    this(whole.fields, whole.refs, fieldVectors, invertedIndex, whole.metadataWhitelist, whole.pipeline, whole.refStrings);
  }

  private LunrIndex(
      List<String> fields,
      List<String> refs,
      List<FieldVector> fieldVectors,
      List<Posting> invertedIndex,
      List<String> metadataWhitelist,
      List<String> pipeline,
      java.util.concurrent.atomic.AtomicReference<RefStrings> refStrings) {
    this.refStrings = refStrings;
    this.fields = List.copyOf(fields);
    this.refs = List.copyOf(refs);
    this.fieldVectors = List.copyOf(fieldVectors);
    this.invertedIndex = List.copyOf(invertedIndex);
    this.metadataWhitelist = List.copyOf(metadataWhitelist);
    this.pipeline = List.copyOf(pipeline);
  }

  /** The field names, in declaration order. */
  public List<String> fields() {
    return fields;
  }

  /** The document refs, in the order the documents were added. */
  public List<String> refs() {
    return refs;
  }

  /** The number of documents. */
  public int documentCount() {
    return refs.size();
  }

  /** The indexed terms, in the index's (UTF-16) order; the empty term included when present. */
  public List<String> terms() {
    List<String> terms = new ArrayList<>(invertedIndex.size());
    for (Posting posting : invertedIndex) terms.add(posting.term);
    return terms;
  }

  /** The token metadata kept for each occurrence. */
  public List<String> metadataWhitelist() {
    return metadataWhitelist;
  }

  /** The names of the search pipeline, as serialized. */
  public List<String> pipeline() {
    return pipeline;
  }

  /** Writes the index as {@code JSON.stringify} would, in UTF-8. */
  public void writeTo(OutputStream out) throws IOException {
    LunrIndexWriter.write(this, out);
  }

  /** The index as {@code JSON.stringify} would give it. */
  public String toJson() {
    return LunrIndexWriter.toJson(this);
  }

  RefStrings refStrings() {
    RefStrings prepared = refStrings.get();
    if (prepared == null) {
      prepared = RefStrings.of(fields, refs);
      if (!refStrings.compareAndSet(null, prepared)) prepared = refStrings.get();
    }
    return prepared;
  }

  List<FieldVector> fieldVectors() {
    return fieldVectors;
  }

  List<Posting> invertedIndex() {
    return invertedIndex;
  }
}
