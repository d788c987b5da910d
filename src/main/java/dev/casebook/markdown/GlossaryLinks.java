package dev.casebook.markdown;

import dev.casebook.glossary.Glossary;
import dev.casebook.glossary.TermMatcher;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Links the first use of each glossary term in a body to its definition on the glossary page,
 * with the definition as the link's title (its tooltip). Only the body's own text is read: never
 * code, links, images, headings, raw HTML or the text inside raw HTML links and code. Immutable
 * and thread-safe; {@link MarkdownRenderer} makes one text renderer of it per body.
 */
public final class GlossaryLinks {
  /** The longest tooltip, in characters; a longer definition is cut at a word. */
  static final int MAX_TOOLTIP = 300;
  /** Raw HTML elements whose text is left alone. */
  private static final Set<String> OPAQUE = Set.of("a", "code", "pre", "kbd", "samp", "abbr", "dfn", "script", "style",
      "h1", "h2", "h3", "h4", "h5", "h6");
  private static final Pattern TAG = Pattern.compile("^<(/?)([A-Za-z][A-Za-z0-9]*)");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private final TermMatcher matcher;
  private final Map<Glossary.Term, String> tooltips;

  private GlossaryLinks(Glossary glossary) {
    this.matcher = TermMatcher.of(glossary);
    Map<Glossary.Term, String> tips = new HashMap<>();
    // The words of the definition as its sanitized HTML shows them: no markup, nothing of a script.
    MarkdownParser parser = new MarkdownParser();
    MarkdownRenderer renderer = new MarkdownRenderer(false);
    for (Glossary.Term term : glossary.terms()) {
      String html = renderer.render(parser.parse(term.definition()), s -> s).html();
      tips.put(term, tooltip(org.jsoup.Jsoup.parseBodyFragment(html).text()));
    }
    this.tooltips = Map.copyOf(tips);
  }

  /** The links of {@code glossary}'s terms, or null when it has none. */
  public static GlossaryLinks of(Glossary glossary) {
    return glossary.isEmpty() ? null : new GlossaryLinks(glossary);
  }

  /** A definition's text on one line, at most {@link #MAX_TOOLTIP} characters. */
  static String tooltip(String text) {
    String line = SPACE.matcher(text).replaceAll(" ").strip();
    if (line.length() <= MAX_TOOLTIP) return line;
    int cut = line.lastIndexOf(' ', MAX_TOOLTIP - 1);
    return line.substring(0, cut > 0 ? cut : MAX_TOOLTIP - 1) + "…";
  }

  /**
   * The text renderer of one body: it links each term's first use to {@code page} (the glossary
   * page, relative to the body's page) and the term's anchor.
   */
  NodeRenderer renderer(HtmlNodeRendererContext context, Node document, String page) {
    return new TextRenderer(context, page, opaqueTexts(document));
  }

  /** The text nodes inside raw HTML elements whose text is not prose ({@link #OPAQUE}). */
  private static Set<Text> opaqueTexts(Node document) {
    Set<Text> out = Collections.newSetFromMap(new IdentityHashMap<>());
    document.accept(new AbstractVisitor() {
      int depth;

      @Override
      public void visit(Paragraph paragraph) {
        depth = 0;
        visitChildren(paragraph);
      }

      @Override
      public void visit(HtmlInline html) {
        Matcher m = TAG.matcher(html.getLiteral());
        if (!m.find() || !OPAQUE.contains(m.group(2).toLowerCase(Locale.ROOT))) return;
        if (m.group(1).isEmpty()) depth++;
        else if (depth > 0) depth--;
      }

      @Override
      public void visit(Text text) {
        if (depth > 0) out.add(text);
      }
    });
    return out;
  }

  private final class TextRenderer implements NodeRenderer {
    private final HtmlWriter html;
    private final String page;
    private final Set<Text> opaque;
    private final Map<Glossary.Term, Boolean> used = new LinkedHashMap<>();

    TextRenderer(HtmlNodeRendererContext context, String page, Set<Text> opaque) {
      this.html = context.getWriter();
      this.page = page;
      this.opaque = opaque;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Text.class);
    }

    @Override
    public void render(Node node) {
      Text text = (Text) node;
      String literal = text.getLiteral();
      if (opaque.contains(text) || !prose(text)) {
        html.text(literal);
        return;
      }
      List<TermMatcher.Match> matches = matcher.find(literal);
      int at = 0;
      for (TermMatcher.Match m : matches) {
        if (used.putIfAbsent(m.term(), Boolean.TRUE) != null) continue;
        html.text(literal.substring(at, m.start()));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("class", "glossary-term");
        attributes.put("href", page + "#term-" + m.term().slug());
        attributes.put("title", tooltips.get(m.term()));
        html.tag("a", attributes);
        html.text(literal.substring(m.start(), m.end()));
        html.tag("/a");
        at = m.end();
      }
      html.text(literal.substring(at));
    }

    /** Whether the text is the body's own prose: not in a link, an image or a heading. */
    private boolean prose(Node node) {
      for (Node p = node.getParent(); p != null; p = p.getParent()) {
        if (p instanceof Link || p instanceof Image || p instanceof Heading) return false;
      }
      return true;
    }
  }
}
