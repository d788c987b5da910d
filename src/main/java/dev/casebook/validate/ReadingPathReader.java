package dev.casebook.validate;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.diag.Suggestions;
import dev.casebook.load.SourceDocument;
import dev.casebook.model.BrokenWriteUp;
import dev.casebook.model.Incident;
import dev.casebook.model.ReadingPath;
import dev.casebook.model.Status;
import dev.casebook.yaml.YamlFields;
import dev.casebook.yaml.YamlList;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads reading paths' front matter ({@code title}, {@code audience}, {@code steps}) and checks
 * each step against the library: its write-up or design document must be in the site, and appear
 * once. A step whose target is left out of the site (a draft, a write-up with errors) is left out.
 */
final class ReadingPathReader {
  private static final List<String> KEYS = List.of("title", "audience", "steps");
  private static final List<String> STEP_KEYS = List.of("id", "design", "reason");
  private static final String EXAMPLE = "for example: steps: [{id: INC-2024-007, reason: Why it is on the path.}]";

  /**
   * What steps may lead to.
   *
   * @param writeUps every valid write-up (drafts included), by id in lower case
   * @param inSite the ids of the write-ups in the site
   * @param broken the write-ups with errors whose ids are legible, by id in lower case
   * @param designs the design documents' slugs
   */
  record Targets(Map<String, Incident> writeUps, Set<String> inSite, Map<String, BrokenWriteUp> broken, Set<String> designs) {}

  private final Targets targets;
  private final Diagnostics diagnostics;
  private final YamlFields fields;

  ReadingPathReader(Targets targets, Diagnostics diagnostics) {
    this.targets = targets;
    this.diagnostics = diagnostics;
    this.fields = new YamlFields(diagnostics);
  }

  /** The paths, each with a slug unique across the folder. */
  List<ReadingPath> read(List<SourceDocument> docs) {
    Map<String, ReadingPath> bySlug = new HashMap<>();
    List<ReadingPath> out = new ArrayList<>();
    for (SourceDocument doc : docs) {
      Optional<ReadingPath> path = read(doc);
      if (path.isEmpty()) continue;
      ReadingPath first = bySlug.putIfAbsent(path.get().slug(), path.get());
      if (first != null) {
        diagnostics.error(SourcePosition.at(doc.path(), 1),
            "reading path '" + path.get().slug() + "' has the same name as " + first.source().path(),
            "path pages are named after their file; rename one");
      } else {
        out.add(path.get());
      }
    }
    return out;
  }

  private Optional<ReadingPath> read(SourceDocument doc) {
    YamlMap fm = doc.frontMatter();
    Map<String, SourcePosition> positions = new HashMap<>();
    for (YamlMap.Entry e : fm.entries()) {
      positions.put(e.key(), e.keyPosition());
      if (!KEYS.contains(e.key())) unknownKey(e, KEYS, "in a reading path");
    }
    String title = required(fm, doc.path(), "title");
    String audience = required(fm, doc.path(), "audience");
    List<ReadingPath.Step> steps = steps(fm, doc.path());
    if (title == null || audience == null || steps == null) return Optional.empty();
    return Optional.of(new ReadingPath(DesignDocReader.slug(doc.path()), title, audience, steps,
        new Incident.Source(doc.path(), doc.body(), doc.bodyLine(), positions)));
  }

  private String required(YamlMap fm, String path, String key) {
    Optional<YamlMap.Entry> entry = fm.entry(key);
    if (entry.isEmpty()) {
      diagnostics.error(SourcePosition.at(path, 1), "missing required field '" + key + "'");
      return null;
    }
    if (blank(entry.get())) return null;
    return fields.string(entry.get()).orElse(null);
  }

  private boolean blank(YamlMap.Entry e) {
    if (e.value() instanceof YamlScalar s && (s.isNull() || s.text().isBlank())) {
      diagnostics.error(e.keyPosition(), "'" + e.key() + "' is empty");
      return true;
    }
    return false;
  }

  /** The steps in the site, in order; null when the list itself is missing or not a list. */
  private List<ReadingPath.Step> steps(YamlMap fm, String path) {
    Optional<YamlMap.Entry> entry = fm.entry("steps");
    if (entry.isEmpty()) {
      diagnostics.error(SourcePosition.at(path, 1), "missing required field 'steps'", EXAMPLE);
      return null;
    }
    if (blank(entry.get())) return null;
    if (!(entry.get().value() instanceof YamlList list)) {
      diagnostics.error(entry.get().value().position(),
          "'steps' must be a list of steps, not " + entry.get().value().describe(), EXAMPLE);
      return null;
    }
    List<ReadingPath.Step> steps = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    int number = 0;
    for (YamlNode item : list.items()) {
      number++;
      if (!(item instanceof YamlMap step)) {
        diagnostics.error(item.position(), "every step must be a mapping with an 'id' (or a 'design') and a 'reason', not "
            + item.describe(), "for example: - {id: INC-2024-007, reason: Why it is on the path.}");
        continue;
      }
      Optional<ReadingPath.Step> read = step(step, number);
      if (read.isEmpty()) continue;
      String key = read.get().kind() + " " + read.get().target().toLowerCase(Locale.ROOT);
      Integer first = seen.putIfAbsent(key, number);
      if (first != null) {
        diagnostics.error(read.get().position(), "'" + read.get().target() + "' is already step " + first + " of this path");
      } else if (inSite(read.get())) {
        steps.add(read.get());
      }
    }
    return steps;
  }

