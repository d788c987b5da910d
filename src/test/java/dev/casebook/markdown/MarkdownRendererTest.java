package dev.casebook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  private final MarkdownParser parser = new MarkdownParser();
  private final MarkdownRenderer sanitizing = new MarkdownRenderer(false);
  private final MarkdownRenderer trusting = new MarkdownRenderer(true);

  private RenderedBody render(MarkdownRenderer renderer, String markdown) {
    return renderer.render(parser.parse(markdown), url -> url);
  }

  private Document dom(RenderedBody body) {
    return Jsoup.parseBodyFragment(body.html());
  }

  @Test
  void rendersGitHubTablesStrikethroughTaskListsFootnotesAndAutolinks() {
    Document dom = dom(render(sanitizing, """
        | a | b |
        |---|--:|
        | 1 | 2 |

        ~~gone~~ and https://example.com/x

        - [x] done
        - [ ] open

        A claim.[^1]

        [^1]: The source.
        """));
    assertEquals("2", dom.select("div.table-wrap > table td[align=right]").text());
    assertEquals("gone", dom.select("del").text());
    assertEquals("https://example.com/x", dom.select("a[href=https://example.com/x]").text());
    assertEquals(2, dom.select("li input[type=checkbox][disabled]").size());
    assertEquals(1, dom.select("li input[checked]").size());
    assertEquals("#fn-1", dom.select("sup.footnote-ref a").attr("href"));
    assertTrue(dom.select("section.footnotes li#fn-1").text().contains("The source."));
  }

  @Test
  void givesHeadingsUniqueAnchorsAndListsThemInTheTableOfContents() {
    RenderedBody body = render(sanitizing, "## What happened\n\ntext\n\n### Timeline\n\n## What happened\n");
    assertEquals(List.of(
        new RenderedBody.TocEntry(2, "what-happened", "What happened"),
        new RenderedBody.TocEntry(3, "timeline", "Timeline"),
        new RenderedBody.TocEntry(2, "what-happened-1", "What happened")), body.toc());
    Document dom = dom(body);
    assertEquals("#timeline", dom.select("h3#timeline > a.heading-anchor").attr("href"));
  }

  @Test
  void keepsTheLanguageOfFencedCodeAndTurnsMermaidIntoDiagrams() {
    RenderedBody body = render(sanitizing, "```sql\nSELECT 1 < 2;\n```\n\n```mermaid\ngraph TD; A-->B;\n```\n");
    Document dom = dom(body);
    assertEquals("SELECT 1 < 2;\n", dom.select("pre > code.language-sql").text() + "\n");
    assertEquals("graph TD; A-->B;", dom.select("pre.mermaid").text());
    assertTrue(body.html().contains("A--&gt;B"), "diagram source is escaped: " + body.html());
    assertTrue(body.hasDiagrams());
    assertFalse(render(sanitizing, "```\nplain\n```").hasDiagrams());
  }

  @Test
  void removesScriptsEventHandlersStylesAndJavascriptUrlsFromRawHtml() {
    String markdown = """
        <script>alert(1)</script>
        <img src="x.png" onerror="alert(2)">
        <div style="position:fixed" onclick="steal()">box</div>
        <iframe src="https://evil.example"></iframe>

        [click](javascript:alert(3)) and <a href="javascript:alert(4)">raw</a>

        <details><summary>More</summary>kept</details>
        """;
    String html = render(sanitizing, markdown).html();
    for (String bad : List.of("<script", "onerror", "onclick", "style=", "<iframe", "javascript:")) {
      assertFalse(html.contains(bad), bad + " survived: " + html);
    }
    assertTrue(html.contains("<details><summary>More</summary>kept</details>"), html);
    assertTrue(html.contains("src=\"x.png\""), html);
  }

  @Test
  void keepsRawHtmlWhenTheLibraryAllowsIt() {
    String html = render(trusting, "<div class=\"note\" style=\"color:red\">hi</div>\n").html();
    assertTrue(html.contains("style=\"color:red\""), html);
  }

  @Test
  void rewritesLinkAndImageDestinationsAndLeavesTheRestAlone() {
    Map<String, String> rewrites = Map.of("../2023/a.md#x", "../INC-1/#x", "img/b c.png", "../../media/img/b%20c.png");
    RenderedBody body = sanitizing.render(parser.parse(
        "[a](../2023/a.md#x) ![b](<img/b c.png>) [c](https://example.com/) [d](other.txt)"),
        url -> rewrites.getOrDefault(url, url));
    Document dom = dom(body);
    assertEquals("../INC-1/#x", dom.select("a").get(0).attr("href"));
    assertEquals("../../media/img/b%20c.png", dom.select("img").attr("src"));
    assertEquals("lazy", dom.select("img").attr("loading"));
    assertEquals("https://example.com/", dom.select("a").get(1).attr("href"));
    assertEquals("other.txt", dom.select("a").get(2).attr("href"));
  }

  @Test
  void countsTheWordsOfTextAndCodeButNotOfDiagramsOrHeadingAnchors() {
    RenderedBody body = render(sanitizing, "## Title here\n\nOne two, three-four. `code`\n\n```mermaid\ngraph TD; A-->B\n```\n");
    assertEquals(7, body.wordCount());
  }

  @Test
  void dropsUnsafeUrlsFromMarkdownLinksEvenWhenHtmlIsAllowed() {
    for (MarkdownRenderer renderer : List.of(sanitizing, trusting)) {
      Document dom = dom(render(renderer, "[a](javascript:alert(1)) [b](JaVaScRiPt:x) ![c](data:text/html,x) [d](https://ok.example/)"));
      assertEquals(List.of("", "", "https://ok.example/"), dom.select("a").stream().map(a -> a.attr("href")).toList());
      assertEquals("", dom.select("img").attr("src"));
    }
  }

  @Test
  void rawHtmlIsCleanedButPlainMarkdownIsLeftExactlyAsCommonmarkRendersIt() {
    String plain = render(sanitizing, "## A & B\n\n*x* < y\n").html();
    assertEquals("<h2 id=\"a--b\">A &amp; B<a class=\"heading-anchor\" href=\"#a--b\" aria-label=\"Link to this section\">#</a></h2>\n"
        + "<p><em>x</em> &lt; y</p>\n", plain);
  }

  @Test
  void countsWordsAsLettersAndDigitsRuns() {
    for (String text : List.of("", "a", "a b", "a-b", "é ü", "\u0663\u0664 x", "x\u00b2y", "  1 2  3 ", "😀 a")) {
      int words = 0;
      boolean inWord = false;
      for (char c : text.toCharArray()) {
        boolean letter = Character.isLetterOrDigit(c);
        if (letter && !inWord) words++;
        inWord = letter;
      }
      assertEquals(words, MarkdownRenderer.countWords(text), text);
    }
  }

  @Test
  void wrapsTablesAsReplacingTheTagsWould() {
    String[] pieces = {"<table>", "</table>", "table>", "<", "/", "x", "<tab", "le>", "</", "<table", ">", "<div>"};
    java.util.Random random = new java.util.Random(17);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder html = new StringBuilder();
      for (int i = random.nextInt(10); i > 0; i--) html.append(pieces[random.nextInt(pieces.length)]);
      String expected = html.toString().replace("<table>", "<div class=\"table-wrap\"><table>").replace("</table>", "</table></div>");
      assertEquals(expected, MarkdownRenderer.wrapTables(html.toString()), html.toString());
    }
  }

  @Test
  void listsTheLinksOfRawHtmlThatSanitizingKeepsAtTheirAttributes() {
    MarkdownBody body = parser.parse("""
        Text <img src=x.png alt="a"> and [md](a/b.md).

        <div>
          <a
            href='/nowhere/'>n</a> <script src="s.js"></script> <iframe src="f.html"></iframe>
        </div>
        """);

    List<String> kept = sanitizing.links(body).stream()
        .map(l -> l.what() + " " + l.destination() + " " + l.line() + ":" + l.column()).toList();
    List<String> all = trusting.links(body).stream().map(l -> l.what() + " " + l.destination()).toList();

    assertEquals(List.of("HTML <img> src x.png 1:11", "link a/b.md 1:34", "HTML <a> href /nowhere/ 5:5"), kept);
    assertEquals(List.of("HTML <img> src x.png", "link a/b.md", "HTML <a> href /nowhere/", "HTML <script> src s.js",
        "HTML <iframe> src f.html"), all);
  }

  @Test
  void notesWhereEachUrlOfTheHtmlWasWritten() {
    MarkdownBody body = parser.parse("# T\n\nSee [a](<a b.md>) and ![i](i.png).\n\n<a href=\"x&amp;y\">x</a>\n");

    RenderedBody html = sanitizing.render(body, url -> url.equals("i.png") ? "../media/i.png" : url);

    assertEquals(Map.of("a%20b.md", new RenderedBody.Place(3, 5), "../media/i.png", new RenderedBody.Place(3, 23),
        "x&y", new RenderedBody.Place(5, 4)), html.sources());
  }
}
