package dev.casebook.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.diag.Diagnostic;
import dev.casebook.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ways one write-up cites another, and the "Referenced by" they produce. */
class CitationsTest {
  @TempDir Path tmp;

  private Path library(String... files) throws IOException {
    Path root = tmp.resolve("lib");
    Files.createDirectories(root.resolve("incidents"));
    Files.writeString(root.resolve("casebook.yml"), "id_pattern: 'INC-\\d{3}'\n");
    for (int i = 0; i < files.length; i += 2) {
      Path file = root.resolve("incidents").resolve(files[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, files[i + 1]);
    }
    return root;
  }

  private static String writeUp(String id, String date, String extra, String body) {
    return "---\nid: " + id + "\ntitle: Write-up " + id + "\ndate: " + date + "\n" + extra + "---\n" + body;
  }

  private Document page(Path site, String id) {
    return Jsoup.parse(Fixtures.read(site.resolve("incidents/" + id + "/index.html")));
  }

  @Test
  void plainMentionsAndLinksByIdBecomeLinksOutsideCode() throws IOException {
    Path lib = library(
        "INC-001.md", writeUp("INC-001", "2024-01-01", "", "## What\n\nFirst.\n"),
        "INC-002.md", writeUp("INC-002", "2024-02-01", "",
            "As in INC-001, the cache lied. See [the first](INC-001#what) too.\n\n`INC-001` in code and [INC-001 text](https://x.example/) stay.\n"));
    Path site = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(lib, site, false, null));
    assertEquals(List.of(), result.diagnostics());
    Document page = page(site, "INC-002");
    List<String> hrefs = page.select("article.prose a").eachAttr("href");
    assertEquals(List.of("../INC-001/", "../INC-001/#what", "https://x.example/"), hrefs);
    assertEquals("INC-001", page.select("article.prose code").text());
  }

  @Test
  void referencedByShowsTheSentenceThatCites() throws IOException {
    Path lib = library(
        "INC-001.md", writeUp("INC-001", "2024-01-01", "", "First.\n"),
        "INC-002.md", writeUp("INC-002", "2024-02-01", "related: [INC-001]\n", "No mention here.\n"),
        "INC-003.md", writeUp("INC-003", "2024-03-01", "",
            "We had seen this before. The retry storm of INC-001 came back\nin a new shape! Then we fixed it.\n"));
    Path site = tmp.resolve("site");
    SiteBuild.build(new BuildOptions(lib, site, false, null));
    List<Element> items = page(site, "INC-001").select("[aria-labelledby=referenced-by-title] li");
    assertEquals(2, items.size());
    assertEquals("Write-up INC-003", items.get(0).select("a").first().text());
    assertEquals("The retry storm of INC-001 came back in a new shape!", items.get(0).select("q").text());
    assertEquals("Write-up INC-002", items.get(1).select("a").first().text());
    assertEquals("Lists it as related.", items.get(1).select(".compact-list__context").text());
  }

  @Test
  void anUnknownIdIsAnErrorAtItsLineAndADraftsIdAWarning() throws IOException {
    Path lib = library(
        "INC-001.md", writeUp("INC-001", "2024-01-01", "status: draft\n", "Draft.\n"),
        "INC-002.md", writeUp("INC-002", "2024-02-01", "", "Intro.\n\nLike INC-009 and [that one](INC-001).\n"));
    BuildResult check = SiteBuild.check(lib);
    assertEquals(List.of("incidents/INC-002.md:8:6: error: unknown incident id 'INC-009' (did you mean 'INC-001'?)"),
        check.diagnostics().stream().map(Diagnostic::toString).toList());

    Files.writeString(lib.resolve("incidents/INC-002.md"), writeUp("INC-002", "2024-02-01", "", "Like [that one](INC-001).\n"));
    Path site = tmp.resolve("site");
    BuildResult build = SiteBuild.build(new BuildOptions(lib, site, false, null));
    assertTrue(build.written());
    assertEquals(List.of("incidents/INC-002.md:6:6: warning: 'INC-001' is a write-up that is not in the site "
        + "(a draft, built only with --drafts)"), build.diagnostics().stream().map(Diagnostic::toString).toList());
    Element link = page(site, "INC-002").select("article.prose a").first();
    assertEquals("that one", link.text());
    assertTrue(!link.hasAttr("href"), "no link to a page that is not built");
  }

  @Test
  void linksToHeadingsMustNameHeadingsThatExist() throws IOException {
    Path lib = library(
        "INC-001.md", writeUp("INC-001", "2024-01-01", "", "## What happened\n\n## Red herrings\n"),
        "INC-002.md", writeUp("INC-002", "2024-02-01", "",
            "## Timeline\n\n[ok](#timeline), [ok too](INC-001#red-herrings), [bad](#timelin),\n[bad too](INC-001.md#what-hapened).\n"));
    assertEquals(List.of(
        "incidents/INC-002.md:8:50: error: link '#timelin' names a heading that this write-up does not have (did you mean '#timeline'?)",
        "incidents/INC-002.md:9:1: error: link 'INC-001.md#what-hapened' names a heading that 'INC-001' does not have (did you mean '#what-happened'?)"),
        SiteBuild.check(lib).diagnostics().stream().map(Diagnostic::toString).toList());
  }

