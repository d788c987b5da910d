package dev.casebook.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.casebook.search.LunrIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code build --search-documents FILE}: what the site's indexes were built from, as JSON. */
public final class SearchDocumentsFile {
  private static final JsonFactory JSON = new JsonFactory();

  private SearchDocumentsFile() {}

  /**
   * Writes what every index the site ships was built from, so anyone can rebuild it with lunr.js
   * and compare: its path, the builder's settings and the text of each field of each document.
   * The first index comes first, then the shards in order.
   */
  public static void write(SearchDocuments documents, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("version", 2);
      g.writeArrayFieldStart("indexes");
      for (SearchDocuments.Piece piece : documents.pieces()) {
        g.writeStartObject();
        g.writeStringField("path", piece.path());
        g.writeStringField("lunr", LunrIndex.VERSION);
        g.writeStringField("global", piece.global());
        g.writeStringField("indexProperty", piece.property());
        g.writeStringField("ref", SearchDocuments.REF);
        g.writeArrayFieldStart("fields");
        for (SearchDocuments.Field f : piece.fields()) {
          g.writeStartObject();
          g.writeStringField("name", f.name());
          g.writeFieldName("boost");
          number(g, f.boost());
          g.writeStringField("type", f.array() ? "array" : "text");
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("documentBoosts");
        g.writeEndObject();
        g.writeArrayFieldStart("metadataWhitelist");
        for (String key : SearchDocuments.METADATA_WHITELIST) g.writeString(key);
        g.writeEndArray();
        g.writeArrayFieldStart("documents");
        for (SearchDocuments.Document d : piece.documents()) {
          g.writeStartObject();
          for (var e : piece.fieldsOf(d).entrySet()) {
            if (e.getValue() instanceof List<?> list) {
              g.writeArrayFieldStart(e.getKey());
              for (Object v : list) g.writeString(String.valueOf(v));
              g.writeEndArray();
            } else {
              g.writeStringField(e.getKey(), String.valueOf(e.getValue()));
            }
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void number(JsonGenerator g, double x) throws IOException {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) g.writeNumber((long) x);
    else g.writeNumber(x);
  }
}
