package dev.casebook.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Streams a {@link LunrIndex} with Jackson in exactly the bytes of {@code JSON.stringify(idx)} in
 * lunr.js 2.3.9: compact, keys in lunr's order, numbers spelled by {@link JsNumbers}, strings
 * escaped as JavaScript does ({@link JsStrings}), and the documents of a posting in JavaScript's
 * object key order (refs that are array indices first, ascending; then the others as added).
 */
public final class LunrIndexWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private LunrIndexWriter() {}

  /** Writes {@code index} to {@code out} as UTF-8; {@code out} is left open. */
  public static void write(LunrIndex index, OutputStream out) throws IOException {
    try (JsonGenerator gen = JSON.createGenerator(out)) {
      gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      new Run(index, gen).write();
    }
  }

  /** The serialized index as a string. */
  public static String toJson(LunrIndex index) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(index, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** One serialization, with the per-index strings prepared once. */
  private static final class Run {
    private final LunrIndex index;
    private final JsonGenerator gen;
    private final List<String> fields;
    private final SerializableString[] fieldNames;
    private final SerializableString[] refs;
    private final long[] arrayIndexRefs;
    private final boolean anyArrayIndexRef;
    /** Each ref as JSON (quoted) when Jackson writes it without escapes, else null. */
    private final char[][] plainRefs;
    private final char[][][] plainVectorKeys;
    /** Numbers and entries written as raw JSON are put together here. */
    private char[] buffer = new char[1024];
    private int length;

    Run(LunrIndex index, JsonGenerator gen) {
      this.index = index;
      this.gen = gen;
      this.fields = index.fields();
      this.fieldNames = fields.stream().map(JsStrings::forJson).toArray(SerializableString[]::new);
      RefStrings prepared = index.refStrings();
      this.refs = prepared.refs;
      this.arrayIndexRefs = prepared.arrayIndexRefs;
      this.anyArrayIndexRef = prepared.anyArrayIndexRef;
      this.plainRefs = prepared.plainRefs;
      this.plainVectorKeys = prepared.plainVectorKeys;
    }

    void write() throws IOException {
      gen.writeStartObject();
      gen.writeStringField("version", LunrIndex.VERSION);
      gen.writeFieldName("fields");
      gen.writeStartArray();
      for (SerializableString name : fieldNames) gen.writeString(name);
      gen.writeEndArray();
      gen.writeFieldName("fieldVectors");
      gen.writeStartArray();
      for (FieldVector vector : index.fieldVectors()) writeVector(vector);
      gen.writeEndArray();
      gen.writeFieldName("invertedIndex");
      gen.writeStartArray();
      for (Posting posting : index.invertedIndex()) writePosting(posting);
      gen.writeEndArray();
      gen.writeFieldName("pipeline");
      gen.writeStartArray();
      for (String name : index.pipeline()) writeString(name);
      gen.writeEndArray();
      gen.writeEndObject();
    }

    private void writeVector(FieldVector vector) throws IOException {
      gen.writeStartArray();
      char[] key = plainVectorKeys[vector.field()][vector.document()];
      if (key != null) gen.writeRawValue(key, 0, key.length);
      else writeString(fields.get(vector.field()) + "/" + index.refs().get(vector.document()));
      // [index, weight, index, weight, ...] as one raw value: these are most of an index's bytes.
      int[] indices = vector.termIndices();
      double[] weights = vector.weights();
      length = 0;
      append('[');
      for (int i = 0; i < indices.length; i++) {
        if (i > 0) append(',');
        appendLong(indices[i]);
        append(',');
        appendNumber(weights[i]);
      }
      append(']');
      gen.writeRawValue(buffer, 0, length);
      gen.writeEndArray();
    }

    private void writePosting(Posting posting) throws IOException {
      gen.writeStartArray();
      writeString(posting.term);
      gen.writeStartObject();
      gen.writeFieldName("_index");
      gen.writeNumber(posting.index);
      for (int f = 0; f < fieldNames.length; f++) {
        gen.writeFieldName(fieldNames[f]);
        if (posting.occurrences == null && writePlainEntries(posting, f)) continue;
        gen.writeStartObject();
        for (int entry : entryOrder(posting, f)) writeEntry(posting, f, entry);
        gen.writeEndObject();
      }
      gen.writeEndObject();
      gen.writeEndArray();
    }

    /**
     * Without metadata every entry is {@code "ref":{}}; writes the field's entries as one raw value
     * when every ref is plain. False, having written nothing, otherwise.
     */
    private boolean writePlainEntries(Posting posting, int f) throws IOException {
      int[] order = entryOrder(posting, f);
      IntList docs = posting.documents[f];
      for (int entry : order) if (plainRefs[docs.get(entry)] == null) return false;
      length = 0;
      append('{');
      for (int i = 0; i < order.length; i++) {
        if (i > 0) append(',');
        char[] ref = plainRefs[docs.get(order[i])];
        ensure(ref.length + 3);
        System.arraycopy(ref, 0, buffer, length, ref.length);
        length += ref.length;
        buffer[length++] = ':';
        buffer[length++] = '{';
        buffer[length++] = '}';
      }
      append('}');
      gen.writeRawValue(buffer, 0, length);
      return true;
    }

    private void ensure(int more) {
      if (length + more > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }

    private void append(char c) {
      ensure(1);
      buffer[length++] = c;
    }

    private void appendLong(long value) {
      if (value < 0) {
        append('-');
        value = -value;
      }
      ensure(20);
      if (value < 10) {
        buffer[length++] = (char) ('0' + value);
        return;
      }
      int digits = 0;
      for (long v = value; v > 0; v /= 10) digits++;
      for (int i = length + digits - 1; i >= length; i--) {
        buffer[i] = (char) ('0' + value % 10);
        value /= 10;
      }
      length += digits;
    }

    /** {@link JsNumbers#toString(double)}, appended. */
    private void appendNumber(double value) {
      long thousandths = JsNumbers.thousandthsOf(value);
      if (thousandths == Long.MIN_VALUE) {
        String s = JsNumbers.toString(value);
        ensure(s.length());
        s.getChars(0, s.length(), buffer, length);
        length += s.length();
        return;
      }
      long abs = Math.abs(thousandths);
      if (thousandths < 0) append('-');
      appendLong(abs / 1000);
      int fraction = (int) (abs % 1000);
      if (fraction != 0) {
        ensure(4);
        buffer[length++] = '.';
        buffer[length++] = (char) ('0' + fraction / 100);
        fraction %= 100;
        if (fraction != 0) {
          buffer[length++] = (char) ('0' + fraction / 10);
          fraction %= 10;
          if (fraction != 0) buffer[length++] = (char) ('0' + fraction);
        }
      }
    }

    /** The positions of the posting's documents for field {@code f}, in JavaScript key order. */
    private int[] entryOrder(Posting posting, int f) {
      int count = posting.documentCount(f);
      int[] order = new int[count];
      for (int i = 0; i < count; i++) order[i] = i;
      if (!anyArrayIndexRef || count < 2) return order;
      IntList docs = posting.documents[f];
      long[] numeric = new long[count];
      int numericCount = 0;
      for (int i = 0; i < count; i++) {
        long value = arrayIndexRefs[docs.get(i)];
        if (value >= 0) numeric[numericCount++] = (value << 20) | i;
      }
      if (numericCount == 0) return order;
      if (numericCount == count) {
        // Documents are usually added in ref order: nothing to sort then.
        boolean ascending = true;
        for (int i = 1; i < count && ascending; i++) ascending = numeric[i - 1] < numeric[i];
        if (ascending) return order;
      }
      Arrays.sort(numeric, 0, numericCount);
      int next = 0;
      for (int i = 0; i < numericCount; i++) order[next++] = (int) (numeric[i] & 0xFFFFF);
      for (int i = 0; i < count; i++) if (arrayIndexRefs[docs.get(i)] < 0) order[next++] = i;
      return order;
    }

    private void writeEntry(Posting posting, int f, int entry) throws IOException {
      gen.writeFieldName(refs[posting.documents[f].get(entry)]);
      gen.writeStartObject();
      if (posting.occurrences != null) {
        IntList occurrences = posting.occurrences[f];
        IntList starts = posting.occurrenceStarts[f];
        int from = starts.get(entry);
        int to = entry + 1 < starts.size() ? starts.get(entry + 1) : occurrences.size();
        for (String key : index.metadataWhitelist()) {
          gen.writeFieldName(key);
          gen.writeStartArray();
          for (int o = from; o < to; o += 3) writeMetadata(key, f, occurrences.get(o), occurrences.get(o + 1), occurrences.get(o + 2));
          gen.writeEndArray();
        }
      }
      gen.writeEndObject();
    }

    private void writeMetadata(String key, int f, int start, int length, int tokenIndex) throws IOException {
      switch (key) {
        case "position" -> {
          if (start < 0) {
            gen.writeNull();
          } else {
            gen.writeStartArray();
            gen.writeNumber(start);
            gen.writeNumber(length);
            gen.writeEndArray();
          }
        }
        case "index" -> {
          if (tokenIndex < 0) gen.writeNull();
          else gen.writeNumber(tokenIndex);
        }
        case "fields" -> {
          gen.writeStartArray();
          gen.writeString(fieldNames[f]);
          gen.writeEndArray();
        }
        default -> gen.writeNull();
      }
    }

    private void writeString(String s) throws IOException {
      if (JsStrings.needsOwnEscaping(s)) gen.writeString(JsStrings.forJson(s));
      else gen.writeString(s);
    }
  }
}
