package dev.casebook.scaffold;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.casebook.config.ConfigLoader;
import dev.casebook.config.SiteConfig;
import dev.casebook.config.Vocabulary;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.Suggestions;
import dev.casebook.load.LibraryLoader;
import dev.casebook.load.LibrarySources;
import dev.casebook.load.SourceDocument;
import dev.casebook.render.Theme;
import dev.casebook.yaml.YamlScalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a new write-up from the theme's {@code new-incident.md} with the next free id. */
public final class NewIncident {
  public static final String TEMPLATE = "new-incident.md";

  private NewIncident() {}

  /** The new file and its id. */
  public record Created(Path file, String id) {}

  /**
   * What the author said about the write-up before writing it.
   *
   * @param owner the owning team, or empty
   * @param severity or empty
   */
  public record Draft(String title, LocalDate date, String owner, List<String> teams, List<String> services, List<String> tags,
      String severity) {
    public Draft {
      title = title == null ? "" : title.strip();
      owner = owner == null ? "" : owner.strip();
      severity = severity == null ? "" : severity.strip();
      teams = clean(teams);
      services = clean(services);
      tags = clean(tags);
    }

    private static List<String> clean(List<String> values) {
      if (values == null) return List.of();
      return values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    /**
     * What is wrong with the draft under the library's settings, one message per problem: an empty
     * title, or a value that a closed vocabulary does not list (with the closest listed value).
     */
    public List<String> problems(SiteConfig config) {
      List<String> problems = new ArrayList<>();
      if (title.isEmpty()) problems.add("the title is empty");
      if (!owner.isEmpty()) problems.addAll(unknown(config, "teams", "team", List.of(owner)));
      problems.addAll(unknown(config, "teams", "team", teams));
      problems.addAll(unknown(config, "services", "service", services));
      problems.addAll(unknown(config, "tags", "tag", tags));
      if (!severity.isEmpty()) problems.addAll(unknown(config, "severities", "severity", List.of(severity)));
      return problems;
    }
  }

  /**
   * The values of {@code values} that vocabulary {@code key} does not list, each as "unknown
   * {@code what} 'x' (did you mean 'y'?)".
   */
  public static List<String> unknown(SiteConfig config, String key, String what, List<String> values) {
    Vocabulary vocabulary = config.vocabulary(key);
    List<String> problems = new ArrayList<>();
    for (String v : values) {
      if (vocabulary.allows(v)) continue;
      String hint = vocabulary.caseVariant(v).map(c -> " (did you mean '" + c + "'?)")
          .orElseGet(() -> Suggestions.closest(v, vocabulary.terms().keySet()).map(c -> " (did you mean '" + c + "'?)").orElse(""));
      problems.add("unknown " + what + " '" + v + "'" + hint + "; casebook.yml lists: " + String.join(", ", vocabulary.terms().keySet()));
    }
    return problems;
  }

  /**
   * The library's settings.
   *
   * @throws IOException when casebook.yml has errors
   */
  public static SiteConfig settings(Path source) throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    SiteConfig config = ConfigLoader.load(source, diagnostics);
    if (diagnostics.hasErrors()) {
      throw new IOException("casebook.yml has errors; run 'casebook check' (" + diagnostics.sorted().get(0) + ")");
    }
    return config;
  }

  /** Creates a write-up with just a title, a date and an owner (may be empty or null). */
  public static Created create(Path source, String title, LocalDate date, String owner) throws IOException {
    return create(source, new Draft(title, date, owner, List.of(), List.of(), List.of(), ""));
  }

  /**
   * Creates the write-up of {@code draft} in {@code incidents/<year>/<id>-<slug>.md}.
   *
   * @throws IOException when the library's settings are broken, the draft has a problem (see
   *     {@link Draft#problems}) or the file cannot be written
   */
  public static Created create(Path source, Draft draft) throws IOException {
    SiteConfig config = settings(source);
    List<String> problems = draft.problems(config);
    if (!problems.isEmpty()) throw new IOException(problems.get(0));
    LocalDate date = draft.date();
    LibrarySources sources = LibraryLoader.load(source, config, new Diagnostics());
    List<String> ids = new ArrayList<>();
    for (SourceDocument doc : sources.documents()) {
      doc.frontMatter().get("id").filter(YamlScalar.class::isInstance).map(n -> ((YamlScalar) n).text()).ifPresent(ids::add);
    }
    for (dev.casebook.load.UnreadDocument unread : sources.unread()) ids.add(unread.id());
    String id = IdSequence.next(config.idFormat(), date, ids);
    String slug = draft.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 60) slug = slug.substring(0, 60).replaceAll("-+$", "");
    String name = slug.isEmpty() ? id + ".md" : id + "-" + slug + ".md";
    Path file = source.resolve(config.folders().incidents()).resolve(String.valueOf(date.getYear())).resolve(name);
    Theme theme = Theme.load(source.resolve(config.folders().templates()));
    Path template = theme.file(TEMPLATE).orElseThrow(() -> new IOException("the theme has no " + TEMPLATE));
    String text = Files.readString(template, StandardCharsets.UTF_8)
        .replace("{{id}}", id)
        .replace("{{title}}", yamlString(draft.title()))
        .replace("{{date}}", date.toString())
        .replace("{{owner}}", draft.owner().isEmpty() ? "\"\"" : yamlString(draft.owner()))
        .replace("{{teams}}", yamlList(draft.teams()))
        .replace("{{services}}", yamlList(draft.services()))
        .replace("{{tags}}", yamlList(draft.tags()))
        .replace("{{severity}}", draft.severity().isEmpty() ? "\"\"" : yamlString(draft.severity()));
    Files.createDirectories(file.getParent());
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("'" + file + "' already exists");
    }
    return new Created(file, id);
  }

  /** A YAML double-quoted string: JSON's escaping is valid YAML. */
  static String yamlString(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  /** A YAML flow list, {@code [payments, platform]}: plain names as they are, anything else quoted. */
  static String yamlList(List<String> values) {
    List<String> items = new ArrayList<>();
    for (String v : values) items.add(v.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") && !v.matches("(?i)true|false|yes|no|on|off|null|~|[0-9.]+") ? v : yamlString(v));
    return "[" + String.join(", ", items) + "]";
  }
}