  @Test
  void theSitePublishesTheGraphAndListsTheMostCitedAndTheUncited() throws IOException {
    Path lib = library(
        "INC-001.md", writeUp("INC-001", "2024-01-01", "", "First.\n"),
        "INC-002.md", writeUp("INC-002", "2024-02-01", "related: [INC-001]\n", "Like INC-001.\n"),
        "INC-003.md", writeUp("INC-003", "2024-03-01", "", "Both INC-001 and INC-002 again.\n"));
    Path site = tmp.resolve("site");
    assertTrue(SiteBuild.build(new BuildOptions(lib, site, false, null)).written());
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(site.resolve("citations.json").toFile());
    List<String> edges = new java.util.ArrayList<>();
    json.get("edges").forEach(e -> edges.add(e.get("from").asText() + ">" + e.get("to").asText() + ":" + e.get("type").asText()));
    assertEquals(List.of("INC-003>INC-001:link", "INC-003>INC-002:link", "INC-002>INC-001:related", "INC-002>INC-001:link"), edges);
    assertEquals(2, json.get("nodes").get(2).get("citedBy").asInt(), "INC-001 is cited by two write-ups");
    Document page = Jsoup.parse(Fixtures.read(site.resolve("citations/index.html")));
    assertEquals(List.of("Write-up INC-001", "Write-up INC-002"),
        page.select("[aria-labelledby=most-cited-title] li > a").eachText());
    assertEquals(List.of("Write-up INC-003"), page.select("[aria-labelledby=uncited-title] li > a").eachText());
  }

