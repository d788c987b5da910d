package dev.casebook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.commonmark.testutil.TestResources;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.jsoup.parser.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass reading of a rendered body gives exactly jsoup's text, or leaves the body to jsoup. */
class BodyTextTest {
  private static final MarkdownParser PARSER = new MarkdownParser();
  private static final MarkdownRenderer SANITIZING = new MarkdownRenderer(false);
  private static final MarkdownRenderer TRUSTING = new MarkdownRenderer(true);

  private static void assertLikeJsoup(String html) {
    assertEquals(BodyText.withJsoup(html), BodyText.of(html), html);
  }

  private static List<Example> allExamples() {
    List<Example> examples = new ArrayList<>(ExampleReader.readExamples(TestResources.getSpec()));
    examples.addAll(ExampleReader.readExamples(TestResources.getGfmSpec()));
    return examples;
  }

  @Test
  void everySpecExampleReadsAsJsoupReadsIt() {
    for (Example example : allExamples()) {
      String markdown = example.getSource().replace('\u2192', '\t');
      assertLikeJsoup(SANITIZING.render(PARSER.parse(markdown), url -> url).html());
      assertLikeJsoup(TRUSTING.render(PARSER.parse(markdown), url -> url).html());
      assertLikeJsoup(example.getHtml().replace('\u2192', '\t'));
    }
  }

  @Test
  void aTypicalWriteUpIsReadInOnePass() {
    String markdown = """
        ## What happened

        At 09:12 UTC the *primary* failed over & **recovered** ~~twice~~ once. See [INC-1](../INC-1.md),
        https://example.com/x and `kubectl get pods`.\\
        A second line with a no-break\u00a0space.

        | Time | Event |
        |------|------:|
        | 09:12 | Paged again |
        | 09:30 | Resolved |

        ```sh
        kubectl   get pods
          --all
        ```

        - [x] done
        - [ ] open
          1. nested
          2. list

        > A quote.
        > ![diagram](img.png "a diagram")

        ---

        A claim.[^1]

        [^1]: The source.
        """;
    for (MarkdownRenderer renderer : List.of(SANITIZING, TRUSTING)) {
      String html = renderer.render(PARSER.parse(markdown), url -> url).html();
      assertNotNull(BodyText.fast(html), html);
      assertLikeJsoup(html);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<p>a</p>b<em>c</em>",
      "<p>a</p>\n<p>b</p>\n",
      "<p>a <del>b</del> c</p>",
      "<p>a<br />b<br>\nc</p>",
      "<h2 id=\"x\">Title<a class=\"heading-anchor\" href=\"#x\" aria-label=\"Link to this section\">#</a></h2>after",
      "<ul>\n<li>a</li>\n<li><p>b</p>\n<ul><li>c</li></ul></li>\n</ul>",
      "<pre><code class=\"language-sh\">  a   b\n\tc  \n</code></pre>\nd",
      "<pre>\nx</pre>",
      "<p>&amp;&lt;&gt;&quot; &nbsp; &#39; &copy; &amp</p>",
      "<p>a\u00a0\u00a0b\u200bc\u00adde \u200b f</p>",
      "<div class=\"table-wrap\"><table>\n<thead>\n<tr>\n<th align=\"right\">a</th>\n</tr>\n</thead>\n<tbody>\n<tr><td>b</td><td>c</td></tr>\n</tbody>\n</table></div>\nz",
      "<table>x<tr><td>a</td></tr></table>",
      "<table><tr><td>a</td></tr></table>",
      "<p>a<p>b</p>",
      "<p>a<div>b</div>c</p>",
      "<a href=\"x\">a<a href=\"y\">b</a></a>",
      "<em>a<strong>b</em>c</strong>",
      "<p>a</b>",
      "<P>a</P>",
      "<p>a<!-- c -->b</p>",
      "<p>a<img src=\"x\" alt=\"y\" />b<input type=\"checkbox\" disabled=\"\" /> c</p>",
      "<section class=\"footnotes\" data-footnotes><ol><li id=\"fn-1\"><p>x</p></li></ol></section>",
      "<a class=\"Heading-Anchor other\" href=\"#\">#</a>x",
      "<a class=\"heading-anchor\">#<em>x</em></a>y",
      "<p>open",
      "   lead <hr />trail   ",
      "a\r\nb",
      "<blockquote>\n<p>q</p>\n</blockquote>\n<p>r</p>",
      "<p>x</p><a class=\"heading-anchor\" href=\"#\">#</a>y",
      "<p>x</p><a class=\"heading-anchor\" href=\"#\">#</a><em>y</em>",
      "<h1>a<h2>b</h2></h1>",
      "<li>a<li>b",
      "<p>a <code>b  c</code> d</p>",
      "<p><a href=\"u\" title=\"a > b\">link</a></p>",
      "<p a=b>x</p>",
      "<p a='b'>x</p>",
      "<br/>x",
      "<p/>x",
      "</br>x",
      "x<y",
      "<textarea>\n a</textarea>",
      "<pre><code><del><em><strong><a href=\"x\"><code>a  b</code></a></strong></em></del></code></pre>",
      "<pre><code><em><em><em><em><em><em>a  b</em></em></em></em></em></em></code></pre>",
  })
  void tricksReadAsJsoupReadsThem(String html) {
    assertLikeJsoup(html);
  }

