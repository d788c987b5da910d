package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TemplateTextTest {
  @Test
  void linesLoseTheirIndentationButNotTheirNewlines() {
    assertEquals("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n", TemplateText.unindent("<ul>\n  <li>a</li>\n\t <li>b</li>\n</ul>\n"));
  }

  @Test
  void preAndTextareaKeepTheirIndentation() {
    String pre = "<div>\n  <pre class=\"x\">a\n    b\n  </pre>\n  <p>c</p>\n</div>";
    assertEquals("<div>\n<pre class=\"x\">a\n    b\n  </pre>\n<p>c</p>\n</div>", TemplateText.unindent(pre));
    String textarea = "<form>\n  <TEXTAREA>\n    kept\n  </TEXTAREA>\n</form>";
    assertEquals("<form>\n<TEXTAREA>\n    kept\n  </TEXTAREA>\n</form>", TemplateText.unindent(textarea));
  }

  @Test
  void aTagThatOnlyStartsLikePreIsNotOne() {
    assertEquals("<prefix>\nx\n</prefix>", TemplateText.unindent("<prefix>\n  x\n</prefix>"));
  }

  @Test
  void indentationInsideALineIsKept() {
    assertEquals("<p>a  b</p>\n<b>c</b>", TemplateText.unindent("  <p>a  b</p>\n  <b>c</b>"));
  }
}
