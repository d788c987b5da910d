package dev.casebook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each character of a prose block keeps its body line and column, across breaks and hidden spans. */
class ProseBlockTest {
  private static String at(ProseBlock block, int offset) {
    return block.lineAt(offset) + ":" + block.columnAt(offset);
  }

  @Test
  void charactersKeepTheirLinesAndColumns() {
    String body = "# Title\n\nThe *on-call* ran `kubectl drain`\n  and then waited.\n";
    ProseBlock p = new MarkdownParser().parse(body).prose().blocks().get(1);
    String text = p.text();
    assertEquals("The on-call ran " + ProseBlock.HIDDEN + " and then waited.", text);
    assertEquals("3:1", at(p, 0));
    assertEquals("3:6", at(p, text.indexOf("on-call")));
    assertEquals("3:9", at(p, text.indexOf("call")));
    assertEquals("3:15", at(p, text.indexOf("ran")));
    assertEquals("3:19", at(p, text.indexOf(ProseBlock.HIDDEN)));
    assertEquals("4:3", at(p, text.indexOf("and")));
    assertEquals("4:12", at(p, text.indexOf("waited")));
    assertEquals("4:18", at(p, text.length() - 1));
    assertEquals("4:18", at(p, text.length() + 5), "past the end: the last character's place");
    assertEquals("1:3", at(new MarkdownParser().parse(body).prose().blocks().get(0), 0));
  }
}
