package dev.casebook.validate;

import dev.casebook.config.SiteConfig;
import dev.casebook.config.Vocabulary;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.diag.Suggestions;
import dev.casebook.load.SourceDocument;
import dev.casebook.model.CodeReference;
import dev.casebook.model.Incident;
import dev.casebook.model.Status;
import dev.casebook.model.Timeline;
import dev.casebook.yaml.YamlFields;
import dev.casebook.yaml.YamlList;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlScalar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns one write-up's front matter into an {@link Incident}, reporting every problem in it. */
public final class IncidentReader {
  /** Ids are used as folder names and in URLs, so they keep to a safe alphabet. */
  public static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  /** The longest id: long slugs fit, and a folder name with it stays far below file systems' limits. */
  public static final int MAX_ID_LENGTH = 128;
  static final List<String> TIMESTAMP_KEYS = List.of("started", "detected", "mitigated", "resolved");

  private final SiteConfig config;
  private final Diagnostics diagnostics;
  private final YamlFields fields;
  private final List<String> knownKeys;

  public IncidentReader(SiteConfig config, Diagnostics diagnostics) {
    this.config = config;
    this.diagnostics = diagnostics;
    this.fields = new YamlFields(diagnostics);
    this.knownKeys = List.of("id", "title", "date", "updated", "status", "summary", "severity", config.ownerField(),
        "teams", "services", "authors", "responders", "tags", "started", "detected", "mitigated",
        "resolved", "near_miss", "related", "code");
  }

  public Optional<Incident> read(SourceDocument doc) {
    YamlMap fm = withinLimits(doc.frontMatter());
    String path = doc.path();
    Map<String, SourcePosition> positions = new HashMap<>();
    Map<String, Object> extra = new LinkedHashMap<>();
    for (YamlMap.Entry e : fm.entries()) {
      positions.put(e.key(), e.keyPosition());
      if (!knownKeys.contains(e.key())) {
        extra.put(e.key(), e.value().toJava());
        String hint = Suggestions.didYouMean(e.key(), knownKeys);
        if (hint != null) diagnostics.warning(e.keyPosition(), "unknown key '" + e.key() + "' is kept as an extra field", hint);
      }
    }
    String id = required(fm, path, "id").filter(v -> checkId(v, fm.entry("id").get())).orElse(null);
    String title = required(fm, path, "title").orElse(null);
    LocalDate date = fm.entry("date").isPresent()
        ? fm.entry("date").flatMap(e -> emptyIsError(e) ? Optional.empty() : fields.date(e)).orElse(null)
        : missing(path, "date");
    LocalDate updated = fm.entry("updated").flatMap(e -> emptyIsError(e) ? Optional.empty() : fields.date(e)).orElse(null);
    Status status = fm.entry("status").flatMap(this::status).orElse(Status.PUBLISHED);
    String summary = optional(fm, "summary");
    String severity = fm.entry("severity").flatMap(e -> fields.string(e).filter(v -> inVocabulary(e, v, "severities", "severity"))).orElse("");
    String owner = fm.entry(config.ownerField()).flatMap(e -> fields.string(e).filter(v -> inVocabulary(e, v, "teams", "team"))).orElse("");
    List<String> teams = vocabularyList(fm, "teams", "teams", "team");
    List<String> services = vocabularyList(fm, "services", "services", "service");
    List<String> tags = vocabularyList(fm, "tags", "tags", "tag");
    List<String> authors = fm.entry("authors").map(fields::stringList).orElse(List.of());
    List<String> responders = fm.entry("responders").map(fields::stringList).orElse(List.of());
    boolean nearMiss = fm.entry("near_miss").flatMap(fields::bool).orElse(false);
    Timeline timeline = timeline(fm);
    List<Incident.Reference> related = new ArrayList<>();
    fm.entry("related").ifPresent(e -> {
      for (YamlScalar s : fields.scalarList(e)) {
        String ref = s.text().strip();
        if (id != null && ref.equalsIgnoreCase(id)) {
          diagnostics.error(s.position(), "'related' lists the write-up itself");
        } else {
          related.add(new Incident.Reference(ref, s.position()));
        }
      }
    });
    List<CodeReference> code = fm.entry("code").map(e -> new CodeReferenceReader(config, diagnostics).read(e)).orElse(List.of());
    if (id == null || title == null || date == null) return Optional.empty();
    return Optional.of(new Incident(id, title, date, updated, status, summary, severity, owner, teams,
        services, authors, responders, tags, timeline, nearMiss, related, code, extra,
        new Incident.Source(path, doc.body(), doc.bodyLine(), positions)));
  }

  /**
   * The front matter with each list over its limit ({@code limits:} in casebook.yml) reported at its
   * key and cut to the limit, so that no write-up makes the rest of the build do more.
   */
  private YamlMap withinLimits(YamlMap fm) {
    List<YamlMap.Entry> entries = null;
    for (int n = 0; n < fm.entries().size(); n++) {
      YamlMap.Entry e = fm.entries().get(n);
      String key = e.key().equals(config.ownerField()) ? "" : e.key();
      Optional<Integer> max = config.limits().of(key);
      if (max.isEmpty() || !(e.value() instanceof YamlList list) || list.items().size() <= max.get()) continue;
      diagnostics.error(e.keyPosition(), config.limits().tooMany(key, list.items().size()));
      if (entries == null) entries = new ArrayList<>(fm.entries());
      entries.set(n, new YamlMap.Entry(e.key(), e.keyPosition(), new YamlList(list.items().subList(0, max.get()), list.position())));
    }
    return entries == null ? fm : new YamlMap(entries, fm.position());
  }

