package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.serve.PreviewServer;
import dev.casebook.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample library's site as a reader's browser shows it: headless Chromium runs its scripts. */
class SampleSiteInBrowserTest {
  @TempDir static Path tmp;
  static ServedSite served;
  static Path site;
  static Chromium chromium;
  static PreviewServer server;

  @BeforeAll
  static void buildAndServe() throws Exception {
    served = ServedSite.sample(tmp);
    site = served.site;
    chromium = served.chromium;
    server = served.server;
  }

  @AfterAll
  static void stop() {
    if (served != null) served.close();
  }

  private Document open(String path) throws Exception {
    return served.open(path);
  }

  @Test
  void theTableFiltersByTheServiceInTheAddress() throws Exception {
    Document page = open("incidents/?service=checkout");
    List<Element> rows = page.select("tbody tr[data-services]");
    assertFalse(rows.isEmpty());
    List<Element> shown = rows.stream().filter(r -> !r.hasAttr("hidden")).toList();
    List<Element> checkout = rows.stream()
        .filter(r -> List.of(r.attr("data-services").split("\\|")).contains("checkout")).toList();
    assertFalse(checkout.isEmpty());
    assertTrue(checkout.size() < rows.size(), "the filter must hide something");
    assertEquals(checkout, shown);
  }

  @Test
  void writeUpsShowTheCodeTheyCiteAndTheCommentsThatCiteThem() throws Exception {
    Document page = open("incidents/INC-2024-003/");
    List<String> code = page.select("[aria-labelledby=code-title] li > a").eachAttr("href");
    assertEquals(2, code.size(), code.toString());
    for (String href : code) {
      assertTrue(href.matches("https://github\\.com/larkspur/services/blob/[0-9a-f]{40}/dispatch/consumer/consumer\\.go#L\\d+-L\\d+"), href);
    }
    Element cited = page.selectFirst("[aria-labelledby=cited-in-code-title]");
    assertTrue(cited != null && cited.selectFirst("h2").text().equals("Cited in code"), "no Cited in code section");
    assertTrue(cited.select("li > a").eachText().contains("dispatch/consumer/consumer.go:33"), cited.text());
    assertTrue(cited.text().contains("never wait on the vendor unbounded"), cited.text());
    assertFalse(cited.text().contains("runbook"), "a string is not a comment: " + cited.text());
  }

  @Test
  void mermaidBlocksBecomeDiagrams() throws Exception {
    Document page = open("incidents/INC-2023-014/");
    assertFalse(page.select(".mermaid").isEmpty());
    for (Element diagram : page.select(".mermaid")) {
      assertFalse(diagram.select("svg").isEmpty(), "not drawn: " + diagram.outerHtml());
    }
  }

  @Test
  void linksWorkWhenTheSiteIsOpenedFromDisk() throws Exception {
    Document page = Jsoup.parse(chromium.dumpDom(site.resolve("index.html").toUri().toString()));
    List<String> folderLinks = new ArrayList<>();
    for (Element a : page.select("a[href]")) {
      String href = a.attr("href");
      if (!href.contains(":") && !href.startsWith("#") && href.endsWith("/")) folderLinks.add(href);
    }
    assertEquals(List.of(), folderLinks, "relative links to folders get index.html on file://");
    assertTrue(page.select("a[href=incidents/index.html]").size() > 0);
  }

  @Test
  void noPageLoadsAnythingFromOutsideTheSite() throws Exception {
    List<String> external = new ArrayList<>();
    try (Stream<Path> files = Files.walk(site)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document doc = Jsoup.parse(Fixtures.read(file));
        for (Element e : doc.select("script[src], link[href], img[src], iframe, source[src], video[src], audio[src]")) {
          String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
          boolean alternate = e.tagName().equals("link") && List.of("canonical", "alternate").contains(e.attr("rel"));
          if (!alternate && (url.matches("^[a-z]+:.*") || url.startsWith("//"))) external.add(site.relativize(file) + ": " + e);
        }
      }
    }
    assertEquals(List.of(), external);
  }

  @Test
  void screenshotsOfTheMainPagesAreNotBlank() throws Exception {
    for (String path : List.of("", "incidents/", "incidents/INC-2024-003/", "services/checkout/")) {
      Path png = chromium.screenshot(server.url() + path, tmp.resolve("shot-" + path.replace('/', '_') + ".png"), 1280, 900);
      java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
      java.util.Set<Integer> colours = new java.util.HashSet<>();
      for (int y = 0; y < image.getHeight(); y += 7) for (int x = 0; x < image.getWidth(); x += 7) colours.add(image.getRGB(x, y));
      assertTrue(colours.size() > 20, path + " looks blank: " + colours.size() + " colours");
    }
  }
}
