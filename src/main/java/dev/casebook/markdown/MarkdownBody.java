package dev.casebook.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * A parsed Markdown body. The syntax tree stays inside this package; other stages see the links
 * it contains and the HTML {@link MarkdownRenderer} makes of it.
 */
public final class MarkdownBody {
  private final Node document;

  MarkdownBody(Node document) {
    this.document = document;
  }

  Node document() {
    return document;
  }

  /** What the body says in its author's own voice, for the writing coach. */
  public Prose prose() {
    return ProseReader.read(document);
  }

  /** Every link and image destination, in document order. */
  public List<BodyLink> links() {
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
    });
    return out;
  }

  private static BodyLink at(Node node, String destination, boolean image, CitationContext context) {
    List<SourceSpan> spans = node.getSourceSpans();
    int line = spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
    int column = spans.isEmpty() ? 0 : spans.get(0).getColumnIndex() + 1;
    boolean external = destination.contains("://") || destination.startsWith("mailto:") || destination.startsWith("#");
    return new BodyLink(destination, line, column, image, image || external ? "" : context.sentenceOf(node));
  }
}
