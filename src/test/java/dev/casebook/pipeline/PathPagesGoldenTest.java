package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reading paths of {@code sites/paths/input} (in a folder set by {@code folders.paths}) build
 * to exactly {@code sites/paths/expected}: the paths' pages and the pages of their steps. After an
 * intended change, regenerate with {@code mvn test -Dtest=PathPagesGoldenTest -Dgolden.update=true}
 * and review the diff; regeneration refuses to run on CI.
 */
class PathPagesGoldenTest {
  /** The pages this fixture's golden files hold: those of the paths and of their steps. */
  private static final List<String> PAGES = List.of("paths/", "incidents/INC-", "design/0001-pools/");

  @TempDir Path tmp;

  @Test
  void pathPagesAndTheirStepsBuildToTheirGoldenPages() throws IOException {
    Path input = Fixtures.resource("sites/paths/input");
    Path out = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(input, out, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    Fixtures.assertGolden(out, Path.of("src/test/resources/sites/paths/expected"), path -> PAGES.stream().anyMatch(path::startsWith));
  }

  @Test
  void theHomePageStartsWithThePathsAndADraftStepIsLeftOutWithAWarning() throws IOException {
    Path out = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(Fixtures.resource("sites/paths/input"), out, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    assertEquals(List.of("onboarding/new-engineers.md:9:9: warning: write-up 'INC-2024-003' is a draft and is left out"
        + " of the site; so is its step"), result.diagnostics().stream().map(Object::toString).toList());
    Document home = Jsoup.parse(Files.readString(out.resolve("index.html")));
    assertEquals(List.of("Database on-call", "Every new engineer"), home.select(".start-here .path-card__title").eachText());
    assertEquals(List.of("For new on-call for the data team", "For every engineer in their first month"),
        home.select(".start-here .path-card__audience").eachText());
    assertEquals(List.of("2 steps", "3 steps"), home.select(".start-here .path-card__meta").eachText());
    assertEquals("paths/new-engineers/", home.select(".start-here .path-card__title a").get(1).attr("href"));
  }

  @Test
  void thePathsAreInTheMainNavigationAndTheSitemap() throws IOException {
    Path out = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(Fixtures.resource("sites/paths/input"), out, false, "https://example.com/"));
    assertTrue(result.written(), result.diagnostics().toString());
    Document path = Jsoup.parse(Files.readString(out.resolve("paths/db-on-call/index.html")));
    assertEquals(List.of("Incidents", "Paths", "Services", "Teams", "Tags", "Years", "Design", "Citations"),
        path.select(".site-nav a").eachText());
    assertEquals("true", path.selectFirst(".site-nav a[href=../../paths/]").attr("aria-current"));
    assertEquals("page", Jsoup.parse(Files.readString(out.resolve("paths/index.html")))
        .selectFirst(".site-nav a[href=../paths/]").attr("aria-current"));
    List<String> urls = Jsoup.parse(Files.readString(out.resolve("sitemap.xml")), "", org.jsoup.parser.Parser.xmlParser())
        .select("loc").eachText();
    assertTrue(urls.containsAll(List.of("https://example.com/paths/", "https://example.com/paths/db-on-call/",
        "https://example.com/paths/new-engineers/")), urls.toString());
  }
}