  @Test
  void commentsInCodeCountAsCitationsAndJoinTheGraphWithTheWriteUpsCodeReferences() throws IOException {
    Path lib = library(
        "INC-001.md", writeUp("INC-001", "2024-01-01", "code:\n  - {repo: shop, path: app/pool.py, lines: 1-2}\n", "First.\n"),
        "INC-002.md", writeUp("INC-002", "2024-02-01", "", "Second.\n"),
        "INC-003.md", writeUp("INC-003", "2024-03-01", "", "Like INC-001.\n"));
    Files.writeString(lib.resolve("casebook.yml"), "id_pattern: 'INC-\\d{3}'\ncode:\n"
        + "  - {name: shop, url: 'https://gitlab.com/acme/shop', path: shop, branch: trunk}\n");
    Files.createDirectories(lib.resolve("shop/app"));
    Files.writeString(lib.resolve("shop/app/pool.py"), "# Pool size is capped after INC-002.\nPOOL = 10  # INC-002, INC-999\n");
    Path site = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(lib, site, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    assertEquals(List.of("shop/app/pool.py:2:23: warning: a comment cites unknown incident id 'INC-999'"
        + " (no write-up has this id; the comment is not shown on the site)"), result.diagnostics().stream().map(Diagnostic::toString).toList());

    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(site.resolve("citations.json").toFile());
    List<String> edges = new java.util.ArrayList<>();
    json.get("edges").forEach(e -> edges.add(e.get("from").asText() + ">" + e.get("to").asText() + ":" + e.get("type").asText()));
    assertEquals(List.of("INC-003>INC-001:link", "code:shop/app/pool.py#L1>INC-002:code", "code:shop/app/pool.py#L2>INC-002:code",
        "INC-001>code:shop/app/pool.py#L1-L2:code-reference"), edges);
    List<String> codeNodes = new java.util.ArrayList<>();
    json.get("nodes").forEach(n -> {
      if (n.get("type").asText().equals("code")) codeNodes.add(n.get("id").asText() + " " + n.get("url").asText());
    });
    assertEquals(List.of("code:shop/app/pool.py#L1-L2 https://gitlab.com/acme/shop/-/blob/trunk/app/pool.py#L1-2",
        "code:shop/app/pool.py#L1 https://gitlab.com/acme/shop/-/blob/trunk/app/pool.py#L1",
        "code:shop/app/pool.py#L2 https://gitlab.com/acme/shop/-/blob/trunk/app/pool.py#L2"), codeNodes);

    Document citations = Jsoup.parse(Fixtures.read(site.resolve("citations/index.html")));
    assertEquals(List.of("Write-up INC-002", "Write-up INC-001"), citations.select("[aria-labelledby=most-cited-title] li > a").eachText());
    assertTrue(citations.select("[aria-labelledby=most-cited-title] li").get(0).text().endsWith("cited by 2 places in code"));
    assertEquals(List.of("Write-up INC-003"), citations.select("[aria-labelledby=uncited-title] li > a").eachText());

    Document second = page(site, "INC-002");
    assertEquals(List.of("app/pool.py:1", "app/pool.py:2"), second.select("[aria-labelledby=cited-in-code-title] li > a").eachText());
    assertEquals(List.of("Pool size is capped after INC-002.", "INC-002, INC-999"),
        second.select("[aria-labelledby=cited-in-code-title] q").eachText());
  }

  @Test
  void designDocumentsGetPagesAndShowOnTheWriteUpsTheyCite() throws IOException {
    Path lib = library(
        "INC-001.md", writeUp("INC-001", "2024-01-01", "", "## What happened\n\nFirst.\n"),
        "INC-002.md", writeUp("INC-002", "2024-02-01", "", "Second.\n"));
    Files.createDirectories(lib.resolve("design/adr"));
    Files.writeString(lib.resolve("design/adr/0001-retries.md"), "---\ntitle: Retry budgets\nstatus: accepted\n"
        + "authors: [Ana]\ndate: 2024-03-01\n---\nWe learned from INC-001 that retries multiply. See [the notes](notes.txt).\n");
    Files.writeString(lib.resolve("design/README.md"), "Not a design document.\n");
    Path site = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(lib, site, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    assertEquals(List.of("design/adr/0001-retries.md:7:52: warning: link 'notes.txt' in a design document leads to a file "
        + "that is not published; it is shown as text"), result.diagnostics().stream().map(Diagnostic::toString).toList());

    Document design = Jsoup.parse(Fixtures.read(site.resolve("design/0001-retries/index.html")));
    assertEquals("Retry budgets", design.select("h1").text());
    assertEquals(List.of("Write-up INC-001"), design.select("[aria-labelledby=design-cites-title] li > a").eachText());
    assertEquals("../../incidents/INC-001/", design.select("article.prose a").first().attr("href"));

    List<Element> cited = page(site, "INC-001").select("[aria-labelledby=cited-by-design-title] li");
    assertEquals(1, cited.size());
    assertEquals("Retry budgets", cited.get(0).select("a").text());
    assertEquals("We learned from INC-001 that retries multiply.", cited.get(0).select("q").text());
    assertTrue(page(site, "INC-001").select("[aria-labelledby=referenced-by-title]").isEmpty(), "designs are not write-ups");
    assertTrue(page(site, "INC-002").select("[aria-labelledby=cited-by-design-title]").isEmpty());
    assertEquals(List.of("Retry budgets"), Jsoup.parse(Fixtures.read(site.resolve("design/index.html"))).select(".compact-list a").eachText());
    String json = Fixtures.read(site.resolve("citations.json"));
    assertTrue(json.contains("{\"from\":\"design/0001-retries\",\"to\":\"INC-001\",\"type\":\"design\""), json);
  }

  @Test
  void designDocumentsNeedATitleAndDistinctFileNames() throws IOException {
    Path lib = library("INC-001.md", writeUp("INC-001", "2024-01-01", "", "First.\n"));
    Files.writeString(lib.resolve("casebook.yml"), "id_pattern: 'INC-\\d{3}'\nfolders:\n  design: [a, b, missing]\n");
    Files.createDirectories(lib.resolve("a"));
    Files.createDirectories(lib.resolve("b"));
    Files.writeString(lib.resolve("a/plan.md"), "---\ntitle: Plan A\n---\nText.\n");
    Files.writeString(lib.resolve("b/plan.md"), "---\ntitle: Plan B\n---\nText.\n");
    Files.writeString(lib.resolve("b/untitled.md"), "---\nstatus: draft\n---\nText.\n");
    assertEquals(List.of(
        "b/plan.md:1: error: design document 'plan' has the same name as a/plan.md (design pages are named after their file; rename one)",
        "b/untitled.md:1: error: a design document needs a 'title'",
        "casebook.yml: warning: design folder 'missing' does not exist"),
        SiteBuild.check(lib).diagnostics().stream().map(Diagnostic::toString).toList());
  }

  @Test
  void aWriteUpsCitedIdsComeInTheOrderItFirstCitesThemAsOneListPerGraph() {
    dev.casebook.diag.SourcePosition at = dev.casebook.diag.SourcePosition.of("a.md");
    CitationGraph graph = new CitationGraph(List.of(
        new Citation("INC-001", "INC-003", Citation.Kind.LINK, at, ""),
        new Citation("INC-001", "INC-002", Citation.Kind.RELATED, at, ""),
        new Citation("INC-001", "INC-003", Citation.Kind.RELATED, at, ""),
        new Citation("INC-002", "INC-001", Citation.Kind.LINK, at, "")));
    assertEquals(List.of("INC-003", "INC-002"), graph.citesInOrder("INC-001"));
    assertSame(graph.citesInOrder("INC-001"), graph.citesInOrder("INC-001"), "the same list, so pages compare it by identity");
    assertEquals(List.of(), graph.citesInOrder("INC-003"));
  }
}