  /** One step as written, when it names one target that exists and gives a reason. */
  private Optional<ReadingPath.Step> step(YamlMap step, int number) {
    for (YamlMap.Entry e : step.entries()) if (!STEP_KEYS.contains(e.key())) unknownKey(e, STEP_KEYS, "in a step");
    Optional<YamlMap.Entry> id = step.entry("id");
    Optional<YamlMap.Entry> design = step.entry("design");
    Optional<YamlMap.Entry> reason = step.entry("reason");
    if (id.isPresent() && design.isPresent()) {
      diagnostics.error(design.get().keyPosition(), "a step names an 'id' or a 'design', not both");
      return Optional.empty();
    }
    Optional<YamlMap.Entry> target = id.or(() -> design);
    if (target.isEmpty()) {
      diagnostics.error(step.position(), "step " + number + " needs an 'id' (a write-up) or a 'design' (a design document)");
    }
    if (reason.isEmpty()) {
      diagnostics.error(step.position(), "step " + number + " needs a 'reason': a sentence on why it is on the path");
    }
    String why = reason.filter(r -> !blank(r)).flatMap(fields::string).orElse(null);
    if (target.isEmpty() || blank(target.get())) return Optional.empty();
    Optional<String> name = fields.string(target.get());
    if (name.isEmpty() || why == null) return Optional.empty();
    SourcePosition at = target.get().value().position();
    ReadingPath.Kind kind = id.isPresent() ? ReadingPath.Kind.WRITE_UP : ReadingPath.Kind.DESIGN;
    if (kind == ReadingPath.Kind.DESIGN ? !knownDesign(name.get(), at) : !knownWriteUp(name.get(), at)) return Optional.empty();
    return Optional.of(new ReadingPath.Step(kind, name.get(), why, at));
  }

  private boolean knownWriteUp(String id, SourcePosition at) {
    String key = id.toLowerCase(Locale.ROOT);
    Incident target = targets.writeUps().get(key);
    BrokenWriteUp broken = target == null ? targets.broken().get(key) : null;
    if (broken != null && broken.id().equals(id)) {
      diagnostics.note(at, "write-up '" + id + "' has errors of its own", "see " + broken.error());
    } else if (broken != null) {
      diagnostics.error(at, "incident id '" + id + "' is written '" + broken.id() + "'");
    } else if (target == null) {
      List<String> ids = new ArrayList<>(targets.writeUps().values().stream().map(Incident::id).toList());
      for (BrokenWriteUp b : targets.broken().values()) ids.add(b.id());
      diagnostics.error(at, "unknown incident id '" + id + "' in 'steps'", Suggestions.didYouMean(id, ids));
    } else if (!target.id().equals(id)) {
      diagnostics.error(at, "incident id '" + id + "' is written '" + target.id() + "'");
    } else {
      return true;
    }
    return false;
  }

  private boolean knownDesign(String slug, SourcePosition at) {
    if (targets.designs().contains(slug)) return true;
    Collection<String> slugs = targets.designs();
    String hint = Suggestions.didYouMean(slug, slugs);
    if (hint == null && slug.endsWith(".md") && slugs.contains(DesignDocReader.slug(slug))) {
      hint = "name a design document by its file name without '.md': '" + DesignDocReader.slug(slug) + "'";
    }
    diagnostics.error(at, "unknown design document '" + slug + "' in 'steps'", hint);
    return false;
  }

  /** Whether the step's target is in the site; a draft left out is a warning, and so is its step. */
  private boolean inSite(ReadingPath.Step step) {
    if (step.kind() == ReadingPath.Kind.DESIGN || targets.inSite().contains(step.target())) return true;
    Incident draft = targets.writeUps().get(step.target().toLowerCase(Locale.ROOT));
    if (draft != null && draft.status() == Status.DRAFT) {
      diagnostics.warning(step.position(), "write-up '" + step.target() + "' is a draft and is left out of the site; so is its step");
    }
    return false;
  }

  private void unknownKey(YamlMap.Entry e, List<String> known, String where) {
    diagnostics.error(e.keyPosition(), "unknown key '" + e.key() + "' " + where,
        Optional.ofNullable(Suggestions.didYouMean(e.key(), known)).orElse("known: " + String.join(", ", known)));
  }
}
