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

  @Test
  void entitiesEscapesAndDroppedSpacesKeepTheCharactersAfterThemInPlace() {
    String body = "Ops &amp; dev \\*said* it failed to page. &#x1F600; then human error\n"
        + "line with trailing spaces  \nand should have here\n";
    ProseBlock p = new MarkdownParser().parse(body).prose().blocks().get(0);
    String text = p.text();
    assertEquals("Ops & dev *said* it failed to page. \uD83D\uDE00 then human error line with trailing spaces and should have here", text);
    assertEquals("1:5", at(p, text.indexOf('&')), "an entity's character at its &");
    assertEquals("1:11", at(p, text.indexOf("dev")));
    assertEquals("1:16", at(p, text.indexOf('*')), "an escaped character at its own place, after the backslash");
    assertEquals("1:17", at(p, text.indexOf("said")));
    assertEquals("1:26", at(p, text.indexOf("failed to")));
    assertEquals("1:42", at(p, text.indexOf('\uD83D')));
    assertEquals("1:42", at(p, text.indexOf('\uDE00')), "both halves of a pair at the entity");
    assertEquals("1:57", at(p, text.indexOf("human error")));
    assertEquals("2:1", at(p, text.indexOf("line")));
    assertEquals("3:5", at(p, text.indexOf("should have")));
  }

  @Test
  void anAmpersandThatIsNoEntityIsItsOwnCharacter() {
    ProseBlock p = new MarkdownParser().parse("R&D &nosuchentity; x &copy; y\n").prose().blocks().get(0);
    String text = p.text();
    assertEquals("R&D &nosuchentity; x \u00a9 y", text);
    assertEquals("1:2", at(p, text.indexOf('&')));
    assertEquals("1:6", at(p, text.indexOf("nosuch")));
    assertEquals("1:22", at(p, text.indexOf('\u00a9')));
    assertEquals("1:29", at(p, text.indexOf(" y") + 1));
  }
}
