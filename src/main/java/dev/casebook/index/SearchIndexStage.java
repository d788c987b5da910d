package dev.casebook.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.casebook.link.LinkedLibrary;
import dev.casebook.model.DesignDoc;
import dev.casebook.model.Incident;
import dev.casebook.parallel.Jobs;
import dev.casebook.search.LunrIndex;
import dev.casebook.search.LunrIndexWriter;
import dev.casebook.write.SiteOutput;
import dev.casebook.write.SiteUpdate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The index stage: lunr.js 2.3.9 indexes of every write-up and design document, in tiers, written
 * as scripts.
 *
 * <ul>
 *   <li>{@value #PATH}, the first index: every document with every field but the body (title, id,
 *       summary, service, team, tag), the document store, the list of body shards and of text files:
 *       <pre>window.casebookSearch = {"index": &lt;lunr index&gt;, "docs": [...], "shards": {"fields": ["body"],
 *   "files": [{"file": "body-0.js", "from": 0, "to": 150}, ...]}, "text": {"chunk": 10, "files": 2}};</pre>
 *   <li>{@code assets/search/body-N.js}, the body shards: the body field of the write-ups whose refs
 *       are {@code from} (inclusive) to {@code to} (exclusive), {@link SearchDocuments#SHARD_SIZE} per shard:
 *       <pre>window.casebookSearchShards = window.casebookSearchShards || {}; window.casebookSearchShards[N] = &lt;lunr index&gt;;</pre>
 *   <li>{@code assets/search/text-N.js}, the text files: the plain body text of refs
 *       {@code N * chunk} to {@code (N + 1) * chunk - 1}, for result snippets; not indexes:
 *       <pre>window.casebookSearchText = window.casebookSearchText || {}; window.casebookSearchText[N] = ["...", ...];</pre>
 * </ul>
 *
 * Each index is exactly what lunr.js builds for its documents, with the same global numeric refs,
 * so the browser merges results by ref. Scripts rather than JSON because pages opened from disk
 * (file://) cannot fetch JSON but can load a script. {@code docs[ref]} is the page of a ref.
 */
public final class SearchIndexStage {
  /** Where the first index goes in the site. */
  public static final String PATH = "assets/search/index.js";
  /** The global the first index's script sets. */
  public static final String GLOBAL = "window.casebookSearch";
  /** The global object the shard scripts add themselves to, by shard number. */
  public static final String SHARD_GLOBAL = "window.casebookSearchShards";
  static final String PREFIX = GLOBAL + " = {\"index\": ";
  static final String MIDDLE = ", \"docs\": ";
  static final String SHARDS = ", \"shards\": ";
  static final String TEXT = ", \"text\": ";
  /** The global object the text scripts add themselves to, by file number. */
  public static final String TEXT_GLOBAL = "window.casebookSearchText";
  /**
   * Documents per text file. The text files hold each document's plain text, from which a result's
   * snippet is cut in the browser; only the files of the results on screen are loaded.
   */
  public static final int TEXT_CHUNK = 10;
  static final String SUFFIX = "};\n";

  private static final JsonFactory JSON = new JsonFactory();

  private SearchIndexStage() {}

  /** Where body shard {@code n} goes in the site. */
  public static String shardPath(int n) {
    return "assets/search/" + shardFile(n);
  }

  static String shardFile(int n) {
    return "body-" + n + ".js";
  }

  /** Where text file {@code n} goes in the site: the plain text of refs {@code n * TEXT_CHUNK} onwards. */
  public static String textPath(int n) {
    return "assets/search/text-" + n + ".js";
  }

  /** How many text files {@code documents} need. */
  public static int textFiles(SearchDocuments documents) {
    return (documents.documents().size() + TEXT_CHUNK - 1) / TEXT_CHUNK;
  }

  /** The bytes of text file {@code n}. */
  public static byte[] textScript(SearchDocuments documents, int n) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    writeText(documents, n, bytes);
    return bytes.toByteArray();
  }

  private static void writeText(SearchDocuments documents, int n, OutputStream out) throws IOException {
    out.write((TEXT_GLOBAL + " = " + TEXT_GLOBAL + " || {}; " + TEXT_GLOBAL + "[" + n + "] = ").getBytes(StandardCharsets.UTF_8));
    List<SearchDocuments.Document> docs = documents.documents();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartArray();
      for (int i = n * TEXT_CHUNK; i < Math.min(docs.size(), (n + 1) * TEXT_CHUNK); i++) g.writeString(docs.get(i).body());
      g.writeEndArray();
    }
    out.write(SHARD_SUFFIX.getBytes(StandardCharsets.UTF_8));
  }

  /** Builds the indexes of {@code linked} and writes them into the site; returns what they were built from. */
  public static SearchDocuments write(LinkedLibrary linked, SiteOutput out) throws IOException {
    return write(linked, out, IndexCache.none());
  }

  /** Builds every index of {@code linked} and writes them into a new site, remembering them in {@code cache}. */
  public static SearchDocuments write(LinkedLibrary linked, SiteOutput out, IndexCache cache) throws IOException {
    SearchDocuments documents = documents(linked, cache);
    write(documents, out);
    cache.written = documents;
    return documents;
  }

  /**
   * Rewrites in the site in place only the index files whose documents differ from those
   * {@code cache} last wrote: the first index when a title, summary or term changed or a document
   * came or went, a body shard when a body in it changed, a text file likewise; files the site no
   * longer needs are deleted. Returns the paths written.
   */
  public static java.util.Set<String> update(LinkedLibrary linked, SiteUpdate out, IndexCache cache) throws IOException {
    SearchDocuments documents = documents(linked, cache);
    SearchDocuments before = cache.written;
    if (before == null) {
      write(documents, out);
      cache.written = documents;
      return out.written();
    }
    List<Runnable> jobs = new java.util.ArrayList<>();
    List<SearchDocuments.Document> now = documents.documents();
    List<SearchDocuments.Document> was = before.documents();
    boolean firstChanged = now.size() != was.size();
    for (int i = 0; !firstChanged && i < now.size(); i++) firstChanged = !storeEntry(now.get(i)).equals(storeEntry(was.get(i)));
    if (firstChanged) jobs.add(() -> writeFile(out, PATH, file -> writeScript(documents, file)));
    List<SearchDocuments.Piece> shards = documents.shards();
    List<SearchDocuments.Piece> oldShards = before.shards();
    for (SearchDocuments.Piece shard : shards) {
      SearchDocuments.Piece old = shard.shard() < oldShards.size() ? oldShards.get(shard.shard()) : null;
      if (old == null || old.from() != shard.from() || old.to() != shard.to() || !sameBodies(old.documents(), shard.documents())) {
        jobs.add(() -> writeFile(out, shard.path(), file -> writeShard(shard.shard(), shard.index(), file)));
      }
    }
    for (int n = shards.size(); n < oldShards.size(); n++) out.delete(shardPath(n));
    int texts = textFiles(documents);
    for (int n = 0; n < texts; n++) {
      int from = n * TEXT_CHUNK;
      int to = Math.min(now.size(), from + TEXT_CHUNK);
      List<SearchDocuments.Document> old = from < was.size() ? was.subList(from, Math.min(was.size(), from + TEXT_CHUNK)) : List.of();
      boolean same = sameBodies(old, now.subList(from, to));
      int k = n;
      if (!same) jobs.add(() -> writeFile(out, textPath(k), file -> writeText(documents, k, file)));
    }
    for (int n = texts; n < textFiles(before); n++) out.delete(textPath(n));
    run(jobs);
    cache.written = documents;
    return out.written();
  }

  private static SearchDocuments documents(LinkedLibrary linked, IndexCache cache) {
    cache.texts.begin();
    return SearchDocuments.of(linked, body -> cache.texts.get(body, b -> SearchDocuments.bodyText(b.html())));
  }

  /** What the first index and the document store hold of a document. */
  private static List<Object> storeEntry(SearchDocuments.Document d) {
    List<Object> entry = new java.util.ArrayList<>();
    for (SearchDocuments.Field f : SearchDocuments.FIRST_FIELDS) entry.add(d.fields().get(f.name()));
    entry.add(d.kind());
    entry.add(d.summary());
    entry.add(SearchDocuments.url(d));
    if (d.incident() != null) {
      Incident i = d.incident();
      java.util.Collections.addAll(entry, i.date(), i.owner(), i.severity(), i.nearMiss(), i.summary());
    } else {
      DesignDoc doc = d.design();
      java.util.Collections.addAll(entry, doc.date(), doc.status(), doc.authors());
    }
    return entry;
  }

  private static boolean sameBodies(List<SearchDocuments.Document> a, List<SearchDocuments.Document> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).ref().equals(b.get(i).ref()) || !a.get(i).body().equals(b.get(i).body())) return false;
    }
    return true;
  }

  /** Writes the first index, the shards and the text files of {@code documents} into the site. */
  public static void write(SearchDocuments documents, SiteOutput out) throws IOException {
    // Every file is independent of the others. The first index is the largest job: it goes first.
    List<Runnable> jobs = new java.util.ArrayList<>();
    jobs.add(() -> writeFile(out, PATH, file -> writeScript(documents, file)));
    for (SearchDocuments.Piece shard : documents.shards()) {
      jobs.add(() -> writeFile(out, shard.path(), file -> writeShard(shard.shard(), shard.index(), file)));
    }
    for (int n = 0, count = textFiles(documents); n < count; n++) {
      int k = n;
      jobs.add(() -> writeFile(out, textPath(k), file -> writeText(documents, k, file)));
    }
    run(jobs);
  }

  private static void run(List<Runnable> jobs) throws IOException {
    try {
      Jobs.run(jobs);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static void writeFile(SiteOutput out, String path, Content content) {
    try {
      OutputStream file;
      synchronized (out) {
        file = out.create(path);
      }
      try (file) {
        content.writeTo(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of {@value #PATH} for these documents. */
  public static byte[] script(SearchDocuments documents) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    writeScript(documents, bytes);
    return bytes.toByteArray();
  }

  /** The bytes of body shard {@code piece} (one of {@link SearchDocuments#shards()}). */
  public static byte[] shardScript(SearchDocuments.Piece piece) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    writeShard(piece.shard(), piece.index(), bytes);
    return bytes.toByteArray();
  }

  static String shardPrefix(int n) {
    return SHARD_GLOBAL + " = " + SHARD_GLOBAL + " || {}; " + SHARD_GLOBAL + "[" + n + "] = ";
  }

  static final String SHARD_SUFFIX = ";\n";

  private static void writeShard(int n, LunrIndex index, OutputStream out) throws IOException {
    out.write(shardPrefix(n).getBytes(StandardCharsets.UTF_8));
    LunrIndexWriter.write(index, out);
    out.write(SHARD_SUFFIX.getBytes(StandardCharsets.UTF_8));
  }

  private static void writeScript(SearchDocuments documents, OutputStream out) throws IOException {
    LunrIndex index = documents.firstPiece().index();
    out.write(PREFIX.getBytes(StandardCharsets.UTF_8));
    LunrIndexWriter.write(index, out);
    out.write(MIDDLE.getBytes(StandardCharsets.UTF_8));
    writeDocStore(documents, out);
    out.write(SHARDS.getBytes(StandardCharsets.UTF_8));
    writeShardList(documents, out);
    out.write((TEXT + "{\"chunk\": " + TEXT_CHUNK + ", \"files\": " + textFiles(documents) + "}").getBytes(StandardCharsets.UTF_8));
    out.write(SUFFIX.getBytes(StandardCharsets.UTF_8));
  }

  /** {"fields": ["body"], "files": [{"file": "body-0.js", "from": 0, "to": 150}, ...]} */
  static void writeShardList(SearchDocuments documents, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeArrayFieldStart("fields");
      for (SearchDocuments.Field f : SearchDocuments.SHARD_FIELDS) g.writeString(f.name());
      g.writeEndArray();
      g.writeArrayFieldStart("files");
      for (SearchDocuments.Piece shard : documents.shards()) {
        g.writeStartObject();
        g.writeStringField("file", shardFile(shard.shard()));
        g.writeNumberField("from", shard.from());
        g.writeNumberField("to", shard.to());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /**
   * The document store: for each ref, in ref order, what a result shows and the filters use. Every
   * entry has the same keys; {@code kind} is {@code incident} or {@code design}, and design
   * documents add {@code status} and {@code authors}, have an empty id, no services, teams or tags,
   * and the opening of their first paragraph as summary. An undated design document has an empty
   * date and year 0.
   */
  static void writeDocStore(SearchDocuments documents, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartArray();
      for (SearchDocuments.Document d : documents.documents()) {
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
        } else {
          DesignDoc doc = d.design();
          g.writeStringField("id", "");
          g.writeStringField("title", doc.title());
          g.writeStringField("url", SearchDocuments.url(d));
          date(g, doc.date());
          g.writeStringField("owner", "");
          strings(g, "services", List.of());
          strings(g, "teams", List.of());
          strings(g, "tags", List.of());
          g.writeStringField("severity", "");
          g.writeStringField("summary", d.summary());
          g.writeBooleanField("nearMiss", false);
          g.writeStringField("status", doc.status());
          strings(g, "authors", doc.authors());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
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
