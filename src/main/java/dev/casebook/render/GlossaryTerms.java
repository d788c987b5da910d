package dev.casebook.render;

import dev.casebook.glossary.Glossary;
import dev.casebook.markdown.MarkdownParser;
import dev.casebook.markdown.MarkdownRenderer;
import dev.casebook.render.view.GlossaryPage;
import dev.casebook.render.view.Link;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The glossary page's terms: each definition is Markdown, rendered and sanitized as bodies are
 * (raw HTML is always cleaned here, whatever {@code markdown.allow_html} says), and sorted by name.
 */
final class GlossaryTerms {
  private static final MarkdownParser PARSER = new MarkdownParser();
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer(false);

  private GlossaryTerms() {}

  static List<GlossaryPage.Term> of(Glossary glossary) {
    if (glossary.isEmpty()) return List.of();
    Map<String, Glossary.Term> byName = new HashMap<>();
    for (Glossary.Term t : glossary.terms()) byName.put(t.name(), t);
    List<Glossary.Term> sorted = new ArrayList<>(glossary.terms());
    sorted.sort(Comparator.comparing((Glossary.Term t) -> t.name().toLowerCase(Locale.ROOT)).thenComparing(Glossary.Term::name));
    List<GlossaryPage.Term> out = new ArrayList<>(sorted.size());
    for (Glossary.Term t : sorted) {
      List<Link> see = t.see().stream().filter(byName::containsKey)
          .map(name -> new Link(name, "#term-" + byName.get(name).slug())).toList();
      String html = RENDERER.render(PARSER.parse(t.definition()), UnaryOperator.identity()).html();
      out.add(new GlossaryPage.Term(t.name(), "term-" + t.slug(), t.aliases(), html, see));
    }
    return List.copyOf(out);
  }
}
