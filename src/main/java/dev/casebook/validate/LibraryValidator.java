package dev.casebook.validate;

import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.Suggestions;
import dev.casebook.load.LibrarySources;
import dev.casebook.model.Incident;
import dev.casebook.model.Library;
import dev.casebook.model.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    IncidentReader reader = new IncidentReader(config, diagnostics);
    List<Incident> all = sources.documents().parallelStream()
        .map(reader::read)
        .flatMap(Optional::stream)
        .toList();
    Map<String, Incident> byKey = uniqueIds(all, diagnostics);
    checkRelated(all, byKey, includeDrafts, diagnostics);
    List<Incident> kept = includeDrafts ? all : all.stream().filter(i -> i.status() != Status.DRAFT).toList();
    return new Library(config, kept, sources.assets(), sources.contentFolder());
  }

  private static Map<String, Incident> uniqueIds(List<Incident> all, Diagnostics diagnostics) {
    Map<String, Incident> byKey = new HashMap<>();
    for (Incident incident : all) {
      Incident first = byKey.putIfAbsent(incident.key(), incident);
      if (first != null) {
        String same = first.id().equals(incident.id()) ? "" : " ('" + first.id() + "'; ids are compared ignoring case)";
        diagnostics.error(incident.source().positionOf("id"),
            "duplicate id '" + incident.id() + "'" + same + ": also used by " + first.source().positionOf("id"));
      }
    }
    return byKey;
  }

  private static void checkRelated(List<Incident> all, Map<String, Incident> byKey, boolean includeDrafts, Diagnostics diagnostics) {
    for (Incident incident : all) {
      for (Incident.Reference ref : incident.related()) {
        Incident target = byKey.get(ref.id().toLowerCase(java.util.Locale.ROOT));
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
