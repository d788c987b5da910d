package dev.casebook.index;

import dev.casebook.link.LinkedLibrary;
import dev.casebook.parallel.Jobs;
import dev.casebook.search.AnalyzedField;
import dev.casebook.write.SiteOutput;
import dev.casebook.write.SiteUpdate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The index stage: one lunr.js 2.3.9 index of every write-up and design document, cut by term into
 * partitions, with a small manifest and the document store and texts in small files, written as scripts.
 *
 * <ul>
 *   <li>{@value #PATH}, the manifest: the index's fields and search pipeline, the first term of
 *       each partition, the first id of each id file, how many documents each store and text file
 *       holds, the year of each run of refs, and a few counts:
 *       <pre>window.casebookSearch = {"version": 4, "lunr": "2.3.9", "encoding": "gzip-base64", "fields": [...], "pipeline": ["stemmer"],
 *   "indexes": [{"name": "fields", "fields": [...], "terms": ["", "bare", ...]}, {"name": "body", ...}], "documents": 17,
 *   "incidents": 15, "designs": 2, "ids": ["inc-2022-004"], "docs": {"chunk": 10, "files": 2},
 *   "text": {"chunk": 1, "files": 17}, "years": [[2025, 0, 3], ...], "examples": {...}};</pre>
 *   <li>{@code assets/search/fields-N.js} and {@code body-N.js}, the partitions of the two indexes
 *       ({@link SearchDocuments#GROUPS}): each index restricted to the terms from {@code terms[N]}
 *       to {@code terms[N + 1]} ({@link dev.casebook.search.TermPartitions}):
 *       <pre>window.casebookSearchFields = window.casebookSearchFields || {}; window.casebookSearchFields[N] = &lt;lunr index&gt;;</pre>
 *   <li>{@code assets/search/ids-N.js}: lower-cased write-up ids, in order, from {@code ids[N]}, with their refs:
 *       <pre>window.casebookSearchIds = window.casebookSearchIds || {}; window.casebookSearchIds[N] = {"inc-2022-004": 7, ...};</pre>
 *   <li>{@code assets/search/docs-N.js}, the document store: what a result shows, for refs
 *       {@code N * chunk} to {@code (N + 1) * chunk - 1}:
 *       <pre>window.casebookSearchDocs = window.casebookSearchDocs || {}; window.casebookSearchDocs[N] = [{...}, ...];</pre>
 *   <li>{@code assets/search/text-N.js}, the text files: the plain body text of ref {@code N}, for snippets:
 *       <pre>window.casebookSearchText = window.casebookSearchText || {}; window.casebookSearchText[N] = ["..."];</pre>
 * </ul>
 *
 * Every file but the manifest sets its entry to a string, the base64 of the gzip of the JSON shown
 * ({@link SearchPayload}; the manifest's {@code "encoding": "gzip-base64"}), or, with casebook.yml's
 * {@code search: {compress: false}}, to the JSON itself ({@code "encoding": "json"}).
 *
 * <p>Scripts rather than JSON because pages opened from disk (file://) cannot fetch JSON but can load a
 * script. Only the partitions a query's words need and the store and text of the results on screen
 * are loaded.
 */
public final class SearchIndexStage {
  /** Where the manifest goes in the site. */
  public static final String PATH = "assets/search/index.js";
  /** The global the manifest's script sets. */
  public static final String GLOBAL = "window.casebookSearch";
  /** The global object the id files add themselves to, by number. */
  public static final String IDS_GLOBAL = "window.casebookSearchIds";
  /** The global object the document store files add themselves to, by number. */
  public static final String DOCS_GLOBAL = "window.casebookSearchDocs";
  /** The global object the text scripts add themselves to, by file number. */
  public static final String TEXT_GLOBAL = "window.casebookSearchText";
  /** Documents per document store file: about 4 KB, 1.5 KB gzipped. */
  public static final int DOC_CHUNK = 10;
  /**
   * Documents per text file: one, so that a result's snippet costs only its own text (about 10 KB,
   * 4 KB gzipped, for 1,500 words). Ten a file would take less room on disk, but the header box would
   * then download ten texts for each snippet (docs/search-index.md, "How a file is encoded").
   */
  public static final int TEXT_CHUNK = 1;
  /** Ids per id file. */
  public static final int ID_CHUNK = 1000;


  private SearchIndexStage() {}

  /** Where partition {@code n} of the index of {@code group} goes in the site. */
  public static String partitionPath(SearchDocuments.Group group, int n) {
    return "assets/search/" + group.name() + "-" + n + ".js";
  }

  /** Where id file {@code n} goes in the site. */
  public static String idsPath(int n) {
    return "assets/search/ids-" + n + ".js";
  }

  /** Where document store file {@code n} goes in the site. */
  public static String docsPath(int n) {
    return "assets/search/docs-" + n + ".js";
  }

  /** Where text file {@code n} goes in the site: the plain text of refs {@code n * TEXT_CHUNK} onwards. */
  public static String textPath(int n) {
    return "assets/search/text-" + n + ".js";
  }

  /** How many text files {@code documents} need. */
  public static int textFiles(SearchDocuments documents) {
    return chunks(documents.documents().size(), TEXT_CHUNK);
  }

  static int chunks(int count, int chunk) {
    return (count + chunk - 1) / chunk;
  }

  /** The bytes of text file {@code n}. */
  public static byte[] textScript(SearchDocuments documents, int n) throws IOException {
    return bytes(out -> SearchFiles.writeText(documents, n, out));
  }

  /** Builds the indexes of {@code linked} and writes them into the site; returns what it was built from. */
  public static SearchDocuments write(LinkedLibrary linked, SiteOutput out) throws IOException {
    return write(linked, out, IndexCache.none());
  }

  /** Builds the index of {@code linked} and writes it into a new site, remembering it in {@code cache}. */
  public static SearchDocuments write(LinkedLibrary linked, SiteOutput out, IndexCache cache) throws IOException {
    SearchDocuments documents = documents(linked, cache, false);
    write(documents, out);
    cache.written = documents;
    return documents;
  }

  /**
   * Rewrites in the site in place the index files of {@code linked} that changed since {@code cache}
   * last wrote them: every partition, the manifest and the id files when a document's searched
   * text changed or a document came or went (the idf and average lengths of the whole library are in
   * every weight; {@link SiteUpdate} leaves the files whose bytes are the same alone), the document
   * store files likewise, and the text files of changed bodies. Files the site no longer needs are
   * deleted. Returns the paths written.
   */
  public static java.util.Set<String> update(LinkedLibrary linked, SiteUpdate out, IndexCache cache) throws IOException {
    // An update may be asked to stop (IndexCache.stopWhen) before it has written anything: here,
    // at each field value the index reads, every 1,024 field vectors it computes, before each file
    // and at the end.
    cache.stopIfAsked();
    SearchDocuments documents = documents(linked, cache, true);
    SearchDocuments before = cache.written;
    if (before == null) {
      write(documents, out);
      cache.written = documents;
      return out.written();
    }
    List<SearchDocuments.Document> now = documents.documents();
    List<SearchDocuments.Document> was = before.documents();
    boolean recode = documents.compressed() != before.compressed();
    boolean indexChanged = recode || now.size() != was.size() || !documents.synonyms().equals(before.synonyms())
        || !documents.related().equals(before.related());
    for (int i = 0; !indexChanged && i < now.size(); i++) {
      indexChanged = !SearchDocuments.fieldsOf(now.get(i)).equals(SearchDocuments.fieldsOf(was.get(i)));
    }
    List<Runnable> jobs = new java.util.ArrayList<>();
    if (indexChanged) {
      addIndexJobs(documents, recode ? null : before, out, jobs);
      for (SearchDocuments.Group g : SearchDocuments.GROUPS) {
        for (int n = documents.partitions(g).size(); n < before.partitions(g).size(); n++) out.delete(partitionPath(g, n));
      }
      for (int n = SearchFiles.idFiles(documents).size(); n < SearchFiles.idFiles(before).size(); n++) out.delete(idsPath(n));
    }
    addDocJobs(documents, out, jobs);
    for (int n = chunks(now.size(), DOC_CHUNK); n < chunks(was.size(), DOC_CHUNK); n++) out.delete(docsPath(n));
    int texts = textFiles(documents);
    for (int n = 0; n < texts; n++) {
      int from = n * TEXT_CHUNK;
      int to = Math.min(now.size(), from + TEXT_CHUNK);
      List<SearchDocuments.Document> old = from < was.size() ? was.subList(from, Math.min(was.size(), from + TEXT_CHUNK)) : List.of();
      int k = n;
      if (recode || !sameBodies(old, now.subList(from, to))) jobs.add(() -> writeFile(out, textPath(k), file -> SearchFiles.writeText(documents, k, file)));
    }
    for (int n = texts; n < textFiles(before); n++) out.delete(textPath(n));
    jobs.replaceAll(job -> () -> {
      cache.stopIfAsked();
      job.run();
    });
    run(jobs);
    cache.stopIfAsked();
    cache.written = documents;
    return out.written();
  }

  private static SearchDocuments documents(LinkedLibrary linked, IndexCache cache, boolean stoppable) {
    cache.texts.begin();
    cache.analyses.begin();
    return SearchDocuments.of(linked, body -> cache.texts.get(body, b -> SearchDocuments.bodyText(b.html())))
        .withAnalysis(value -> {
          if (stoppable) cache.stopIfAsked();
          return value == null ? AnalyzedField.EMPTY : cache.analyses.get(value, cache.analyzer);
        })
        .withCheckpoint(stoppable ? cache::stopIfAsked : null);
  }

  private static boolean sameBodies(List<SearchDocuments.Document> a, List<SearchDocuments.Document> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).ref().equals(b.get(i).ref()) || !a.get(i).body().equals(b.get(i).body())) return false;
    }
    return true;
  }

  /** Writes every search file of {@code documents} into the site. */
  public static void write(SearchDocuments documents, SiteOutput out) throws IOException {
    List<Runnable> jobs = new java.util.ArrayList<>();
    addIndexJobs(documents, null, out, jobs);
    addDocJobs(documents, out, jobs);
    for (int n = 0, count = textFiles(documents); n < count; n++) {
      int k = n;
      jobs.add(() -> writeFile(out, textPath(k), file -> SearchFiles.writeText(documents, k, file)));
    }
    run(jobs);
  }

  /**
   * Adds the jobs that write the manifest, the id files and the partitions of {@code documents}'
   * indexes, leaving out the partitions that are the same as {@code before}'s (null: write them all).
   */
  private static void addIndexJobs(SearchDocuments documents, SearchDocuments before, SiteOutput out, List<Runnable> jobs) {
    // Cutting an index builds it: once, before the jobs that write its partitions; the two at once.
    SearchDocuments.GROUPS.parallelStream().forEach(documents::partitions);
    List<SearchDocuments.Partition> partitions = documents.partitions();
    List<List<SearchFiles.IdEntry>> ids = SearchFiles.idFiles(documents);
    jobs.add(() -> writeFile(out, PATH, file -> SearchFiles.writeManifest(documents, ids, file)));
    for (SearchDocuments.Partition p : partitions) {
      if (before != null) {
        List<SearchDocuments.Partition> was = before.partitions(p.group());
        if (p.number() < was.size() && p.sameAs(was.get(p.number()))) continue;
      }
      jobs.add(() -> writeFile(out, p.path(), file -> SearchFiles.writePartition(p, documents.compressed(), file)));
    }
    for (int n = 0; n < ids.size(); n++) {
      int k = n;
      jobs.add(() -> writeFile(out, idsPath(k), file -> SearchFiles.writeIds(k, ids.get(k), documents.compressed(), file)));
    }
  }

  private static void addDocJobs(SearchDocuments documents, SiteOutput out, List<Runnable> jobs) {
    for (int n = 0, count = chunks(documents.documents().size(), DOC_CHUNK); n < count; n++) {
      int k = n;
      jobs.add(() -> writeFile(out, docsPath(k), file -> SearchFiles.writeDocs(documents, k, file)));
    }
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

  private static byte[] bytes(Content content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    content.writeTo(bytes);
    return bytes.toByteArray();
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

  /** The bytes of the manifest {@value #PATH} for these documents. */
  public static byte[] script(SearchDocuments documents) throws IOException {
    return bytes(out -> SearchFiles.writeManifest(documents, SearchFiles.idFiles(documents), out));
  }

  /** The bytes of the file of a partition of {@code documents}' indexes. */
  public static byte[] partitionScript(SearchDocuments documents, SearchDocuments.Partition partition) throws IOException {
    return bytes(out -> SearchFiles.writePartition(partition, documents.compressed(), out));
  }

  /** The bytes of document store file {@code n}. */
  public static byte[] docsScript(SearchDocuments documents, int n) throws IOException {
    return bytes(out -> SearchFiles.writeDocs(documents, n, out));
  }

  /** The bytes of id file {@code n}. */
  public static byte[] idsScript(SearchDocuments documents, int n) throws IOException {
    return bytes(out -> SearchFiles.writeIds(n, SearchFiles.idFiles(documents).get(n), documents.compressed(), out));
  }
}
