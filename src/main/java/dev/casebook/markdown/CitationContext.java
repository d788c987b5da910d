package dev.casebook.markdown;

import java.util.IdentityHashMap;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** Finds the sentence a link stands in, to show where one write-up cites another. */
final class CitationContext {
  /** Longer sentences are cut around the link. */
  static final int MAX_LENGTH = 280;

  private final Map<Block, String> blockTexts = new IdentityHashMap<>();

  String sentenceOf(Node link) {
    Node block = link.getParent();
    while (block != null && !(block instanceof Block)) block = block.getParent();
    if (block == null) return "";
    String text = blockTexts.computeIfAbsent((Block) block, CitationContext::plainText);
    String linkText = plainText(link).strip();
    int at = linkText.isEmpty() ? -1 : text.indexOf(linkText);
    if (at < 0) return cut(text, 0, 0);
    int start = at;
    while (start > 0 && !(isStop(text.charAt(start - 1)) && start < text.length() && Character.isWhitespace(text.charAt(start)))) start--;
    int end = at + linkText.length();
    while (end < text.length() && !(isStop(text.charAt(end)) && (end + 1 == text.length() || Character.isWhitespace(text.charAt(end + 1))))) end++;
    if (end < text.length()) end++;
    return cut(text.substring(start, end).strip(), at - start, linkText.length());
  }

  private static boolean isStop(char c) {
    return c == '.' || c == '!' || c == '?';
  }

  private static String cut(String sentence, int at, int length) {
    if (sentence.length() <= MAX_LENGTH) return sentence;
    int from = Math.max(0, Math.min(at - MAX_LENGTH / 2, sentence.length() - MAX_LENGTH));
    int to = Math.min(sentence.length(), from + MAX_LENGTH);
    return (from > 0 ? "…" : "") + sentence.substring(from, to).strip() + (to < sentence.length() ? "…" : "");
  }

  /** Compiled once: plainText runs for every heading and citation. */
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  static String plainText(Node node) {
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

      @Override
      public void visit(SoftLineBreak br) {
        sb.append(' ');
      }

      @Override
      public void visit(HardLineBreak br) {
        sb.append(' ');
      }
    });
    return WHITESPACE.matcher(sb).replaceAll(" ");
  }
}
