package dev.casebook.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.casebook.model.DesignDoc;
import dev.casebook.model.Incident;
import dev.casebook.search.LunrIndexWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bytes of each kind of search file the site ships (see {@link SearchIndexStage} for the
 * files and what they hold): the manifest, the partitions, the id files, the document store and
 * the texts, each a script that sets one entry of a global. The manifest's value is its JSON; the
 * others' is the JSON, or a string of its gzip in base64 ({@link SearchPayload}), as the manifest's
 * {@code encoding} says.
 */
final class SearchFiles {
  static final String SUFFIX = ";\n";
  /** The manifest's {@code encoding} when every other file's value is a string: the base64 of the gzip of its JSON. */
  static final String ENCODING_GZIP_BASE64 = "gzip-base64";
  /** The manifest's {@code encoding} when every other file's value is its JSON as it is. */
  static final String ENCODING_JSON = "json";
  private static final JsonFactory JSON = new JsonFactory();

  private SearchFiles() {}

  static byte[] prefix(String global, int n) {
    return (global + " = " + global + " || {}; " + global + "[" + n + "] = ").getBytes(StandardCharsets.UTF_8);
  }

  private static JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator g = JSON.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return g;
  }

  static void writeText(SearchDocuments documents, int n, OutputStream out) throws IOException {
    out.write(prefix(SearchIndexStage.TEXT_GLOBAL, n));
    List<SearchDocuments.Document> docs = documents.documents();
    SearchPayload.write(out, documents.compressed(), json -> {
      try (JsonGenerator g = generator(json)) {
        g.writeStartArray();
        for (int i = n * SearchIndexStage.TEXT_CHUNK; i < Math.min(docs.size(), (n + 1) * SearchIndexStage.TEXT_CHUNK); i++) g.writeString(docs.get(i).body());
        g.writeEndArray();
      }
    });
    out.write(SUFFIX.getBytes(StandardCharsets.UTF_8));
  }

  static void writePartition(SearchDocuments.Partition p, boolean compress, OutputStream out) throws IOException {
    out.write(prefix(p.group().global(), p.number()));
    SearchPayload.write(out, compress, json -> LunrIndexWriter.write(p.index(), json));
    out.write(SUFFIX.getBytes(StandardCharsets.UTF_8));
  }

  /** A write-up's id, lower-cased, and its ref. */
  record IdEntry(String id, int ref) {}

  /** The write-ups' lower-cased ids in UTF-16 order, {@link #SearchIndexStage.ID_CHUNK} per file. */
  static List<List<IdEntry>> idFiles(SearchDocuments documents) {
    List<IdEntry> ids = new java.util.ArrayList<>();
    List<SearchDocuments.Document> docs = documents.documents();
    for (int ref = 0; ref < docs.size(); ref++) {
      Incident i = docs.get(ref).incident();
      if (i != null) ids.add(new IdEntry(i.id().toLowerCase(java.util.Locale.ROOT), ref));
    }
    ids.sort(java.util.Comparator.comparing(IdEntry::id));
    List<List<IdEntry>> files = new java.util.ArrayList<>();
    for (int from = 0; from < ids.size(); from += SearchIndexStage.ID_CHUNK) files.add(ids.subList(from, Math.min(ids.size(), from + SearchIndexStage.ID_CHUNK)));
    return files;
  }

  static void writeIds(int n, List<IdEntry> ids, boolean compress, OutputStream out) throws IOException {
    out.write(prefix(SearchIndexStage.IDS_GLOBAL, n));
    SearchPayload.write(out, compress, json -> {
      try (JsonGenerator g = generator(json)) {
        g.writeStartObject();
        for (IdEntry e : ids) g.writeNumberField(e.id(), e.ref());
        g.writeEndObject();
      }
    });
    out.write(SUFFIX.getBytes(StandardCharsets.UTF_8));
  }

  static void writeDocs(SearchDocuments documents, int n, OutputStream out) throws IOException {
    out.write(prefix(SearchIndexStage.DOCS_GLOBAL, n));
    List<SearchDocuments.Document> docs = documents.documents();
    List<SearchDocuments.Document> chunk = docs.subList(n * SearchIndexStage.DOC_CHUNK, Math.min(docs.size(), (n + 1) * SearchIndexStage.DOC_CHUNK));
    SearchPayload.write(out, documents.compressed(), json -> writeDocStore(chunk, json));
    out.write(SUFFIX.getBytes(StandardCharsets.UTF_8));
  }

  static void writeManifest(SearchDocuments documents, List<List<IdEntry>> ids, OutputStream out) throws IOException {
    out.write((SearchIndexStage.GLOBAL + " = ").getBytes(StandardCharsets.UTF_8));
    List<SearchDocuments.Document> docs = documents.documents();
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      g.writeNumberField("version", 4);
      g.writeStringField("lunr", dev.casebook.search.LunrIndex.VERSION);
      // How the other files hold their value: "gzip-base64" (a string: the base64 of the JSON's gzip) or "json".
      g.writeStringField("encoding", documents.compressed() ? ENCODING_GZIP_BASE64 : ENCODING_JSON);
      g.writeArrayFieldStart("fields");
      for (SearchDocuments.Field f : SearchDocuments.FIELDS) g.writeString(f.name());
      g.writeEndArray();
      g.writeArrayFieldStart("pipeline");
      for (String name : dev.casebook.search.Pipeline.lunrSearch().names()) g.writeString(name);
      g.writeEndArray();
      // Each index: its fields and the first term of each of its partitions.
      g.writeArrayFieldStart("indexes");
      for (SearchDocuments.Group group : SearchDocuments.GROUPS) {
        g.writeStartObject();
        g.writeStringField("name", group.name());
        g.writeArrayFieldStart("fields");
        for (SearchDocuments.Field f : group.fields()) g.writeString(f.name());
        g.writeEndArray();
        g.writeArrayFieldStart("terms");
        for (SearchDocuments.Partition p : documents.partitions(group)) g.writeString(p.first());
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      long incidents = docs.stream().filter(d -> d.incident() != null).count();
      long designs = docs.stream().filter(d -> d.design() != null).count();
      long terms = docs.stream().filter(d -> d.term() != null).count();
      g.writeNumberField("documents", docs.size());
      g.writeNumberField("incidents", incidents);
      g.writeNumberField("designs", designs);
      g.writeNumberField("paths", docs.size() - incidents - designs - terms);
      g.writeNumberField("glossary", terms);
      g.writeArrayFieldStart("ids");
      for (List<IdEntry> file : ids) g.writeString(file.get(0).id());
      g.writeEndArray();
      g.writeObjectFieldStart("docs");
      g.writeNumberField("chunk", SearchIndexStage.DOC_CHUNK);
      g.writeNumberField("files", SearchIndexStage.chunks(docs.size(), SearchIndexStage.DOC_CHUNK));
      g.writeEndObject();
      g.writeObjectFieldStart("text");
      g.writeNumberField("chunk", SearchIndexStage.TEXT_CHUNK);
      g.writeNumberField("files", SearchIndexStage.textFiles(documents));
      g.writeEndObject();
      // The year of each run of refs with the same year: [year, from, to), 0 for undated.
      g.writeArrayFieldStart("years");
      for (int from = 0; from < docs.size();) {
        int year = year(docs.get(from));
        int to = from + 1;
        while (to < docs.size() && year(docs.get(to)) == year) to++;
        g.writeStartArray();
        g.writeNumber(year);
        g.writeNumber(from);
        g.writeNumber(to);
        g.writeEndArray();
        from = to;
      }
      g.writeEndArray();
      g.writeObjectFieldStart("examples");
      for (String key : List.of("service", "team", "tag")) {
        String value = example(docs, key);
        if (value != null) g.writeStringField(key, value);
      }
      g.writeEndObject();
      // Each word a query word is also searched as (casebook.yml's search synonyms and the built-in ones).
      g.writeObjectFieldStart("synonyms");
      for (var e : documents.synonyms().entrySet()) strings(g, e.getKey(), e.getValue());
      g.writeEndObject();
      // Groups of words a query word is also searched as at a lower weight (search related in casebook.yml and the built-in ones).
      g.writeArrayFieldStart("related");
      for (List<String> group : documents.related()) {
        g.writeStartArray();
        for (String member : group) g.writeString(member);
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write(SUFFIX.getBytes(StandardCharsets.UTF_8));
  }

  private static int year(SearchDocuments.Document d) {
    java.time.LocalDate date = d.incident() != null ? d.incident().date() : d.design() != null ? d.design().date() : null;
    return date == null ? 0 : date.getYear();
  }

  /** The first service, team (owner) or tag of the write-ups, for the search help's examples. */
  private static String example(List<SearchDocuments.Document> docs, String key) {
    for (SearchDocuments.Document d : docs) {
      Incident i = d.incident();
      if (i == null) continue;
      List<String> values = switch (key) {
        case "service" -> i.services();
        case "team" -> i.owner().isEmpty() ? List.of() : List.of(i.owner());
        default -> i.tags();
      };
      if (!values.isEmpty()) return values.get(0);
    }
    return null;
  }

  /**
   * The document store (of one file): for each ref, in ref order, what a result shows and the filters use. Every
   * entry has the same keys; {@code kind} is {@code incident}, {@code design} or {@code path}. Design
   * documents add {@code status} and {@code authors}, have an empty id, no services, teams or tags,
   * and the opening of their first paragraph as summary; an undated design document has an empty
   * date and year 0. Reading paths add {@code steps} (how many), have no date, and their audience as summary.
   * Terms of the glossary ({@code term}) have their name as title, no date, the opening of their
   * definition as summary, and the glossary page's anchor of the term as url.
   */
  static void writeDocStore(List<SearchDocuments.Document> docs, OutputStream out) throws IOException {
    try (JsonGenerator g = generator(out)) {
      g.writeStartArray();
      for (SearchDocuments.Document d : docs) {
        g.writeStartObject();
        g.writeStringField("kind", d.kind().label());
        Incident i = d.incident();
        if (i != null) {
          g.writeStringField("id", i.id());
          g.writeStringField("title", i.title());
          g.writeStringField("url", SearchDocuments.url(d));
          date(g, i.date());
          g.writeStringField("owner", i.owner());
          strings(g, "services", i.services());
          strings(g, "teams", i.teams());
          strings(g, "tags", i.tags());
          g.writeStringField("severity", i.severity());
          g.writeStringField("summary", i.summary());
          g.writeBooleanField("nearMiss", i.nearMiss());
        } else if (d.path() != null) {
          notAWriteUp(g, d, d.path().title(), null);
          g.writeNumberField("steps", d.path().steps().size());
        } else if (d.term() != null) {
          notAWriteUp(g, d, d.term().name(), null);
        } else {
          DesignDoc doc = d.design();
          notAWriteUp(g, d, doc.title(), doc.date());
          g.writeStringField("status", doc.status());
          strings(g, "authors", doc.authors());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }

  /** The keys every entry has, for a document that is not a write-up: no id, owner, services, teams, tags or severity. */
  private static void notAWriteUp(JsonGenerator g, SearchDocuments.Document d, String title, java.time.LocalDate date)
      throws IOException {
    g.writeStringField("id", "");
    g.writeStringField("title", title);
    g.writeStringField("url", SearchDocuments.url(d));
    date(g, date);
    g.writeStringField("owner", "");
    strings(g, "services", List.of());
    strings(g, "teams", List.of());
    strings(g, "tags", List.of());
    g.writeStringField("severity", "");
    g.writeStringField("summary", d.summary());
    g.writeBooleanField("nearMiss", false);
  }

  private static void date(JsonGenerator g, java.time.LocalDate date) throws IOException {
    g.writeStringField("date", date == null ? "" : date.toString());
    g.writeStringField("dateLabel", date == null ? "" : SearchDocuments.dateLabel(date));
    g.writeNumberField("year", date == null ? 0 : date.getYear());
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }
}
