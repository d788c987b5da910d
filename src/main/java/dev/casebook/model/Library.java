package dev.casebook.model;

import dev.casebook.config.SiteConfig;
import dev.casebook.model.AssetFile;
import java.util.Comparator;
import java.util.List;

/**
 * The validated library: its settings, its write-ups (newest first, then by id) and the files
 * copied beside them.
 *
 * @param knownIds the ids of every valid write-up, drafts left out of the site included
 * @param designDocs the design documents, newest first (undated last), then by title
 * @param brokenIds the write-ups left out because of their errors whose ids are legible, by id in lower case
 * @param paths the reading paths, by title
 */
public record Library(
    SiteConfig config,
    List<Incident> incidents,
    List<AssetFile> assets,
    String contentFolder,
    java.util.Set<String> knownIds,
    List<DesignDoc> designDocs,
    java.util.Map<String, BrokenWriteUp> brokenIds,
    List<ReadingPath> paths) {

  public static final Comparator<Incident> NEWEST_FIRST =
      Comparator.comparing(Incident::date).reversed().thenComparing(Incident::id);

  public Library {
    incidents = incidents.stream().sorted(NEWEST_FIRST).toList();
    assets = List.copyOf(assets);
    knownIds = java.util.Set.copyOf(knownIds);
    designDocs = designDocs.stream().sorted(DESIGN_ORDER).toList();
    brokenIds = java.util.Map.copyOf(brokenIds);
    paths = paths.stream().sorted(Comparator.comparing(ReadingPath::title).thenComparing(ReadingPath::slug)).toList();
  }

  /**
   * This library with the Markdown of its write-ups, design documents and reading paths let go of:
   * what a one-off build keeps once the bodies are rendered, so that the text is not held twice.
   */
  public Library withoutMarkdown() {
    return new Library(config, incidents.stream().map(Incident::withoutMarkdown).toList(), assets, contentFolder, knownIds,
        designDocs.stream().map(d -> new DesignDoc(d.slug(), d.title(), d.status(), d.authors(), d.date(),
            d.source().withoutMarkdown())).toList(),
        brokenIds, paths.stream().map(p -> new ReadingPath(p.slug(), p.title(), p.audience(), p.steps(),
            p.source().withoutMarkdown())).toList());
  }

  /** The write-up with errors of its own that has {@code id} (ignoring case), if any. */
  public java.util.Optional<BrokenWriteUp> brokenWriteUp(String id) {
    return java.util.Optional.ofNullable(brokenIds.get(id.toLowerCase(java.util.Locale.ROOT)));
  }

  private static final Comparator<DesignDoc> DESIGN_ORDER =
      Comparator.comparing(DesignDoc::date, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(DesignDoc::title).thenComparing(DesignDoc::slug);

  /** The content folder as a path prefix: {@code incidents/}, or empty when it is the library root. */
  public String contentPrefix() {
    return contentFolder.isEmpty() ? "" : contentFolder + "/";
  }
}
