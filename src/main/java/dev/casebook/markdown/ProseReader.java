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

  private final String source;
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

  private ProseReader(String source) {
    this.source = source;
  }

  /** The prose of {@code document}, parsed from {@code source} with source spans. */
  static Prose read(Node document, String source) {
    ProseReader reader = new ProseReader(source);
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
    text = new StringBuilder(capacity(node));
    runValues = 0;
    inlines(node);
    ProseBlock block = new ProseBlock(kind, level, text.toString(), java.util.Arrays.copyOf(runs, runValues),
        listDepth > 0, section);
    text = null;
    if (kind == ProseBlock.Kind.HEADING) section = block.text().strip();
    if (!block.text().isBlank()) blocks.add(block);
  }

  /**
   * Room for a block's text, so that it seldom grows: its source lines' length and a space for
   * each line break. The text is seldom longer: markup, entities and escapes are dropped, a code
   * span or a link's text is one character.
   */
  private static int capacity(Node node) {
    int length = 16;
    for (SourceSpan span : node.getSourceSpans()) length += span.getLength() + 1;
    return length;
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

  /**
   * Text as written, each character at its place in the source. Where the literal is not the
   * source character for character (an entity, a backslash escape, spaces the parser dropped), the
   * two are walked side by side: an escaped character sits at its own place, an entity's characters
   * at the entity's {@code &}.
   */
  private void append(String literal, Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    if (spans.isEmpty()) {
      for (int i = 0; i < literal.length(); i++) appendAfterLast(literal.charAt(i));
      return;
    }
    SourceSpan span = spans.get(0);
    int line = span.getLineIndex() + 1;
    int column = span.getColumnIndex() + 1;
    if (literal.isEmpty()) return;
    if (spans.size() == 1 && span.getLength() == literal.length()) {
      // One run for the whole literal: its characters follow each other on one line.
      run(line, column);
      text.append(literal);
      lastLine = line;
      lastColumn = column + literal.length() - 1;
      return;
    }
    align(literal, spans);
  }

  /** Places {@code literal}'s characters at the source characters of {@code spans} they come from. */
  private void align(String literal, List<SourceSpan> spans) {
    int s = 0; // the span being read
    int p = 0; // the offset in it
    int line = spans.get(0).getLineIndex() + 1;
    int column = spans.get(0).getColumnIndex() + 1;
    for (int i = 0; i < literal.length(); i++) {
      while (s < spans.size() && p >= spans.get(s).getLength()) {
        s++;
        p = 0;
      }
      char c = literal.charAt(i);
      if (s == spans.size()) {
        add(c, line, column); // past the source: with the last character placed
        continue;
      }
      SourceSpan span = spans.get(s);
      int at = span.getInputIndex() + p;
      int end = span.getInputIndex() + span.getLength();
      line = span.getLineIndex() + 1;
      column = span.getColumnIndex() + 1 + p;
      char d = charAt(at);
      int after = d == '&' ? entityEnd(at, end) : -1;
      if (d == '\\' && at + 1 < end && charAt(at + 1) == c && isAsciiPunctuation(c)) {
        add(c, line, column + 1);
        p += 2;
      } else if (after > 0 && !literal.startsWith(source.substring(at, after), i)) {
        add(c, line, column);
        // An entity can stand for two characters (a pair of surrogates, or two code points).
        while (i + 1 < literal.length() && (Character.isLowSurrogate(literal.charAt(i + 1)) || isCombining(literal.charAt(i + 1)))
            && (after >= end || literal.charAt(i + 1) != charAt(after))) {
          add(literal.charAt(++i), line, column);
        }
        p += after - at;
      } else {
        add(c, line, column);
        p++;
      }
    }
  }

  private char charAt(int index) {
    return index < source.length() ? source.charAt(index) : '\0';
  }

  /** The end of the entity or numeric character reference at {@code at}, or -1 when there is none. */
  private int entityEnd(int at, int end) {
    int i = at + 1;
    int limit = Math.min(end, at + 40);
    if (i < limit && source.charAt(i) == '#') i++;
    int start = i;
    while (i < limit && Character.isLetterOrDigit(source.charAt(i))) i++;
    return i > start && i < limit && source.charAt(i) == ';' ? i + 1 : -1;
  }

  private static boolean isAsciiPunctuation(char c) {
    return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
  }

  private static boolean isCombining(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private void appendAfterLast(char c) {
    int n = text.length();
    add(c, n == 0 ? 1 : lastLine, n == 0 ? 1 : lastColumn + 1);
  }

  private void add(char c, int line, int column) {
    run(line, column);
    text.append(c);
    lastLine = line;
    lastColumn = column;
  }

  /** Starts a run at the end of the text, unless the next character, at {@code line} and {@code column}, continues the last one. */
  private void run(int line, int column) {
    int n = text.length();
    if (n == 0 || line != lastLine || column != lastColumn + 1) {
      if (runValues == runs.length) runs = java.util.Arrays.copyOf(runs, runValues * 2);
      runs[runValues++] = n;
      runs[runValues++] = line;
      runs[runValues++] = column;
    }
  }
}
