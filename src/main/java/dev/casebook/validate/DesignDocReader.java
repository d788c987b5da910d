package dev.casebook.validate;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.load.SourceDocument;
import dev.casebook.memo.Memo;
import dev.casebook.model.DesignDoc;
import dev.casebook.model.Incident;
import dev.casebook.yaml.YamlFields;
import dev.casebook.yaml.YamlMap;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads design documents' front matter: {@code title} (required), {@code status}, {@code authors}, {@code date}. */
final class DesignDocReader {
  /** One design document's front matter read, with its problems. */
  record Read(Optional<DesignDoc> doc, List<dev.casebook.diag.Diagnostic> diagnostics) {}

  private final Diagnostics diagnostics;
  private final Memo<SourceDocument, Read> reads;

  /** A reader that reads again only the documents {@code reads} has not seen (the same object) in the last run. */
  DesignDocReader(Diagnostics diagnostics, Memo<SourceDocument, Read> reads) {
    this.diagnostics = diagnostics;
    this.reads = reads;
  }

  /** The design documents, each with a slug unique across all design folders. */
  List<DesignDoc> read(List<SourceDocument> docs) {
    reads.begin();
    Map<String, DesignDoc> bySlug = new HashMap<>();
    return docs.stream().map(doc -> reads.get(doc, DesignDocReader::readOne)).flatMap(read -> {
      diagnostics.addAll(read.diagnostics());
      return read.doc().stream();
    }).filter(d -> {
      DesignDoc first = bySlug.putIfAbsent(d.slug(), d);
      if (first != null) {
        diagnostics.error(SourcePosition.at(d.source().path(), 1),
            "design document '" + d.slug() + "' has the same name as " + first.source().path(),
            "design pages are named after their file; rename one");
      }
      return first == null;
    }).toList();
  }

  private static Read readOne(SourceDocument doc) {
    Diagnostics own = new Diagnostics();
    Optional<DesignDoc> read = read(doc, own, new YamlFields(own));
    return new Read(read, own.sorted());
  }

  private static Optional<DesignDoc> read(SourceDocument doc, Diagnostics diagnostics, YamlFields fields) {
    YamlMap fm = doc.frontMatter();
    Map<String, SourcePosition> positions = new HashMap<>();
    for (YamlMap.Entry e : fm.entries()) positions.put(e.key(), e.keyPosition());
    Optional<String> title = fm.entry("title").flatMap(fields::string);
    if (title.isEmpty()) {
      diagnostics.error(fm.entry("title").map(YamlMap.Entry::keyPosition).orElse(SourcePosition.at(doc.path(), 1)),
          "a design document needs a 'title'");
      return Optional.empty();
    }
    String status = fm.entry("status").flatMap(fields::string).orElse("");
    List<String> authors = fm.entry("authors").map(fields::stringList).orElse(List.of());
    LocalDate date = fm.entry("date").flatMap(fields::date).orElse(null);
    return Optional.of(new DesignDoc(slug(doc.path()), title.get(), status, authors, date,
        new Incident.Source(doc.path(), doc.body(), doc.bodyLine(), positions)));
  }

  static String slug(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.md$", "");
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "design" : slug;
  }
}
