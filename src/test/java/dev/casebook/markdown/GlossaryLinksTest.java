package dev.casebook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.glossary.Glossary;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Glossary terms in a rendered body: the first use of each is a link to its definition, with it as the tooltip. */
class GlossaryLinksTest {
  private static Glossary.Term term(String name, String definition) {
    return new Glossary.Term(name, Glossary.slug(name), List.of(), definition, List.of());
  }

  private static final Glossary GLOSSARY = new Glossary(List.of(
      term("DNS", "The *Domain Name System*."), term("DNS resolver", "What answers [DNS](https://example.com) queries."),
      term("SLO", "Service level objective: a target for a service's reliability."), term("error budget", "What an SLO allows.")));
  private static final MarkdownParser PARSER = new MarkdownParser();

  private static String render(String markdown, boolean allowHtml) {
    MarkdownRenderer renderer = new MarkdownRenderer(allowHtml, GlossaryLinks.of(GLOSSARY));
    MarkdownBody body = PARSER.parse(markdown);
    return renderer.render(body, UnaryOperator.identity(), renderer.links(body), "../../glossary/").html();
  }

  private static List<String> linked(String html) {
    return Jsoup.parseBodyFragment(html).select("a.glossary-term").eachText();
  }

  @Test
  void theFirstUseOfEachTermLinksToItsDefinitionWithItAsTheTooltip() {
    String html = render("The SLO was met. The SLO was met again, and the error budget held.\n", false);
    assertEquals("<p>The <a class=\"glossary-term\" href=\"../../glossary/#term-slo\" title=\"Service level objective: a target"
        + " for a service's reliability.\">SLO</a> was met. The SLO was met again, and the <a class=\"glossary-term\""
        + " href=\"../../glossary/#term-error-budget\" title=\"What an SLO allows.\">error budget</a> held.</p>\n", html);
  }

  @Test
  void aTooltipIsTheDefinitionAsPlainText() {
    Document doc = Jsoup.parseBodyFragment(render("DNS and a DNS resolver.\n", false));
    assertEquals(List.of("The Domain Name System.", "What answers DNS queries."), doc.select("a.glossary-term").eachAttr("title"));
  }

  @Test
  void theLongestTermWins() {
    assertEquals(List.of("DNS resolver", "DNS"), linked(render("The DNS resolver timed out; DNS itself was up.\n", false)));
  }

  @Test
  void pluralsAndCaseFollowTheMatchingRules() {
    assertEquals(List.of("SLOs", "Error Budgets"), linked(render("Our slo and Slo, then SLOs and Error Budgets.\n", false)));
  }

  @Test
  void codeLinksHeadingsAndImagesAreLeftAlone() {
    String html = render("""
        # The SLO heading

        `SLO` in code, [the SLO](https://example.com/slo), ![SLO chart](chart.png), <https://example.com/SLO>

        ```
        SLO in a code block
        ```

            SLO indented

        Then the SLO in prose.
        """, false);
    assertEquals(List.of("SLO"), linked(html));
    Document doc = Jsoup.parseBodyFragment(html);
    assertEquals("Then the SLO in prose.", doc.select("a.glossary-term").first().parent().text());
  }

  @Test
  void rawHtmlAttributesAndTheTextOfRawHtmlLinksAreLeftAlone() {
    String html = render("<a href=\"https://example.com\" title=\"SLO\">the SLO</a> <code>DNS</code> <span title=\"error budget\">then"
        + " the error budget</span>\n", false);
    assertEquals(List.of("error budget"), linked(html));
    Document doc = Jsoup.parseBodyFragment(html);
    assertEquals("SLO", doc.select("a[href=https://example.com]").attr("title"));
    assertEquals("error budget", doc.select("span").attr("title"));
  }

  @Test
  void aBodyWithRawHtmlIsStillSanitizedAndKeepsItsGlossaryLinks() {
    String html = render("<script>alert(1)</script>\n\nThe SLO <img src=x onerror=alert(1)>\n", false);
    assertFalse(html.contains("script"), html);
    assertFalse(html.contains("onerror"), html);
    assertEquals(List.of("SLO"), linked(html));
    assertTrue(html.contains("title=\"Service level objective"), html);
  }

  @Test
  void withoutAGlossaryPageNothingIsLinked() {
    MarkdownRenderer renderer = new MarkdownRenderer(false, GlossaryLinks.of(GLOSSARY));
    MarkdownBody body = PARSER.parse("The SLO.\n");
    assertEquals("<p>The SLO.</p>\n", renderer.render(body, UnaryOperator.identity(), renderer.links(body), null).html());
    assertEquals(null, GlossaryLinks.of(Glossary.EMPTY));
  }

  @Test
  void aLongDefinitionIsCutAtAWordForItsTooltip() {
    String tip = GlossaryLinks.tooltip("word ".repeat(100));
    assertTrue(tip.length() <= GlossaryLinks.MAX_TOOLTIP, tip);
    assertTrue(tip.endsWith("word…"), tip);
  }
}
