package dev.casebook.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/** Reads a body's {@link Prose} from its syntax tree, in one walk. */
final class ProseReader extends AbstractVisitor {
  private static final Set<String> DIAGRAM_LANGUAGES = Set.of("mermaid", "plantuml", "puml", "graphviz", "dot", "d2");

  private final List<ProseBlock> blocks = new ArrayList<>();
  private final List<String> links = new ArrayList<>();
  private int images;
  private int diagrams;
  private int tables;
  private String section = "";
  private int listDepth;

  // The block being read.
  private StringBuilder text;
  /** Runs of characters that follow each other on one source line: offset, line, column of each. */
  private int[] runs = new int[48];
  private int runValues;
  private int lastLine;
  private int lastColumn;

  static Prose read(Node document) {
    ProseReader reader = new ProseReader();
    document.accept(reader);
    return new Prose(reader.blocks, reader.links, reader.images, reader.diagrams, reader.tables);
  }

  @Override
  public void visit(BlockQuote quote) {
    // Someone else's words: left out, but its links and images still count.
    quote.accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        links.add(link.getDestination());
        visitChildren(link);
      }

      @Override
      public void visit(Image image) {
        images++;
      }
    });
  }

  @Override
  public void visit(FencedCodeBlock code) {
    String info = code.getInfo() == null ? "" : code.getInfo().strip();
    int space = info.indexOf(' ');
    String language = (space < 0 ? info : info.substring(0, space)).toLowerCase(Locale.ROOT);
    if (DIAGRAM_LANGUAGES.contains(language)) diagrams++;
  }

  @Override
  public void visit(ListItem item) {
    listDepth++;
    visitChildren(item);
    listDepth--;
  }

  @Override
  public void visit(Paragraph paragraph) {
    block(paragraph, ProseBlock.Kind.PARAGRAPH, 0);
  }

  @Override
  public void visit(Heading heading) {
    block(heading, ProseBlock.Kind.HEADING, heading.getLevel());
  }

  @Override
  public void visit(CustomBlock block) {
    if (block instanceof TableBlock) tables++;
    visitChildren(block);
  }

  @Override
  public void visit(CustomNode node) {
    if (node instanceof TableCell cell) {
      block(cell, ProseBlock.Kind.TABLE_CELL, 0);
    } else {
      visitChildren(node);
    }
  }

  private void block(Node node, ProseBlock.Kind kind, int level) {
    text = new StringBuilder();
    runValues = 0;
    inlines(node);
    ProseBlock block = new ProseBlock(kind, level, text.toString(), java.util.Arrays.copyOf(runs, runValues),
        listDepth > 0, section);
    text = null;
    if (kind == ProseBlock.Kind.HEADING) section = block.text().strip();
    if (!block.text().isBlank()) blocks.add(block);
  }

  private void inlines(Node parent) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text t) {
        append(t.getLiteral(), child);
      } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
        appendAfterLast(' ');
      } else if (child instanceof Code || child instanceof HtmlInline) {
        hide(child);
      } else if (child instanceof Link link) {
        links.add(link.getDestination());
        hide(child);
      } else if (child instanceof Image) {
        images++;
        hide(child);
      } else {
        inlines(child); // emphasis, strong emphasis, strikethrough, footnote references
      }
    }
  }

  private void hide(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    if (spans.isEmpty()) {
      appendAfterLast(ProseBlock.HIDDEN);
    } else {
      add(ProseBlock.HIDDEN, spans.get(0).getLineIndex() + 1, spans.get(0).getColumnIndex() + 1);
    }
  }

  /** Text as written: each character at its place when the literal is what the source says, else at the start. */
  private void append(String literal, Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    if (spans.isEmpty()) {
      for (int i = 0; i < literal.length(); i++) appendAfterLast(literal.charAt(i));
      return;
    }
    SourceSpan span = spans.get(0);
    int line = span.getLineIndex() + 1;
    int column = span.getColumnIndex() + 1;
    boolean exact = spans.size() == 1 && span.getLength() == literal.length();
    if (!exact) {
      for (int i = 0; i < literal.length(); i++) add(literal.charAt(i), line, column);
      return;
    }
    if (literal.isEmpty()) return;
    // One run for the whole literal: its characters follow each other on one line.
    add(literal.charAt(0), line, column);
    text.append(literal, 1, literal.length());
    lastColumn = column + literal.length() - 1;
  }

  private void appendAfterLast(char c) {
    int n = text.length();
    add(c, n == 0 ? 1 : lastLine, n == 0 ? 1 : lastColumn + 1);
  }

  private void add(char c, int line, int column) {
    int n = text.length();
    if (n == 0 || line != lastLine || column != lastColumn + 1) {
      if (runValues == runs.length) runs = java.util.Arrays.copyOf(runs, runValues * 2);
      runs[runValues++] = n;
      runs[runValues++] = line;
      runs[runValues++] = column;
    }
    text.append(c);
    lastLine = line;
    lastColumn = column;
  }
}
