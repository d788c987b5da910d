package dev.casebook.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Renders a {@link MarkdownBody} to HTML: heading anchors, a table of contents, rewritten link
 * destinations, Mermaid diagrams as {@code <pre class="mermaid">}, and raw HTML sanitized unless
 * the library allows it. Thread-safe.
 */
public final class MarkdownRenderer {
  private final HtmlSanitizer sanitizer;

  /** @param allowHtml keep raw HTML from the Markdown as written */
  public MarkdownRenderer(boolean allowHtml) {
    this.sanitizer = allowHtml ? null : new HtmlSanitizer();
  }

  /**
   * @param rewrite maps a link or image destination as written to the one the page uses
   */
  public RenderedBody render(MarkdownBody body, UnaryOperator<String> rewrite) {
    Node document = body.document();
    List<RenderedBody.TocEntry> toc = new ArrayList<>();
    boolean[] diagrams = {false};
    IdGenerator ids = IdGenerator.builder().build();
    Map<Heading, String> headingIds = new java.util.IdentityHashMap<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        String text = plainText(heading).strip();
        String id = ids.generateId(text.isEmpty() ? "section" : text);
        headingIds.put(heading, id);
        toc.add(new RenderedBody.TocEntry(heading.getLevel(), id, text));
      }

      @Override
      public void visit(FencedCodeBlock code) {
        if (isMermaid(code)) diagrams[0] = true;
      }
    });
    HtmlRenderer renderer = HtmlRenderer.builder()
        .extensions(MarkdownParser.EXTENSIONS)
        .percentEncodeUrls(true)
        .nodeRendererFactory(FencedCodeRenderer::new)
        .attributeProviderFactory(context -> new Attributes(headingIds, rewrite))
        .build();
    String html = renderer.render(document);
    Document dom = sanitizer != null ? sanitizer.clean(html) : HtmlSanitizer.parse(html);
    String text = dom.body().text();
    decorate(dom);
    return new RenderedBody(dom.body().html(), List.copyOf(toc), text, countWords(text), diagrams[0]);
  }

  private static void decorate(Document dom) {
    for (Element h : dom.select("h2[id], h3[id], h4[id], h5[id], h6[id]")) {
      h.appendElement("a").addClass("heading-anchor").attr("href", "#" + h.id())
          .attr("aria-label", "Link to this section").text("#");
    }
    for (Element table : dom.select("table")) {
      if (!table.parent().hasClass("table-wrap")) table.wrap("<div class=\"table-wrap\"></div>");
    }
  }

  static boolean isMermaid(FencedCodeBlock code) {
    String info = code.getInfo();
    return info != null && info.strip().split("\\s+")[0].equalsIgnoreCase("mermaid");
  }

  private static String plainText(Node node) {
    StringBuilder sb = new StringBuilder();
    node.accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        sb.append(text.getLiteral());
      }

      @Override
      public void visit(Code code) {
        sb.append(code.getLiteral());
      }
    });
    return sb.toString();
  }

  static int countWords(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) words++;
      inWord = letter;
    }
    return words;
  }

  private record Attributes(Map<Heading, String> headingIds, UnaryOperator<String> rewrite) implements AttributeProvider {
    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
      if (node instanceof Heading heading && headingIds.containsKey(heading)) {
        attributes.put("id", headingIds.get(heading));
      } else if (node instanceof Link link && attributes.containsKey("href")) {
        replace(attributes, "href", link.getDestination());
      } else if (node instanceof Image image && attributes.containsKey("src")) {
        replace(attributes, "src", image.getDestination());
        attributes.putIfAbsent("loading", "lazy");
      }
    }

    /** Puts the rewritten URL (already URL-safe) in place of the percent-encoded original. */
    private void replace(Map<String, String> attributes, String name, String destination) {
      String rewritten = rewrite.apply(destination);
      if (!rewritten.equals(destination)) attributes.put(name, rewritten);
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
        codeAttributes.put("class", "language-" + info.strip().split("\\s+")[0]);
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
