package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.diag.Diagnostic;
import dev.casebook.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuildTest {
  @TempDir Path tmp;

  private final Path minimal = Fixtures.resource("sites/minimal/input");

  private BuildResult build(Path library, Path out, boolean drafts) throws IOException {
    return SiteBuild.build(new BuildOptions(library, out, drafts, null));
  }

  private Document page(Path site, String path) {
    return Jsoup.parse(Fixtures.read(site.resolve(path)));
  }

  @Test
  void writesEveryPageOfTheSiteAndLeavesDraftsOut() throws IOException {
    Path out = tmp.resolve("site");
    BuildResult result = build(minimal, out, false);
    assertEquals(List.of(), result.diagnostics());
    assertTrue(result.written());
    assertEquals(2, result.incidents());
    for (String path : List.of("index.html", "incidents/index.html", "incidents/INC-2024-001/index.html",
        "incidents/INC-2024-002/index.html", "services/index.html", "services/api/index.html", "services/db/index.html",
        "teams/index.html", "teams/core/index.html", "teams/data/index.html", "tags/dns/index.html",
        "tags/failover/index.html", "years/index.html", "years/2024/index.html", "404.html", "feed.xml", "sitemap.xml",
        "assets/casebook.css", "assets/casebook.js", "assets/vendor/mermaid.min.js",
        "media/2024/INC-2024-002/lag.svg")) {
      assertTrue(Files.isRegularFile(out.resolve(path)), path);
    }
    assertFalse(Files.exists(out.resolve("incidents/INC-2024-003")), "drafts stay out");
  }

  @Test
  void includesDraftsWhenAsked() throws IOException {
    Path out = tmp.resolve("site");
    assertEquals(3, build(minimal, out, true).incidents());
    assertTrue(Files.isRegularFile(out.resolve("incidents/INC-2024-003/index.html")));
  }

  @Test
  void twoBuildsOfTheSameLibraryAreByteIdentical() throws IOException {
    build(minimal, tmp.resolve("a"), false);
    build(minimal, tmp.resolve("b"), false);
    Map<String, byte[]> a = Fixtures.files(tmp.resolve("a"));
    Map<String, byte[]> b = Fixtures.files(tmp.resolve("b"));
    assertEquals(a.keySet(), b.keySet());
    for (String path : a.keySet()) assertArrayEquals(a.get(path), b.get(path), path);
  }

  @Test
  void rewritesLinksToOtherWriteUpsAndImagesToTheirPagesAndCopies() throws IOException {
    Path out = tmp.resolve("site");
    build(minimal, out, false);
    Document page = page(out, "incidents/INC-2024-002/index.html");
    assertEquals(1, page.select("a[href=../INC-2024-001/#what-happened]").size(), "body link to the other write-up");
    assertEquals(1, page.select("img[src=../../media/2024/INC-2024-002/lag.svg]").size());
    assertEquals(1, page.select("pre.mermaid").size());
    assertEquals(1, page.select("script[src=../../assets/vendor/mermaid.min.js]").size());
    Document cited = page(out, "incidents/INC-2024-001/index.html");
    assertFalse(cited.select("a[href$=incidents/INC-2024-002/]").isEmpty(), "the cited write-up links back");
    assertTrue(page(out, "incidents/INC-2024-001/index.html").select("script[src*=mermaid]").isEmpty(),
        "pages without diagrams do not load Mermaid");
  }

  @Test
  void escapesFrontMatterAndShowsDerivedDurations() throws IOException {
    Path library = Fixtures.copy(minimal, tmp.resolve("lib"));
    Path file = library.resolve("incidents/2024/INC-2024-001-dns.md");
    Files.writeString(file, Fixtures.read(file).replace("title: DNS record vanished", "title: \"<script>alert(1)</script> DNS\""));
    Path out = tmp.resolve("site");
    build(library, out, false);
    String html = Fixtures.read(out.resolve("incidents/INC-2024-001/index.html"));
    assertFalse(html.contains("<script>alert(1)"), "titles are escaped");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; DNS"));
    String text = Jsoup.parse(html).text();
    assertTrue(text.contains("12 min"), "time to detect");
    assertTrue(text.contains("1 h 47 min"), "time to mitigate");
    assertTrue(text.contains("3 h"), "duration");
  }

  @Test
  void aFailedBuildLeavesThePreviousSiteUntouched() throws IOException {
    Path library = Fixtures.copy(minimal, tmp.resolve("lib"));
    Path out = tmp.resolve("site");
    assertTrue(build(library, out, false).written());
    Map<String, byte[]> before = Fixtures.files(out);
    Files.writeString(library.resolve("incidents/2024/INC-2024-001-dns.md"), "---\nid: INC-2024-001\n");
    BuildResult failed = build(library, out, false);
    assertFalse(failed.written());
    assertTrue(failed.hasErrors());
    Map<String, byte[]> after = Fixtures.files(out);
    assertEquals(before.keySet(), after.keySet());
    for (String path : before.keySet()) assertArrayEquals(before.get(path), after.get(path), path);
    try (var siblings = Files.list(tmp)) {
      assertEquals(List.of("lib", "site"), siblings.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aLibraryOverridesATemplateAndTemplateErrorsNameTheFileAndLine() throws IOException {
    Path library = Fixtures.copy(minimal, tmp.resolve("lib"));
    Files.createDirectories(library.resolve("site-template"));
    Files.writeString(library.resolve("site-template/404.ftlh"), "<p>Lost: ${site.title}</p>\n");
    Path out = tmp.resolve("site");
    assertTrue(build(library, out, false).written());
    assertEquals("<p>Lost: Minimal library</p>\n", Fixtures.read(out.resolve("404.html")));

    Files.writeString(library.resolve("site-template/404.ftlh"), "<p>\n${site.nonsense.deeper}</p>\n");
    BuildResult failed = build(library, out, false);
    assertFalse(failed.written());
    Diagnostic error = failed.diagnostics().get(0);
    assertEquals("site-template/404.ftlh", error.position().file());
    assertEquals(2, error.position().line());
    assertEquals("<p>Lost: Minimal library</p>\n", Fixtures.read(out.resolve("404.html")), "old site kept");
  }

  @Test
  void aBaseUrlGivenOnTheCommandLineWinsOverTheLibrarys() throws IOException {
    Path out = tmp.resolve("site");
    SiteBuild.build(new BuildOptions(minimal, out, false, "http://localhost:9999"));
    assertTrue(Fixtures.read(out.resolve("sitemap.xml")).contains("<loc>http://localhost:9999/incidents/INC-2024-001/</loc>"));
    assertTrue(Fixtures.read(out.resolve("feed.xml")).contains("http://localhost:9999/incidents/INC-2024-002/"));
  }

  @Test
  void checkValidatesDraftsTooAndWritesNothing() throws IOException {
    Path library = Fixtures.copy(minimal, tmp.resolve("lib"));
    Path draft = library.resolve("incidents/2024/INC-2024-003-draft.md");
    Files.writeString(draft, Fixtures.read(draft).replace("date: 2024-05-05", "date: 2024-05-05\nservices: [nope]"));
    BuildResult result = SiteBuild.check(library);
    assertEquals(List.of("incidents/2024/INC-2024-003-draft.md:5:12: error: unknown service 'nope' "
        + "(add it to vocabularies.services in casebook.yml if it is new)"),
        result.diagnostics().stream().map(Diagnostic::toString).toList());
    assertFalse(Files.exists(library.resolve("_site")));
  }

  @Test
  void aTemplateThatLinksToAMissingPageFailsTheBuild() throws IOException {
    Path library = Fixtures.copy(minimal, tmp.resolve("lib"));
    Files.createDirectories(library.resolve("site-template"));
    Files.writeString(library.resolve("site-template/404.ftlh"), "<a href=\"${root}no-such-page/\">x</a>\n");
    BuildResult failed = build(library, tmp.resolve("site"), false);
    assertFalse(failed.written());
    assertEquals(List.of("site-template/404.ftlh: error: page /404.html links to '/no-such-page/', which does not exist"),
        failed.diagnostics().stream().map(Diagnostic::toString).toList());
  }
}