  private Optional<String> required(YamlMap fm, String path, String key) {
    Optional<YamlMap.Entry> entry = fm.entry(key);
    if (entry.isEmpty()) {
      missing(path, key);
      return Optional.empty();
    }
    if (emptyIsError(entry.get())) return Optional.empty();
    return fields.string(entry.get());
  }

  private boolean emptyIsError(YamlMap.Entry e) {
    if (e.value() instanceof YamlScalar s && (s.isNull() || s.text().isBlank())) {
      diagnostics.error(e.keyPosition(), "'" + e.key() + "' is empty");
      return true;
    }
    return false;
  }

  private <T> T missing(String path, String key) {
    diagnostics.error(SourcePosition.at(path, 1), "missing required field '" + key + "'");
    return null;
  }

  private String optional(YamlMap fm, String key) {
    return fm.entry(key).flatMap(fields::string).orElse("");
  }

  private boolean checkId(String id, YamlMap.Entry entry) {
    SourcePosition at = entry.value().position();
    if (!SAFE_ID.matcher(id).matches()) {
      diagnostics.error(at, "id '" + id + "' is not safe in a URL or path",
          "use letters, digits, '.', '_' and '-', starting with a letter or digit");
      return false;
    }
    if (id.length() > MAX_ID_LENGTH) {
      diagnostics.error(entry.keyPosition(), "id is " + id.length() + " characters long; at most " + MAX_ID_LENGTH);
      return false;
    }
    Pattern pattern = config.idPattern();
    if (pattern != null && !pattern.matcher(id).matches()) {
      diagnostics.error(at, "id '" + id + "' does not match id_pattern '" + pattern.pattern() + "'");
      return false;
    }
    return true;
  }

  /** Whether {@code id} is one a valid write-up may have: safe, not too long, and matching {@code idPattern} when set. */
  public static boolean isValidId(String id, Pattern idPattern) {
    return id.length() <= MAX_ID_LENGTH && SAFE_ID.matcher(id).matches()
        && (idPattern == null || idPattern.matcher(id).matches());
  }

  private Optional<Status> status(YamlMap.Entry entry) {
    return fields.string(entry).flatMap(text -> {
      Optional<Status> status = Status.parse(text);
      if (status.isEmpty()) {
        String hint = Suggestions.didYouMean(text, Status.words());
        diagnostics.error(entry.value().position(), "unknown status '" + text + "'",
            hint != null ? hint : "use one of " + String.join(", ", Status.words()));
      }
      return status;
    });
  }

  private List<String> vocabularyList(YamlMap fm, String key, String vocabulary, String noun) {
    Optional<YamlMap.Entry> entry = fm.entry(key);
    if (entry.isEmpty()) return List.of();
    List<String> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (YamlScalar s : fields.scalarList(entry.get())) {
      String value = s.text().strip();
      if (check(s.position(), value, vocabulary, noun)) {
        if (!seen.add(value)) {
          diagnostics.warning(s.position(), noun + " '" + value + "' is listed twice in '" + key + "'");
        } else {
          out.add(value);
        }
      }
    }
    return out;
  }

  private boolean inVocabulary(YamlMap.Entry entry, String value, String vocabulary, String noun) {
    return check(entry.value().position(), value, vocabulary, noun);
  }

  private boolean check(SourcePosition at, String value, String vocabulary, String noun) {
    Vocabulary vocab = config.vocabulary(vocabulary);
    if (vocab.allows(value)) return true;
    String hint = vocab.caseVariant(value).map(v -> "did you mean '" + v + "'?")
        .orElseGet(() -> Suggestions.didYouMean(value, vocab.terms().keySet()));
    if (hint == null) hint = "add it to vocabularies." + vocabulary + " in casebook.yml if it is new";
    diagnostics.error(at, "unknown " + noun + " '" + value + "'", hint);
    return false;
  }

  private Timeline timeline(YamlMap fm) {
    Instant[] moments = new Instant[TIMESTAMP_KEYS.size()];
    for (int i = 0; i < moments.length; i++) {
      moments[i] = fm.entry(TIMESTAMP_KEYS.get(i)).flatMap(e -> fields.timestamp(e, config.timezone())).orElse(null);
    }
    for (int later = 1; later < moments.length; later++) {
      if (moments[later] == null) continue;
      for (int earlier = later - 1; earlier >= 0; earlier--) {
        if (moments[earlier] == null) continue;
        if (moments[later].isBefore(moments[earlier])) {
          String laterKey = TIMESTAMP_KEYS.get(later);
          String earlierKey = TIMESTAMP_KEYS.get(earlier);
          diagnostics.error(fm.entry(laterKey).get().value().position(),
              "'" + laterKey + "' (" + moments[later] + ") is before '" + earlierKey + "' (" + moments[earlier] + ")",
              "expected started <= detected <= mitigated <= resolved");
        }
        break;
      }
    }
    return new Timeline(moments[0], moments[1], moments[2], moments[3]);
  }
}
