package dev.casebook.validate;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.load.SourceDocument;
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
  private final Diagnostics diagnostics;
  private final YamlFields fields;

  DesignDocReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.fields = new YamlFields(diagnostics);
  }

  /** The design documents, each with a slug unique across all design folders. */
  List<DesignDoc> read(List<SourceDocument> docs) {
    Map<String, DesignDoc> bySlug = new HashMap<>();
    return docs.stream().map(this::read).flatMap(Optional::stream).filter(d -> {
      DesignDoc first = bySlug.putIfAbsent(d.slug(), d);
      if (first != null) {
        diagnostics.error(SourcePosition.at(d.source().path(), 1),
            "design document '" + d.slug() + "' has the same name as " + first.source().path(),
            "design pages are named after their file; rename one");
      }
      return first == null;
    }).toList();
  }

  private Optional<DesignDoc> read(SourceDocument doc) {
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
