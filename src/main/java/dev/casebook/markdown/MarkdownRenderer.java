package dev.casebook.markdown;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders a {@link MarkdownBody} to HTML: heading anchors, a table of contents, rewritten link
 * destinations, Mermaid diagrams as {@code <pre class="mermaid">}, tables in a scrolling wrapper,
 * and raw HTML sanitized unless the library allows it. Markdown's own links never keep a
 * {@code javascript:}-like URL. Thread-safe.
 */
public final class MarkdownRenderer {
  private static final Set<String> UNSAFE_SCHEMES = Set.of("javascript", "vbscript", "data", "file");

  private final HtmlSanitizer sanitizer;
  private final GlossaryLinks glossary;

  /** @param allowHtml keep raw HTML from the Markdown as written */
  public MarkdownRenderer(boolean allowHtml) {
    this(allowHtml, null);
  }

  /**
   * @param allowHtml keep raw HTML from the Markdown as written
   * @param glossary links the first use of each term to its definition, or null for none
   */
  public MarkdownRenderer(boolean allowHtml, GlossaryLinks glossary) {
    this.sanitizer = allowHtml ? null : new HtmlSanitizer();
    this.glossary = glossary;
  }

  /**
   * @param rewrite maps a link or image destination as written to the one the page uses
   */
  public RenderedBody render(MarkdownBody body, UnaryOperator<String> rewrite) {
    return render(body, rewrite, links(body));
  }

  /**
   * Every link and image destination of {@code body}, in document order: Markdown's own, and the
   * {@code href} and {@code src} of raw HTML that stay on the page once it is sanitized.
   */
  public List<BodyLink> links(MarkdownBody body) {
    return body.links(sanitizer);
  }

  /**
   * @param rewrite maps a link or image destination as written to the one the page uses
   * @param links the body's {@link #links}
   */
  public RenderedBody render(MarkdownBody body, UnaryOperator<String> rewrite, List<BodyLink> links) {
    return render(body, rewrite, links, null);
  }

  /**
   * @param rewrite maps a link or image destination as written to the one the page uses
   * @param links the body's {@link #links}
   * @param glossaryPage the glossary page's URL relative to the body's page, where the terms the
   *     body uses link to; null to link none
   */
  public RenderedBody render(MarkdownBody body, UnaryOperator<String> rewrite, List<BodyLink> links, String glossaryPage) {
    Survey survey = new Survey();
    body.document().accept(survey);
    Map<String, RenderedBody.Place> sources = new java.util.HashMap<>();
    HtmlRenderer.Builder builder = HtmlRenderer.builder();
    if (glossary != null && glossaryPage != null) {
      builder.nodeRendererFactory(context -> glossary.renderer(context, body.document(), glossaryPage));
    }
    HtmlRenderer renderer = builder
        .nodeRendererFactory(FencedCodeRenderer::new)
        .nodeRendererFactory(context -> new HeadingRenderer(context, survey.headingIds))
        .extensions(MarkdownParser.EXTENSIONS)
        .percentEncodeUrls(true)
        .attributeProviderFactory(context -> new Attributes(rewrite, sources))
        .build();
    String html = wrapTables(renderer.render(body.document()));
    // Only raw HTML written in the Markdown can carry anything unsafe; without it, the output
    // is commonmark-java's own escaped markup and needs no cleaning.
    Map<String, String> rawRewrites = new java.util.HashMap<>();
    for (BodyLink link : links) {
      if (link.html() == null) continue;
      sources.putIfAbsent(link.destination(), new RenderedBody.Place(link.line(), link.column()));
      String to = rewrite.apply(link.destination());
      if (!to.equals(link.destination())) rawRewrites.put(link.destination(), to);
    }
    if (survey.rawHtml && sanitizer != null) html = sanitizer.cleanFragment(html, rawRewrites);
    else if (!rawRewrites.isEmpty()) html = HtmlSanitizer.rewriteLinks(html, rawRewrites);
    return new RenderedBody(html, List.copyOf(survey.toc), survey.words, survey.diagrams, sources);
  }

  /** Puts every {@code <table>...</table>} in a {@code <div class="table-wrap">}, in one pass. */
  static String wrapTables(String html) {
    int at = html.indexOf("table>");
    if (at < 0) return html;
    StringBuilder out = new StringBuilder(html.length() + 256);
    int copied = 0;
    for (; at >= 0; at = html.indexOf("table>", at + 6)) {
      if (at >= 1 && html.charAt(at - 1) == '<') {
        out.append(html, copied, at - 1).append("<div class=\"table-wrap\"><table>");
        copied = at + 6;
      } else if (at >= 2 && html.charAt(at - 1) == '/' && html.charAt(at - 2) == '<') {
        out.append(html, copied, at + 6).append("</div>");
        copied = at + 6;
      }
    }
    return out.append(html, copied, html.length()).toString();
  }

  // Compiled once: String.split and replaceAll would compile them again for every code block and link.
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
  private static final java.util.regex.Pattern CONTROL_OR_SPACE = java.util.regex.Pattern.compile("[\\s\\x00-\\x1f]");

  /** The first word of a fenced code block's info string: its language. */
  private static String firstWord(String info) {
    return WHITESPACE.split(info.strip())[0];
  }

  static boolean isMermaid(FencedCodeBlock code) {
    String info = code.getInfo();
    return info != null && firstWord(info).equalsIgnoreCase("mermaid");
  }

