package dev.casebook.markdown;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * Turns plain mentions of incident ids in text ({@code as in INC-2023-014.}) into links whose
 * destination is the id, so the link stage resolves, checks and counts them like any other
 * citation. Text inside links, images, code and raw HTML is left alone. A word is a mention when
 * it has a digit and is a known id or looks like one (matches the library's id pattern).
 */
public final class IdMentions implements PostProcessor {
  private final Predicate<String> isId;

  /** @param isId whether a word (letters, digits, {@code .}, {@code _}, {@code -}) is an id */
  public IdMentions(Predicate<String> isId) {
    this.isId = isId;
  }

  /** Mentions of exactly these ids. */
  public static IdMentions of(Set<String> ids) {
    return new IdMentions(ids::contains);
  }

  @Override
  public Node process(Node document) {
    List<Text> texts = new java.util.ArrayList<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        // text inside a link stays as written
      }

      @Override
      public void visit(org.commonmark.node.Image image) {
        // so does an image's description
      }

      @Override
      public void visit(Text text) {
        texts.add(text);
      }
    });
    for (Text text : texts) split(text);
    return document;
  }

  private void split(Text text) {
    String s = text.getLiteral();
    int n = s.length();
    Node last = text;
    int consumed = 0;
    // Only words with a digit can be mentions: go from digit to digit, each time reading the
    // whole word (a run of word characters) around it.
    for (int from = 0; from < n; ) {
      int digit = nextDigit(s, from);
      if (digit < 0) break;
      int start = digit;
      while (start > from && isWordChar(s.charAt(start - 1))) start--;
      int i = digit + 1;
      while (i < n && isWordChar(s.charAt(i))) i++;
      int end = i;
      while (end > start && isTrailing(s.charAt(end - 1))) end--;
      if (end > start && Character.isLetterOrDigit(s.charAt(start)) && isId.test(s.substring(start, end))) {
        String id = s.substring(start, end);
        if (start > consumed) last = insertAfter(last, new Text(s.substring(consumed, start)), text, consumed);
        Link link = new Link(id, null);
        link.appendChild(new Text(id));
        last = insertAfter(last, link, text, start);
        consumed = end;
      }
      from = i + 1;
    }
    if (consumed == 0) return;
    if (consumed < n) insertAfter(last, new Text(s.substring(consumed)), text, consumed);
    text.unlink();
  }

  private static Node insertAfter(Node after, Node node, Text original, int offset) {
    List<SourceSpan> spans = original.getSourceSpans();
    if (spans.size() == 1) {
      SourceSpan span = spans.get(0);
      node.addSourceSpan(SourceSpan.of(span.getLineIndex(), span.getColumnIndex() + offset,
          span.getInputIndex() + offset, Math.max(0, span.getLength() - offset)));
      if (node.getFirstChild() != null) node.getFirstChild().setSourceSpans(node.getSourceSpans());
    }
    after.insertAfter(node);
    return node;
  }

  /** The first ASCII digit at or after {@code from}, or -1. */
  private static int nextDigit(String s, int from) {
    for (int i = from, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') return i;
    }
    return -1;
  }

  /** Letters and digits, {@code .}, {@code _} and {@code -}, looked up directly for ASCII. */
  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) ASCII_WORD[c] = Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
  }

  static boolean isWordChar(char c) {
    return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  /** Characters a mention does not end with: {@code as in INC-7.} */
  private static boolean isTrailing(char c) {
    return c == '.' || c == '-' || c == '_';
  }
}
