package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.Fixtures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write-up page of the sample library in headless Chromium: every code block and the "Cite as"
 * box get a copy button, and every diagram a button that opens it full size; without script the
 * page has none of them, and the citation to copy is in the page itself.
 */
class CopyAndFullSizeInBrowserTest {
  @TempDir Path tmp;

  @Test
  void codeBlocksAndTheCitationGetCopyButtonsAndDiagramsOpenFullSize() throws Exception {
    Path site = tmp.resolve("site");
    assertTrue(SiteBuild.build(new BuildOptions(Fixtures.sampleLibraryCopy(tmp.resolve("library")), site, false, null)).written());
    URI url = site.resolve("incidents/INC-2023-014/index.html").toUri();

    Document plain = Jsoup.parse(Files.readString(Path.of(url)), url.toString());
    assertTrue(plain.select("button.copy-button, button.full-size-button").isEmpty(), "buttons come with the script only");
    Element cite = plain.selectFirst("aside.cite[data-cite]");
    assertEquals("INC-2023-014: Orders database failover left writes pointed at the old primary"
        + " (https://incidents.larkspur.example/incidents/INC-2023-014/)", cite.attr("data-cite"), "id, title and stable address");
    int codeBlocks = plain.select(".prose pre:not(.mermaid)").size();
    int diagrams = plain.select(".prose pre.mermaid").size();
    assertTrue(codeBlocks >= 3 && diagrams >= 1, codeBlocks + " code blocks, " + diagrams + " diagrams");

    Chromium chromium = Chromium.find(tmp);
    Document page = Jsoup.parse(chromium.dumpDom(url.toString()), url.toString());
    assertEquals(codeBlocks, page.select(".prose pre.has-copy > button.copy-button[aria-label=Copy the code]").size());
    assertEquals(0, page.select(".prose pre.mermaid button").size(), "a diagram is redrawn with the theme: no button inside it");
    assertEquals(1, page.select("aside.cite > button.copy-button[aria-label=Copy the citation]").size());
    assertEquals(diagrams, page.select(".prose .mermaid + button.full-size-button").size());
    assertTrue(page.select("button.copy-button").stream().allMatch(b -> b.attr("type").equals("button") && b.text().equals("Copy")));
  }
}