  /** {@link Character#isLetterOrDigit(char)} of each ASCII character, looked up rather than computed. */
  private static final boolean[] ASCII_LETTER_OR_DIGIT = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) ASCII_LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
  }

  static int countWords(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      boolean letter = c < 128 ? ASCII_LETTER_OR_DIGIT[c] : Character.isLetterOrDigit(c);
      if (letter && !inWord) words++;
      inWord = letter;
    }
    return words;
  }

  /** One walk over the tree: heading ids, words, diagrams and whether there is raw HTML. */
  private static final class Survey extends AbstractVisitor {
    final IdGenerator ids = IdGenerator.builder().build();
    final Map<Heading, String> headingIds = new IdentityHashMap<>();
    final List<RenderedBody.TocEntry> toc = new ArrayList<>();
    int words;
    boolean diagrams;
    boolean rawHtml;

    @Override
    public void visit(Heading heading) {
      String text = CitationContext.plainText(heading).strip();
      String id = ids.generateId(text.isEmpty() ? "section" : text);
      headingIds.put(heading, id);
      toc.add(new RenderedBody.TocEntry(heading.getLevel(), id, text));
      visitChildren(heading);
    }

    @Override
    public void visit(Text text) {
      words += countWords(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
      words += countWords(code.getLiteral());
    }

    @Override
    public void visit(FencedCodeBlock code) {
      if (isMermaid(code)) diagrams = true;
      else words += countWords(code.getLiteral());
    }

    @Override
    public void visit(IndentedCodeBlock code) {
      words += countWords(code.getLiteral());
    }

    @Override
    public void visit(HtmlBlock html) {
      rawHtml = true;
    }

    @Override
    public void visit(HtmlInline html) {
      rawHtml = true;
    }
  }

  /** Rewrites link and image destinations, and notes where in the body each URL of the page was written. */
  private record Attributes(UnaryOperator<String> rewrite, Map<String, RenderedBody.Place> sources) implements AttributeProvider {
    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
      if (node instanceof Link link && attributes.containsKey("href")) {
        replace(attributes, "href", link.getDestination());
        source(node, attributes.get("href"));
      } else if (node instanceof Image image && attributes.containsKey("src")) {
        replace(attributes, "src", image.getDestination());
        source(node, attributes.get("src"));
        attributes.putIfAbsent("loading", "lazy");
      }
    }

    private void source(Node node, String url) {
      if (url == null || node.getSourceSpans().isEmpty()) return;
      org.commonmark.node.SourceSpan span = node.getSourceSpans().get(0);
      sources.putIfAbsent(url, new RenderedBody.Place(span.getLineIndex() + 1, span.getColumnIndex() + 1));
    }

    /** Puts the rewritten URL (already URL-safe) in place of the percent-encoded original. */
    private void replace(Map<String, String> attributes, String name, String destination) {
      String rewritten = rewrite.apply(destination);
      if (!rewritten.equals(destination)) attributes.put(name, rewritten);
      // An empty rewrite means "no page to link to": the text stays, the link goes.
      if ((rewritten.isEmpty() && !destination.isEmpty()) || unsafe(attributes.get(name))) attributes.remove(name);
    }

    private static boolean unsafe(String url) {
      String u = url.strip().toLowerCase(Locale.ROOT);
      int colon = u.indexOf(':');
      return colon > 0 && UNSAFE_SCHEMES.contains(CONTROL_OR_SPACE.matcher(u.substring(0, colon)).replaceAll(""));
    }
  }

  /** Headings get their id and a link to themselves. */
  private static final class HeadingRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;
    private final Map<Heading, String> ids;

    HeadingRenderer(HtmlNodeRendererContext context, Map<Heading, String> ids) {
      this.context = context;
      this.html = context.getWriter();
      this.ids = ids;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Heading.class);
    }

    @Override
    public void render(Node node) {
      Heading heading = (Heading) node;
      String tag = "h" + heading.getLevel();
      String id = ids.get(heading);
      html.line();
      html.tag(tag, context.extendAttributes(node, tag, Map.of("id", id)));
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) context.render(child);
      if (heading.getLevel() > 1) {
        Map<String, String> anchor = new java.util.LinkedHashMap<>();
        anchor.put("class", "heading-anchor");
        anchor.put("href", "#" + id);
        anchor.put("aria-label", "Link to this section");
        html.tag("a", anchor);
        html.text("#");
        html.tag("/a");
      }
      html.tag("/" + tag);
      html.line();
    }
  }

  /** Fenced code keeps its language as a class; Mermaid fences become diagrams. */
  private static final class FencedCodeRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    FencedCodeRenderer(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(FencedCodeBlock.class);
    }

    @Override
    public void render(Node node) {
      FencedCodeBlock code = (FencedCodeBlock) node;
      html.line();
      if (isMermaid(code)) {
        html.tag("pre", context.extendAttributes(node, "pre", Map.of("class", "mermaid")));
        html.text(code.getLiteral());
        html.tag("/pre");
        html.line();
        return;
      }
      Map<String, String> codeAttributes = new java.util.LinkedHashMap<>();
      String info = code.getInfo();
      if (info != null && !info.isBlank()) {
        codeAttributes.put("class", "language-" + firstWord(info));
      }
      html.tag("pre", context.extendAttributes(node, "pre", Map.of()));
      html.tag("code", context.extendAttributes(node, "code", codeAttributes));
      html.text(code.getLiteral());
      html.tag("/code");
      html.tag("/pre");
      html.line();
    }
  }
}
