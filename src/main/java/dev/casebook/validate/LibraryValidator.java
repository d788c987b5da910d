package dev.casebook.validate;

import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.Suggestions;
import dev.casebook.load.LibrarySources;
import dev.casebook.load.SourceDocument;
import dev.casebook.model.Incident;
import dev.casebook.model.Library;
import dev.casebook.model.Status;
import dev.casebook.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The validate stage: reads every write-up's front matter, then checks what only the whole
 * library can tell: unique ids and {@code related} ids that exist.
 */
public final class LibraryValidator {
  private LibraryValidator() {}

  /**
   * @param includeDrafts keep drafts in the returned library (they are always validated)
   */
  public static Library validate(LibrarySources sources, SiteConfig config, boolean includeDrafts, Diagnostics diagnostics) {
    return validate(sources, config, includeDrafts, diagnostics, ValidationCache.none());
  }

  /**
   * Validates the library, reading again only the write-ups whose source documents {@code cache}
   * has not seen (the cache belongs to one configuration).
   */
  public static Library validate(LibrarySources sources, SiteConfig config, boolean includeDrafts, Diagnostics diagnostics,
      ValidationCache cache) {
    cache.reads.begin();
    List<ValidationCache.Read> reads = sources.documents().parallelStream()
        .map(doc -> cache.reads.get(doc, d -> {
          Diagnostics own = new Diagnostics();
          Optional<Incident> incident = new IncidentReader(config, own).read(d);
          return new ValidationCache.Read(incident, own.sorted(), declaredId(d));
        }))
        .toList();
    List<Incident> all = new ArrayList<>(reads.size());
    for (ValidationCache.Read read : reads) {
      diagnostics.addAll(read.diagnostics());
      read.incident().ifPresent(all::add);
    }
    ValidationCache.Across across = cache.across(reads, includeDrafts, () -> {
      Diagnostics own = new Diagnostics();
      Map<String, Incident> byKey = uniqueIds(all, own);
      Set<String> declared = new HashSet<>();
      for (ValidationCache.Read read : reads) if (read.declaredId() != null) declared.add(read.declaredId());
      checkRelated(all, byKey, declared, includeDrafts, own);
      return new ValidationCache.Across(own.sorted(), Set.copyOf(all.stream().map(Incident::id).toList()));
    });
    diagnostics.addAll(across.diagnostics());
    List<Incident> kept = includeDrafts ? all : all.stream().filter(i -> i.status() != Status.DRAFT).toList();
    List<dev.casebook.model.DesignDoc> designs = new DesignDocReader(diagnostics).read(sources.designDocuments());
    return new Library(config, kept, sources.assets(), sources.contentFolder(), across.ids(), designs);
  }

  private static Map<String, Incident> uniqueIds(List<Incident> all, Diagnostics diagnostics) {
    Map<String, Incident> byKey = new HashMap<>();
    for (Incident incident : all) {
      Incident first = byKey.putIfAbsent(incident.key(), incident);
      if (first != null) {
        boolean sameCase = first.id().equals(incident.id());
        diagnostics.error(incident.source().positionOf("id"),
            "duplicate id '" + incident.id() + "': also used by " + first.source().positionOf("id")
                + (sameCase ? "" : " as '" + first.id() + "'"),
            sameCase ? null : "ids are compared ignoring case");
      }
    }
    return byKey;
  }

  /**
   * The id written in a write-up's front matter, in lower case, even when the write-up has
   * errors of its own and so is not in the library; null when it has none.
   */
  private static String declaredId(SourceDocument doc) {
    return doc.frontMatter().get("id")
        .filter(YamlScalar.class::isInstance)
        .map(node -> ((YamlScalar) node).text().strip())
        .filter(id -> !id.isEmpty())
        .map(id -> id.toLowerCase(Locale.ROOT))
        .orElse(null);
  }

  private static void checkRelated(List<Incident> all, Map<String, Incident> byKey, Set<String> declared,
      boolean includeDrafts, Diagnostics diagnostics) {
    for (Incident incident : all) {
      for (Incident.Reference ref : incident.related()) {
        String key = ref.id().toLowerCase(Locale.ROOT);
        Incident target = byKey.get(key);
        if (target == null && declared.contains(key)) {
          // The write-up exists but has errors, which are reported in its own file.
          continue;
        }
        if (target == null) {
          String hint = Suggestions.didYouMean(ref.id(), byKey.values().stream().map(Incident::id).toList());
          diagnostics.error(ref.position(), "unknown incident id '" + ref.id() + "' in 'related'", hint);
        } else if (!target.id().equals(ref.id())) {
          diagnostics.error(ref.position(), "incident id '" + ref.id() + "' is written '" + target.id() + "'");
        } else if (!includeDrafts && target.status() == Status.DRAFT && incident.status() != Status.DRAFT) {
          diagnostics.warning(ref.position(), "related write-up '" + ref.id() + "' is a draft and is left out of the site");
        }
      }
    }
  }
}
