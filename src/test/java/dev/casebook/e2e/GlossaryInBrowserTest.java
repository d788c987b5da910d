package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.Fixtures;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader from another team meets an internal term in a write-up of the sample library, in
 * headless Chromium with the site opened as files: the term's first use is a link whose title (the
 * tooltip) is the definition, the page's script leaves it so, and the link leads to the term's
 * entry on the glossary page. A service's link in the facts tells its description and owner.
 */
class GlossaryInBrowserTest {
  @TempDir Path tmp;

  @Test
  void anInternalTermLeadsToItsDefinitionAndCarriesItAsItsTooltip() throws Exception {
    Path site = tmp.resolve("site");
    assertTrue(SiteBuild.build(new BuildOptions(Fixtures.sampleLibraryCopy(tmp.resolve("library")), site, false, null)).written());
    Chromium chromium = Chromium.find(tmp);
    URI writeUp = site.resolve("incidents/INC-2023-022/index.html").toUri();
    Document page = open(chromium, writeUp);

    List<Element> terms = page.select("a.glossary-term");
    assertEquals(List.of("picker app", "substitution", "on-call"), terms.stream().map(Element::text).toList());
    Element picker = terms.get(0);
    assertTrue(picker.attr("title").startsWith("The Android app store staff use to pick orders"), picker.attr("title"));

    URI target = URI.create(picker.absUrl("href"));
    assertEquals("term-picker-app", target.getFragment());
    Document glossary = open(chromium, target);
    Element entry = glossary.getElementById(target.getFragment());
    assertNotNull(entry, glossary.html());
    assertEquals("picker app", entry.selectFirst(".glossary__term").text());
    assertEquals("substitution", entry.selectFirst(".glossary__see a").text());

    Document checkout = open(chromium, site.resolve("incidents/INC-2025-002/index.html").toUri());
    assertEquals("Basket to order, and the orchestration of payments. (owned by payments)",
        checkout.select("a[href*=services/checkout/][title]").attr("title"));
  }

  private static Document open(Chromium chromium, URI url) throws Exception {
    return Jsoup.parse(chromium.dumpDom(url.toString()), url.toString());
  }
}
