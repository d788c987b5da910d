package dev.casebook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.junit.jupiter.api.Test;

class IdMentionsTest {
  private static final Predicate<String> IS_ID = word -> Set.of("INC-1", "INC-22", "a1", "é7", "1").contains(word)
      || word.matches("INC-\\d{4}-\\d{3}");

  /** The mentions in {@code text} read plainly: every run of word characters, trailing {@code .-_} taken off. */
  private static List<String> readPlainly(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || ".-_".indexOf(text.charAt(i)) >= 0)) continue;
      int end = i;
      while (end > start && ".-_".indexOf(text.charAt(end - 1)) >= 0) end--;
      String word = text.substring(start, end);
      if (end > start && Character.isLetterOrDigit(text.charAt(start)) && word.chars().anyMatch(c -> c >= '0' && c <= '9')
          && IS_ID.test(word)) {
        out.add(start + ":" + word);
      }
      start = i + 1;
    }
    return out;
  }

  /** The mentions IdMentions links in a paragraph of {@code text}, with their offsets. */
  private static List<String> linked(String text) {
    Node document = new org.commonmark.parser.Parser.Builder().build().parse("x");
    org.commonmark.node.Paragraph paragraph = (org.commonmark.node.Paragraph) document.getFirstChild();
    paragraph.getFirstChild().unlink();
    Text node = new Text(text);
    node.addSourceSpan(org.commonmark.node.SourceSpan.of(0, 0, 0, text.length()));
    paragraph.appendChild(node);
    new IdMentions(IS_ID).process(document);
    List<String> out = new ArrayList<>();
    StringBuilder rebuilt = new StringBuilder();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        out.add(link.getSourceSpans().get(0).getColumnIndex() + ":" + link.getDestination());
        rebuilt.append(((Text) link.getFirstChild()).getLiteral());
      }

      @Override
      public void visit(Text t) {
        rebuilt.append(t.getLiteral());
      }
    });
    assertEquals(text, rebuilt.toString());
    return out;
  }

  @Test
  void linksTheIdsItFinds() {
    assertEquals(List.of("6:INC-1", "19:INC-2024-001"), linked("As in INC-1. Then (INC-2024-001)."));
    assertEquals(List.of(), linked("INC-1x, xINC-1, INC-12, no digits here"));
    assertEquals(List.of("0:a1", "3:é7", "13:1"), linked("a1 é7 -_1._ (1)"));
  }

  @Test
  void findsWhatThePlainReadingFinds() {
    String[] pieces = {"INC-1", "INC-22", "INC-2024-001", "a1", "é7", "1", "2", " ", ".", "-", "_", ",", "(", ")", "x", "é", "ü", "\u00b2",
        "\u0663", "😀", "INC", "-", "00:27", "\n"};
    Random random = new Random(11);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = 1 + random.nextInt(12); i > 0; i--) text.append(pieces[random.nextInt(pieces.length)]);
      assertEquals(readPlainly(text.toString()), linked(text.toString()), text.toString());
    }
  }
}
