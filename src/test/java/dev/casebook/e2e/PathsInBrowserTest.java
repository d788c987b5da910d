package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.Fixtures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader follows a reading path of the sample library in headless Chromium, from the site
 * opened as files (file://): each step's page marks itself read in the browser's storage, its
 * previous and next links lead along the path, and the path's page ticks the steps read.
 */
class PathsInBrowserTest {
  @TempDir Path tmp;

  @Test
  void followingAPathStepByStepTicksTheStepsReadOnThePathsPage() throws Exception {
    Path site = tmp.resolve("site");
    assertTrue(SiteBuild.build(new BuildOptions(Fixtures.sampleLibraryCopy(tmp.resolve("library")), site, false, null)).written());
    Chromium chromium = Chromium.find(tmp);
    URI pathPage = site.resolve("paths/payments-on-call/index.html").toUri();

    // Without script the page lists every step with its link and reason, and shows no tick.
    Document plain = Jsoup.parse(Files.readString(Path.of(pathPage)), pathPage.toString());
    assertEquals(5, plain.select("[data-path-step] a.path-step__title").size());
    assertEquals(5, plain.select("[data-path-tick][hidden]").size());
    assertTrue(plain.select("main script:not([src])").isEmpty(), "no inline script");

    Document path = open(chromium, pathPage);
    assertEquals("0 of 5 read", path.selectFirst("[data-path-progress]").text());
    assertEquals(List.of(), ticked(path));
    Element start = path.selectFirst("[data-path-continue]");
    assertEquals("Start with step 1", start.text());

    // Step 1, then its "next" link to step 2.
    URI first = URI.create(start.absUrl("href"));
    Document one = open(chromium, first);
    Element place = place(one, "Payments on-call");
    assertEquals("1 of 5 in Payments on-call", place.selectFirst(".path-place__position").text());
    URI second = URI.create(link(place, "Next").absUrl("href"));
    Document two = open(chromium, second);
    assertEquals("incidents/INC-2025-002/", place(two, "Payments on-call").attr("data-path-read"));
    assertEquals("2 of 5 in Payments on-call", place(two, "Payments on-call").selectFirst(".path-place__position").text());
    assertEquals(first, URI.create(link(place(two, "Payments on-call"), "Previous").absUrl("href")), "previous leads back");

    path = open(chromium, pathPage);
    assertEquals("2 of 5 read", path.selectFirst("[data-path-progress]").text());
    assertEquals(List.of("incidents/INC-2022-011/", "incidents/INC-2025-002/"), ticked(path));
    Element next = path.selectFirst("[data-path-continue]");
    assertEquals("Continue with step 3", next.text());
    assertEquals(path.select("[data-path-step]").get(2).selectFirst("a").absUrl("href"), next.absUrl("href"));

    // Both are steps of "Every new engineer" too (2 and 4): a page read counts in every path it is in.
    Document other = open(chromium, site.resolve("paths/every-new-engineer/index.html").toUri());
    assertEquals(List.of("incidents/INC-2022-011/", "incidents/INC-2025-002/"), ticked(other));
    assertEquals("2 of 6 read", other.selectFirst("[data-path-progress]").text());
    assertEquals("Continue with step 1", other.selectFirst("[data-path-continue]").text());
  }

  private static Document open(Chromium chromium, URI url) throws Exception {
    return Jsoup.parse(chromium.dumpDom(url.toString()), url.toString());
  }

  private static List<String> ticked(Document path) {
    return path.select("[data-path-step]").stream()
        .filter(s -> s.hasClass("path-step--read") && !s.selectFirst("[data-path-tick]").hasAttr("hidden"))
        .map(s -> s.attr("data-path-step")).toList();
  }

  private static Element place(Document page, String pathTitle) {
    return page.select(".path-place").stream().filter(p -> p.attr("aria-label").startsWith(pathTitle + ":")).findFirst()
        .orElseThrow(() -> new AssertionError("no place in " + pathTitle + " on " + page.location()));
  }

  private static Element link(Element place, String text) {
    return place.select("a.path-place__link").stream().filter(a -> a.text().contains(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + text + " link in " + place));
  }
}
