package dev.casebook.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * A parsed Markdown body. The syntax tree stays inside this package; other stages see the links
 * it contains and the HTML {@link MarkdownRenderer} makes of it.
 */
public final class MarkdownBody {
  private final Node document;
  private final String source;

  MarkdownBody(Node document, String source) {
    this.document = document;
    this.source = source;
  }

  Node document() {
    return document;
  }

  /** What the body says in its author's own voice, for the writing coach. */
  public Prose prose() {
    return ProseReader.read(document, source);
  }

  /** Every link and image destination, those of raw HTML included, in document order. */
  public List<BodyLink> links() {
    return links(null);
  }

  /**
   * Every link and image destination in document order: Markdown's own, and the {@code href}
   * and {@code src} of raw HTML that {@code sanitizer} keeps (all of them when it is null).
   */
  List<BodyLink> links(HtmlSanitizer sanitizer) {
    List<BodyLink> out = new ArrayList<>();
    CitationContext context = new CitationContext();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        out.add(at(link, link.getDestination(), false, context));
        visitChildren(link);
      }

      @Override
      public void visit(Image image) {
        out.add(at(image, image.getDestination(), true, context));
        visitChildren(image);
      }

      @Override
      public void visit(HtmlInline html) {
        rawHtml(html, html.getLiteral(), sanitizer, out);
      }

      @Override
      public void visit(HtmlBlock html) {
        rawHtml(html, html.getLiteral(), sanitizer, out);
      }
    });
    return out;
  }

  /** The URLs of a piece of raw HTML that stay on the page, each where its attribute is written. */
  private static void rawHtml(Node node, String literal, HtmlSanitizer sanitizer, List<BodyLink> out) {
    if (literal.indexOf('=') < 0) return;
    List<SourceSpan> spans = node.getSourceSpans();
    int line = spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
    int column = spans.isEmpty() ? 1 : spans.get(0).getColumnIndex() + 1;
    Document doc = Parser.htmlParser().setTrackPosition(true).parseInput(literal, HtmlSanitizer.BASE);
    for (Element e : doc.getAllElements()) {
      for (String key : new String[] {"href", "src"}) {
        if (!e.hasAttr(key) || (sanitizer != null && !sanitizer.keeps(e, e.attribute(key)))) continue;
        Attribute attribute = e.attribute(key);
        Range.Position at = attribute.sourceRange().nameRange().start();
        if (!at.isTracked()) at = e.sourceRange().start();
        int l = at.isTracked() ? at.lineNumber() : 1;
        int c = at.isTracked() ? at.columnNumber() : 1;
        String tag = e.normalName();
        out.add(new BodyLink(attribute.getValue(), line + l - 1, l == 1 ? column + c - 1 : c, tag.equals("img"), "",
            "<" + tag + "> " + key));
      }
    }
  }

  private static BodyLink at(Node node, String destination, boolean image, CitationContext context) {
    List<SourceSpan> spans = node.getSourceSpans();
    int line = spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
    int column = spans.isEmpty() ? 0 : spans.get(0).getColumnIndex() + 1;
    boolean external = destination.contains("://") || destination.startsWith("mailto:") || destination.startsWith("#");
    return new BodyLink(destination, line, column, image, image || external ? "" : context.sentenceOf(node));
  }
}
