package dev.casebook.validate;

import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.diag.Suggestions;
import dev.casebook.load.LibrarySources;
import dev.casebook.load.SourceDocument;
import dev.casebook.load.UnreadDocument;
import dev.casebook.model.BrokenWriteUp;
import dev.casebook.model.Incident;
import dev.casebook.model.Library;
import dev.casebook.model.Status;
import dev.casebook.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.HashMap;
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
          List<Diagnostic> problems = own.sorted();
          return new ValidationCache.Read(incident, problems, incident.isPresent() ? null : broken(d, problems));
        }))
        .toList();
    List<Incident> all = new ArrayList<>(reads.size());
    for (ValidationCache.Read read : reads) {
      diagnostics.addAll(read.diagnostics());
      read.incident().ifPresent(all::add);
    }
    ValidationCache.Across across = cache.across(reads, sources.unread(), includeDrafts, () -> {
      Diagnostics own = new Diagnostics();
      Map<String, BrokenWriteUp> broken = brokenIds(reads, sources.unread());
      Map<String, Incident> byKey = uniqueIds(all, own);
      sharedWithBroken(byKey, broken, config, own);
      checkRelated(all, byKey, broken, includeDrafts, own);
      return new ValidationCache.Across(own.sorted(), Set.copyOf(all.stream().map(Incident::id).toList()), Map.copyOf(broken));
    });
    diagnostics.addAll(across.diagnostics());
    List<Incident> kept = includeDrafts ? all : all.stream().filter(i -> i.status() != Status.DRAFT).toList();
    List<dev.casebook.model.DesignDoc> designs = new DesignDocReader(diagnostics, cache.designs).read(sources.designDocuments());
    List<dev.casebook.model.ReadingPath> paths = sources.pathDocuments().isEmpty() ? List.of()
        : new ReadingPathReader(pathTargets(all, kept, across, designs), diagnostics).read(sources.pathDocuments());
    Library library = new Library(config, cache.inLastOrder(kept), sources.assets(), sources.contentFolder(), across.ids(), designs,
        across.broken(), paths);
    cache.ordered(library.incidents());
    return library;
  }

  /** What a reading path's steps may point at: the write-ups, those on the site, those with errors, the design documents. */
  private static ReadingPathReader.Targets pathTargets(List<Incident> all, List<Incident> kept, ValidationCache.Across across,
      List<dev.casebook.model.DesignDoc> designs) {
    Map<String, Incident> writeUps = new HashMap<>();
    for (Incident i : all) writeUps.putIfAbsent(i.key(), i);
    return new ReadingPathReader.Targets(writeUps, Set.copyOf(kept.stream().map(Incident::id).toList()), across.broken(),
        Set.copyOf(designs.stream().map(dev.casebook.model.DesignDoc::slug).toList()));
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
   * The id written in the front matter of a write-up whose errors leave it out of the library,
   * with where its first error is; null when it gives none.
   */
  private static BrokenWriteUp broken(SourceDocument doc, List<Diagnostic> problems) {
    return doc.frontMatter().entry("id")
        .filter(e -> e.value() instanceof YamlScalar s && !s.text().isBlank())
        .map(e -> {
          SourcePosition error = problems.stream().filter(Diagnostic::isError).findFirst().map(Diagnostic::position)
              .orElse(e.value().position());
          return new BrokenWriteUp(((YamlScalar) e.value()).text().strip(), e.value().position(), error);
        })
        .orElse(null);
  }

  /** The write-ups with errors whose ids are legible, by id in lower case; the first in path order keeps an id. */
  private static Map<String, BrokenWriteUp> brokenIds(List<ValidationCache.Read> reads, List<UnreadDocument> unread) {
    List<BrokenWriteUp> all = new ArrayList<>();
    for (ValidationCache.Read read : reads) if (read.broken() != null) all.add(read.broken());
    for (UnreadDocument u : unread) all.add(new BrokenWriteUp(u.id(), u.idPosition(), u.error()));
    all.sort(java.util.Comparator.comparing(BrokenWriteUp::at));
    Map<String, BrokenWriteUp> byKey = new HashMap<>();
    for (BrokenWriteUp b : all) byKey.putIfAbsent(b.id().toLowerCase(Locale.ROOT), b);
    return byKey;
  }

  /**
   * A write-up with errors that gives the id of a valid one: the duplicate is reported in the
   * broken file, which is the one being worked on, not in the valid one.
   */
  private static void sharedWithBroken(Map<String, Incident> byKey, Map<String, BrokenWriteUp> broken, SiteConfig config,
      Diagnostics diagnostics) {
    for (BrokenWriteUp b : broken.values()) {
      Incident valid = byKey.get(b.id().toLowerCase(Locale.ROOT));
      if (valid == null || !IncidentReader.isValidId(b.id(), config.idPattern())) continue;
      boolean sameCase = valid.id().equals(b.id());
      diagnostics.error(b.at(), "duplicate id '" + b.id() + "': also used by " + valid.source().positionOf("id")
          + (sameCase ? "" : " as '" + valid.id() + "'"), sameCase ? null : "ids are compared ignoring case");
    }
  }

  private static void checkRelated(List<Incident> all, Map<String, Incident> byKey, Map<String, BrokenWriteUp> broken,
      boolean includeDrafts, Diagnostics diagnostics) {
    for (Incident incident : all) {
      for (Incident.Reference ref : incident.related()) {
        String key = ref.id().toLowerCase(Locale.ROOT);
        Incident target = byKey.get(key);
        BrokenWriteUp withErrors = target == null ? broken.get(key) : null;
        if (withErrors != null && withErrors.id().equals(ref.id())) {
          // The write-up exists but has errors, which are reported in its own file.
          diagnostics.note(ref.position(), "related write-up '" + ref.id() + "' has errors of its own",
              "see " + withErrors.error());
        } else if (withErrors != null) {
          diagnostics.error(ref.position(), "incident id '" + ref.id() + "' is written '" + withErrors.id() + "'");
        } else if (target == null) {
          List<String> ids = new ArrayList<>(byKey.values().stream().map(Incident::id).toList());
          for (BrokenWriteUp b : broken.values()) ids.add(b.id());
          String hint = Suggestions.didYouMean(ref.id(), ids);
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