  @Test
  void leavesToJsoupWhatItDoesNotKnow() {
    assertNull(BodyText.fast("<p>a<!-- c -->b</p>"));
    assertNull(BodyText.fast("<p>&copy;</p>"));
    assertNull(BodyText.fast("<p>a<div>b</div></p>"));
    assertNull(BodyText.fast("<span>a</span>"));
  }

  @Test
  void randomMarkupReadsAsJsoupReadsIt() {
    String[] tags = {"p", "h2", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "table", "thead", "tbody", "tr",
        "th", "td", "div", "del", "sup", "section", "span"};
    String[] voids = {"br", "br /", "hr /", "img src=\"x\" alt=\"y\" /", "input type=\"checkbox\" disabled=\"\" /"};
    String[] texts = {"a", "b c", " ", "\n", "  \t", "\u00a0", "\u200b", "\u00ad", "&amp;", "&lt;x&gt;", "&quot;", "&nbsp;", "é", "😀",
        "x  y", "\n\n"};
    Random random = new Random(42);
    int fast = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder html = new StringBuilder();
      List<String> open = new ArrayList<>();
      int steps = 1 + random.nextInt(30);
      for (int s = 0; s < steps; s++) {
        int r = random.nextInt(10);
        if (r < 3) {
          String tag = tags[random.nextInt(tags.length)];
          html.append('<').append(tag).append(random.nextInt(4) == 0 ? " class=\"c\" id=\"i\"" : "").append('>');
          open.add(tag);
        } else if (r < 5 && !open.isEmpty()) {
          html.append("</").append(open.remove(open.size() - 1)).append('>');
        } else if (r == 5) {
          html.append('<').append(voids[random.nextInt(voids.length)]).append('>');
        } else if (r == 6) {
          html.append("<a class=\"heading-anchor\" href=\"#x\">#</a>");
        } else {
          html.append(texts[random.nextInt(texts.length)]);
        }
      }
      if (random.nextBoolean()) for (int i = open.size() - 1; i >= 0; i--) html.append("</").append(open.get(i)).append('>');
      assertLikeJsoup(html.toString());
      if (BodyText.fast(html.toString()) != null) fast++;
    }
    // The comparison means something only if many of them took the one-pass road.
    org.junit.jupiter.api.Assertions.assertTrue(fast > 2_000, "read in one pass: " + fast);
  }

  @Test
  void tagsReadAsJsoupsTagTableHasThem() {
    for (String name : BodyText.tagNames()) {
      Tag tag = Tag.valueOf(name);
      String expected = (tag.isBlock() ? "block" : "") + (tag.isInline() ? "inline" : "") + (tag.preserveWhitespace() ? " pre" : "");
      assertEquals(expected, BodyText.kindOf(name), name);
      assertEquals(tag.isEmpty(), List.of("hr", "br", "img", "input").contains(name), name);
    }
  }
}
