package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildProgress;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.LiveBuild;
import dev.casebook.diag.DiagnosticFormat;
import dev.casebook.serve.LiveReload;
import dev.casebook.serve.PreviewServer;
import dev.casebook.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview of a broken library in headless Chromium, as served by {@code casebook serve}: with
 * no good site yet, every page is the list of problems; with a last good site, its pages show the
 * problems over them as soon as they load. Problems are text, never markup.
 */
class PreviewProblemsInBrowserTest {
  static final String HOSTILE = "<img src=x onerror=alert(1)>";
  @TempDir Path tmp;

  /** The minimal library with INC-2024-001's date broken (and hostile), built as serve builds it. */
  BuildResult breakAndBuild(Path library, Path site) throws Exception {
    Path file = library.resolve("incidents/2024/INC-2024-001-dns.md");
    Files.writeString(file, Files.readString(file).replace("date: 2024-01-10", "date: " + HOSTILE));
    BuildResult result = new LiveBuild(new BuildOptions(library, site, true, null)).full(BuildProgress.NONE);
    assertFalse(result.written());
    return result;
  }

  static List<String> problems(Document dom) {
    Element box = dom.getElementById("casebook-problems");
    assertNotNull(box, "the problems are shown: " + dom.body().html());
    return box.select("li").eachText();
  }

  @Test
  void withNoGoodSiteYetEveryPageIsTheListOfProblems() throws Exception {
    Path library = Fixtures.copy(Fixtures.resource("sites/minimal/input"), tmp.resolve("library"));
    Path site = tmp.resolve("site");
    BuildResult result = breakAndBuild(library, site);
    LiveReload live = new LiveReload();
    live.problems(DiagnosticFormat.JSON.format(result.diagnostics()));
    try (PreviewServer server = PreviewServer.start(site, 0, live)) {
      Document dom = Jsoup.parse(Chromium.find(tmp).dumpDomOnLoad(server.url() + "incidents/INC-2024-002/"));
      List<String> items = problems(dom);
      assertTrue(items.get(0).startsWith("incidents/2024/INC-2024-001-dns.md:4:7: error: invalid date '" + HOSTILE + "'"),
          items::toString);
      assertTrue(dom.getElementById("casebook-problems").selectFirst("p").text().startsWith("The site could not be built (1 error)."),
          dom.body().html());
      assertEquals(0, dom.select("img").size(), "messages are text, never markup");
      assertEquals(1, dom.select("script[src=" + LiveReload.SCRIPT + "]").size(), "the page reloads once the build works");
    }
  }

  @Test
  void theLastGoodSitesPagesShowTheProblemsOverThemAtOnce() throws Exception {
    Path library = Fixtures.copy(Fixtures.resource("sites/minimal/input"), tmp.resolve("library"));
    Path site = tmp.resolve("site");
    assertTrue(new LiveBuild(new BuildOptions(library, site, true, null)).full(BuildProgress.NONE).written());
    BuildResult result = breakAndBuild(library, site);
    LiveReload live = new LiveReload();
    live.problems(DiagnosticFormat.JSON.format(result.diagnostics()));
    try (PreviewServer server = PreviewServer.start(site, 0, live)) {
      Document dom = Jsoup.parse(Chromium.find(tmp).dumpDomOnLoad(server.url() + "incidents/INC-2024-002/"));
      assertTrue(dom.select("h1").text().contains("Failover"), "the last good page: " + dom.select("h1").text());
      List<String> items = problems(dom);
      assertTrue(items.get(0).startsWith("incidents/2024/INC-2024-001-dns.md:4:7: error: invalid date '" + HOSTILE + "'"),
          items::toString);
      assertTrue(dom.getElementById("casebook-problems").selectFirst("p").text().startsWith("The last change broke the build (1 error)."));
      assertEquals(0, dom.select("#casebook-problems img").size(), "messages are text, never markup");
    }
  }
}
