package dev.casebook.glossary;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.diag.Suggestions;
import dev.casebook.yaml.YamlFields;
import dev.casebook.yaml.YamlList;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the glossary: {@code glossary:} of casebook.yml, a mapping of each term to its
 * definition or to a mapping of {@code definition}, {@code aliases} and {@code see}; and the
 * library's {@code glossary/} folder, one Markdown file a term ({@link GlossaryFolder}). Every
 * mistake is reported at the line of the key or value it is about, and the term is left out.
 */
public final class GlossaryReader {
  public static final List<String> FIELDS = List.of("definition", "aliases", "see");
  /** The longest spelling of a term, in characters. */
  public static final int MAX_LENGTH = 80;

  private final Diagnostics diagnostics;
  private final YamlFields fields;
  /** Every spelling and slug so far (lower case), with where it was first written. */
  private final Map<String, SourcePosition> spellings = new HashMap<>();
  private final Map<String, SourcePosition> slugs = new HashMap<>();

  private GlossaryReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.fields = new YamlFields(diagnostics);
  }

  /** The glossary of {@code entry}, the {@code glossary} key of casebook.yml. */
  public static Glossary read(YamlMap.Entry entry, Diagnostics diagnostics) {
    return read(entry, null, diagnostics);
  }

  /**
   * The glossary of {@code entry}, the {@code glossary} key of casebook.yml (or null when there is
   * none), and of the {@code glossary/} folder of the library at {@code root} (none when null).
   */
  public static Glossary read(YamlMap.Entry entry, java.nio.file.Path root, Diagnostics diagnostics) {
    GlossaryReader reader = new GlossaryReader(diagnostics);
    List<Glossary.Term> terms = new ArrayList<>();
    List<YamlMap.Entry> sees = new ArrayList<>();
    if (entry != null) reader.glossary(entry, terms, sees);
    if (root != null) {
      for (GlossaryFolder.File file : GlossaryFolder.read(root, diagnostics)) {
        reader.term(file.name(), file.namePosition(), file.definition(), file.fields(), sees).ifPresent(terms::add);
      }
    }
    reader.checkSee(terms, sees);
    return terms.isEmpty() ? Glossary.EMPTY : new Glossary(terms);
  }

  private void glossary(YamlMap.Entry entry, List<Glossary.Term> terms, List<YamlMap.Entry> sees) {
    if (entry.value() instanceof YamlScalar s && s.isNull()) return;
    if (!(entry.value() instanceof YamlMap map)) {
      diagnostics.error(entry.value().position(), "'glossary' must be a mapping of each term to its definition, not "
          + entry.value().describe(), "for example: glossary: {SLO: \"Service level objective: ...\"}");
      return;
    }
    for (YamlMap.Entry e : map.entries()) {
      term(e, sees).ifPresent(terms::add);
    }
  }

  private Optional<Glossary.Term> term(YamlMap.Entry e, List<YamlMap.Entry> sees) {
    String name = e.key().strip();
    if (e.value() instanceof YamlScalar s) {
      return term(name, e.keyPosition(), s.isNull() ? null : s.text().strip(), null, sees);
    } else if (e.value() instanceof YamlMap fieldsOf) {
      for (YamlMap.Entry f : fieldsOf.entries()) {
        if (!FIELDS.contains(f.key())) {
          diagnostics.error(f.keyPosition(), "unknown field '" + f.key() + "' of glossary term '" + name + "'",
              Optional.ofNullable(Suggestions.didYouMean(f.key(), FIELDS)).orElse("known: " + String.join(", ", FIELDS)));
        }
      }
      String definition = fieldsOf.entry("definition").flatMap(fields::string).orElse(null);
      return term(name, e.keyPosition(), definition, fieldsOf, sees);
    }
    diagnostics.error(e.value().position(), "glossary term '" + name + "' must have a definition or a mapping of "
        + String.join(", ", FIELDS) + ", not " + e.value().describe());
    return Optional.empty();
  }

  /**
   * A term named {@code name} (written at {@code at}) with its definition and the
   * {@code aliases} and {@code see} of {@code fieldsOf} (when not null).
   */
  private Optional<Glossary.Term> term(String name, SourcePosition at, String definition, YamlMap fieldsOf,
      List<YamlMap.Entry> sees) {
    List<YamlScalar> aliases = fieldsOf == null ? List.of() : fieldsOf.entry("aliases").map(fields::scalarList).orElse(List.of());
    List<String> see = List.of();
    Optional<YamlMap.Entry> seeEntry = fieldsOf == null ? Optional.empty() : fieldsOf.entry("see");
    if (seeEntry.isPresent()) {
      see = fields.stringList(seeEntry.get());
      sees.add(seeEntry.get());
    }
    boolean ok = spelling(name, at);
    if (definition == null || definition.isEmpty()) {
      diagnostics.error(at, "glossary term '" + name + "' has no definition",
          at.file().startsWith(GlossaryFolder.FOLDER + "/") ? "write it after the front matter"
              : "write it after the term, or under 'definition'");
      ok = false;
    }
    String slug = Glossary.slug(name);
    SourcePosition sameSlug = slugs.putIfAbsent(slug, at);
    if (ok && sameSlug != null) {
      diagnostics.error(at, "glossary term '" + name + "' has the same anchor (#term-" + slug
          + ") as the term at " + place(sameSlug, at), "write the two as one term with aliases");
      ok = false;
    }
    List<String> aliasTexts = new ArrayList<>();
    for (YamlScalar alias : aliases) {
      String a = alias.text().strip();
      if (spelling(a, alias.position())) aliasTexts.add(a);
    }
    if (!ok) return Optional.empty();
    return Optional.of(new Glossary.Term(name, slug, aliasTexts, definition, see));
  }

  /** Checks one spelling and notes it; false when it is not usable. */
  private boolean spelling(String spelling, SourcePosition at) {
    if (spelling.isEmpty() || spelling.length() > MAX_LENGTH
        || !Character.isLetterOrDigit(spelling.charAt(0)) || !Character.isLetterOrDigit(spelling.charAt(spelling.length() - 1))) {
      diagnostics.error(at, "glossary term '" + spelling + "' must start and end with a letter or digit and be at most "
          + MAX_LENGTH + " characters long");
      return false;
    }
    String key = TermMatcher.normalize(spelling).toLowerCase(Locale.ROOT);
    SourcePosition first = spellings.putIfAbsent(key, at);
    if (first != null) {
      diagnostics.error(at, "'" + spelling + "' is in the glossary twice (terms and aliases are compared ignoring case)",
          "first at " + place(first, at));
      return false;
    }
    return true;
  }

  /** "line 4" in the same file, else "glossary/slo.md:4". */
  private static String place(SourcePosition first, SourcePosition at) {
    return first.file().equals(at.file()) ? "line " + first.line() : first.file() + ":" + first.line();
  }

  /** Every name in a {@code see} list must be a term of the glossary. */
  private void checkSee(List<Glossary.Term> terms, List<YamlMap.Entry> sees) {
    List<String> names = terms.stream().map(Glossary.Term::name).toList();
    for (YamlMap.Entry entry : sees) {
      if (!(entry.value() instanceof YamlList list)) continue;
      for (var item : list.items()) {
        if (!(item instanceof YamlScalar s) || s.isNull()) continue;
        String name = s.text().strip();
        if (!names.contains(name)) {
          diagnostics.error(s.position(), "unknown glossary term '" + name + "' in 'see'",
              Optional.ofNullable(Suggestions.didYouMean(name, names)).orElse("see lists names of other glossary terms"));
        }
      }
    }
  }
}
