package dev.casebook.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.casebook.link.LinkedLibrary;
import dev.casebook.model.Incident;
import dev.casebook.search.LunrIndex;
import dev.casebook.search.LunrIndexWriter;
import dev.casebook.write.SiteWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The index stage: one lunr.js 2.3.9 index of every write-up and a small document store, written
 * as one script, {@value #PATH}:
 *
 * <pre>window.casebookSearch = {"index": &lt;the index as lunr.js serializes it&gt;, "docs": [...]};</pre>
 *
 * A script rather than JSON because pages opened from disk (file://) cannot fetch JSON but can
 * load a script. {@code docs[ref]} is the write-up of a search result's ref.
 */
public final class SearchIndexStage {
  /** Where the index goes in the site. */
  public static final String PATH = "assets/search/index.js";
  /** The global the script sets. */
  public static final String GLOBAL = "window.casebookSearch";
  static final String PREFIX = GLOBAL + " = {\"index\": ";
  static final String MIDDLE = ", \"docs\": ";
  static final String SUFFIX = "};\n";

  private static final JsonFactory JSON = new JsonFactory();

  private SearchIndexStage() {}

  /** Builds the index of {@code linked} and writes it into the site; returns what it was built from. */
  public static SearchDocuments write(LinkedLibrary linked, SiteWriter out) throws IOException {
    SearchDocuments documents = SearchDocuments.of(linked);
    try (OutputStream file = out.create(PATH)) {
      writeScript(documents, file);
    }
    return documents;
  }

  /** The bytes of {@value #PATH} for these documents. */
  public static byte[] script(SearchDocuments documents) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    writeScript(documents, bytes);
    return bytes.toByteArray();
  }

  private static void writeScript(SearchDocuments documents, OutputStream out) throws IOException {
    LunrIndex index = documents.index();
    out.write(PREFIX.getBytes(StandardCharsets.UTF_8));
    LunrIndexWriter.write(index, out);
    out.write(MIDDLE.getBytes(StandardCharsets.UTF_8));
    writeDocStore(documents, out);
    out.write(SUFFIX.getBytes(StandardCharsets.UTF_8));
  }

  /** The document store: for each ref, in ref order, what a result shows and the filters use. */
  static void writeDocStore(SearchDocuments documents, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartArray();
      for (SearchDocuments.Document d : documents.documents()) {
        Incident i = d.incident();
        g.writeStartObject();
        g.writeStringField("id", i.id());
        g.writeStringField("title", i.title());
        g.writeStringField("url", SearchDocuments.url(i));
        g.writeStringField("date", i.date().toString());
        g.writeStringField("dateLabel", SearchDocuments.dateLabel(i));
        g.writeNumberField("year", i.date().getYear());
        g.writeStringField("owner", i.owner());
        strings(g, "services", i.services());
        strings(g, "teams", i.teams());
        strings(g, "tags", i.tags());
        g.writeStringField("severity", i.severity());
        g.writeStringField("summary", i.summary());
        g.writeBooleanField("nearMiss", i.nearMiss());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  /**
   * Writes what every index the site ships was built from, so anyone can rebuild it with lunr.js
   * and compare: its path, the builder's settings and the text of each field of each document.
   */
  public static void writeSearchDocuments(SearchDocuments documents, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("version", 1);
      g.writeArrayFieldStart("indexes");
      g.writeStartObject();
      g.writeStringField("path", PATH);
      g.writeStringField("lunr", LunrIndex.VERSION);
      g.writeStringField("global", GLOBAL);
      g.writeStringField("indexProperty", "index");
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
        for (var e : d.fields().entrySet()) {
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
