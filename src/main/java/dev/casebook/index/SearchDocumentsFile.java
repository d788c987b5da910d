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
   * Writes what the site's indexes were built from, so anyone can rebuild them with lunr.js and
   * compare: the builder's settings and the text of every field of each document, once, then for
   * each index its fields and every partition file with the range of terms it holds ({@code to} is
   * null for the last).
   */
  public static void write(SearchDocuments documents, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("version", 3);
      g.writeStringField("lunr", LunrIndex.VERSION);
      g.writeStringField("ref", SearchDocuments.REF);
      g.writeArrayFieldStart("fields");
      for (SearchDocuments.Field f : SearchDocuments.FIELDS) {
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
      for (SearchDocuments.Document d : documents.documents()) {
        g.writeStartObject();
        for (var e : SearchDocuments.fieldsOf(d).entrySet()) {
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
      g.writeArrayFieldStart("indexes");
      for (SearchDocuments.Group group : SearchDocuments.GROUPS) {
        g.writeStartObject();
        g.writeStringField("name", group.name());
        g.writeArrayFieldStart("fields");
        for (SearchDocuments.Field f : group.fields()) g.writeString(f.name());
        g.writeEndArray();
        g.writeArrayFieldStart("files");
        for (SearchDocuments.Partition p : documents.partitions(group)) {
          g.writeStartObject();
          g.writeStringField("path", p.path());
          g.writeStringField("global", group.global());
          g.writeStringField("indexProperty", Integer.toString(p.number()));
          g.writeObjectFieldStart("terms");
          g.writeStringField("from", p.first());
          if (p.end() == null) g.writeNullField("to");
          else g.writeStringField("to", p.end());
          g.writeEndObject();
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
