package dev.casebook.render.view;

import java.util.List;

/**
 * What {@code glossary.ftlh} sees: the library's terms in alphabetical order, at {@code /glossary/}.
 *
 * @param terms each term with its definition
 */
public record GlossaryPage(PageContext context, List<Term> terms) implements PageModel {

  /**
   * One term of the glossary.
   *
   * @param id the anchor write-ups link to ({@code term-} and the term's slug)
   * @param aliases other spellings
   * @param html the definition rendered and sanitized as a body is; print it with {@code ?no_esc}
   * @param see related terms, each with the URL of its anchor ({@code #term-...})
   */
  public record Term(String name, String id, List<String> aliases, String html, List<Link> see) {}
}
