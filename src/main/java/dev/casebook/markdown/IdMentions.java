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
    if (!hasDigit(s, 0, s.length())) return;
    int start = 0;
    Node last = text;
    int consumed = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i < s.length() && isWordChar(s.charAt(i))) continue;
      int end = i;
      while (end > start && ".-_".indexOf(s.charAt(end - 1)) >= 0) end--;
      if (end > start && Character.isLetterOrDigit(s.charAt(start)) && hasDigit(s, start, end) && isId.test(s.substring(start, end))) {
        String id = s.substring(start, end);
        if (start > consumed) last = insertAfter(last, new Text(s.substring(consumed, start)), text, consumed);
        Link link = new Link(id, null);
        link.appendChild(new Text(id));
        last = insertAfter(last, link, text, start);
        consumed = end;
      }
      start = i + 1;
    }
    if (consumed == 0) return;
    if (consumed < s.length()) insertAfter(last, new Text(s.substring(consumed)), text, consumed);
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

  /** Only words with a digit can be mentions, so that an id like {@code outage} never links every "outage". */
  private static boolean hasDigit(String s, int start, int end) {
    for (int i = start; i < end; i++) if (s.charAt(i) >= '0' && s.charAt(i) <= '9') return true;
    return false;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
  }
}
