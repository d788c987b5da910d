package dev.casebook.glossary;

import java.util.List;
import java.util.Locale;

/**
 * The library's glossary: the organisation's terms and acronyms, each with a definition written
 * in Markdown. Read from {@code glossary:} in casebook.yml by {@link GlossaryReader}.
 *
 * @param terms in the order the library lists them
 */
public record Glossary(List<Term> terms) {
  /** The library's folder of glossary files, one Markdown file per term. */
  public static final String FOLDER = GlossaryFolder.FOLDER;

  public static final Glossary EMPTY = new Glossary(List.of());

  public Glossary {
    terms = List.copyOf(terms);
  }

  /**
   * One term.
   *
   * @param name how the glossary page lists it, e.g. {@code SLO}
   * @param slug its anchor on the glossary page ({@code term-} and this)
   * @param aliases other spellings that mean the same, e.g. {@code service level objective}
   * @param definition Markdown
   * @param see the names of related terms of the same glossary
   */
  public record Term(String name, String slug, List<String> aliases, String definition, List<String> see) {
    public Term {
      aliases = List.copyOf(aliases);
      see = List.copyOf(see);
    }

    /** The name and the aliases: every way a body may write the term. */
    public List<String> spellings() {
      List<String> out = new java.util.ArrayList<>(aliases.size() + 1);
      out.add(name);
      out.addAll(aliases);
      return out;
    }
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** The anchor of a term's name: lower case letters and digits, the rest dashes. */
  public static String slug(String name) {
    StringBuilder out = new StringBuilder();
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) out.append(c);
      else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') out.append('-');
    }
    while (out.length() > 0 && out.charAt(out.length() - 1) == '-') out.setLength(out.length() - 1);
    return out.length() == 0 ? "term" : out.toString();
  }

  /**
   * Whether {@code spelling} matches only as written: it has a capital after its first letter
   * (an acronym such as {@code SLO}, or a name such as {@code PagerDuty}). Other terms match in
   * any case.
   */
  public static boolean exactCase(String spelling) {
    for (int i = 1; i < spelling.length(); i++) if (Character.isUpperCase(spelling.charAt(i))) return true;
    return false;
  }
}
