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
 * Reads {@code glossary:} of casebook.yml: a mapping of each term to its definition, or to a
 * mapping of {@code definition}, {@code aliases} and {@code see}. Every mistake is reported at
 * the line of the key or value it is about, and the term is left out.
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
    return new GlossaryReader(diagnostics).glossary(entry);
  }

  private Glossary glossary(YamlMap.Entry entry) {
    if (entry.value() instanceof YamlScalar s && s.isNull()) return Glossary.EMPTY;
    if (!(entry.value() instanceof YamlMap map)) {
      diagnostics.error(entry.value().position(), "'glossary' must be a mapping of each term to its definition, not "
          + entry.value().describe(), "for example: glossary: {SLO: \"Service level objective: ...\"}");
      return Glossary.EMPTY;
    }
    List<Glossary.Term> terms = new ArrayList<>();
    Map<String, YamlMap.Entry> sees = new HashMap<>();
    for (YamlMap.Entry e : map.entries()) {
      term(e, sees).ifPresent(terms::add);
    }
    checkSee(terms, sees);
    return new Glossary(terms);
  }

  private Optional<Glossary.Term> term(YamlMap.Entry e, Map<String, YamlMap.Entry> sees) {
    String name = e.key().strip();
    String definition = null;
    List<YamlScalar> aliases = List.of();
    List<String> see = List.of();
    if (e.value() instanceof YamlScalar s) {
      definition = s.isNull() ? null : s.text().strip();
    } else if (e.value() instanceof YamlMap fieldsOf) {
      for (YamlMap.Entry f : fieldsOf.entries()) {
        if (!FIELDS.contains(f.key())) {
          diagnostics.error(f.keyPosition(), "unknown field '" + f.key() + "' of glossary term '" + name + "'",
              Optional.ofNullable(Suggestions.didYouMean(f.key(), FIELDS)).orElse("known: " + String.join(", ", FIELDS)));
        }
      }
      definition = fieldsOf.entry("definition").flatMap(fields::string).orElse(null);
      aliases = fieldsOf.entry("aliases").map(fields::scalarList).orElse(List.of());
      Optional<YamlMap.Entry> seeEntry = fieldsOf.entry("see");
      if (seeEntry.isPresent()) {
        see = fields.stringList(seeEntry.get());
        sees.put(name, seeEntry.get());
      }
    } else {
      diagnostics.error(e.value().position(), "glossary term '" + name + "' must have a definition or a mapping of "
          + String.join(", ", FIELDS) + ", not " + e.value().describe());
      return Optional.empty();
    }
    boolean ok = spelling(name, e.keyPosition());
    if (definition == null || definition.isEmpty()) {
      diagnostics.error(e.keyPosition(), "glossary term '" + name + "' has no definition",
          "write it after the term, or under 'definition'");
      ok = false;
    }
    String slug = Glossary.slug(name);
    SourcePosition sameSlug = slugs.putIfAbsent(slug, e.keyPosition());
    if (ok && sameSlug != null) {
      diagnostics.error(e.keyPosition(), "glossary term '" + name + "' has the same anchor (#term-" + slug
          + ") as the term at line " + sameSlug.line(), "write the two as one term with aliases");
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
          "first at line " + first.line());
      return false;
    }
    return true;
  }

  /** Every name in a {@code see} list must be a term of the glossary. */
  private void checkSee(List<Glossary.Term> terms, Map<String, YamlMap.Entry> sees) {
    List<String> names = terms.stream().map(Glossary.Term::name).toList();
    for (YamlMap.Entry entry : sees.values()) {
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
