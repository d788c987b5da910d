package dev.casebook.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.diag.Diagnostic;
import dev.casebook.testing.GitRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write-up's {@code code} references, pinned and checked against a real git checkout. */
class CodeReferencesTest {
  @TempDir Path tmp;

  private Path library(String checkoutPath, String... references) throws IOException {
    Path library = Files.createDirectories(tmp.resolve("library"));
    Files.writeString(library.resolve("casebook.yml"), """
        code:
          - name: shop
            url: https://github.com/acme/shop/
            path: %s
        """.formatted(checkoutPath));
    StringBuilder fm = new StringBuilder("---\nid: INC-2024-001\ntitle: Pool exhaustion\ndate: 2024-03-05\ncode:\n");
    for (String r : references) fm.append("  - ").append(r).append('\n');
    fm.append("---\n\nBody.\n");
    Files.createDirectories(library.resolve("incidents"));
    Files.writeString(library.resolve("incidents/INC-2024-001.md"), fm.toString());
    return library;
  }

  private static List<String> check(Path library) {
    return SiteBuild.check(library).diagnostics().stream().map(Diagnostic::toString).toList();
  }

  @Test
  void aReferenceWithoutACommitIsPinnedToTheCheckoutsHead() throws IOException {
    String head;
    try (GitRepo repo = GitRepo.init(tmp.resolve("library/shop"))) {
      head = repo.write("src/Pool.java", GitRepo.lines(30)).commitAll("pool");
    }
    Path library = library("shop", "{repo: shop, path: src/Pool.java, lines: 10-12}", "{repo: shop, path: src/Pool.java, lines: 30}");
    assertEquals(List.of(), check(library));

    Path out = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(library, out, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    Document page = Jsoup.parse(Files.readString(out.resolve("incidents/INC-2024-001/index.html")));
    List<String> links = page.select("section[aria-labelledby=code-title] a").eachAttr("href");
    assertEquals(List.of("https://github.com/acme/shop/blob/" + head + "/src/Pool.java#L10-L12",
        "https://github.com/acme/shop/blob/" + head + "/src/Pool.java#L30"), links);
    Element meta = page.selectFirst("section[aria-labelledby=code-title] .compact-list__meta");
    assertEquals("shop · lines 10-12 · at " + head.substring(0, 7), meta.text());
  }

  @Test
  void aMissingFileLinesPastTheEndAndAnUnknownCommitAreErrorsAtTheirLines() throws IOException {
    String first;
    try (GitRepo repo = GitRepo.init(tmp.resolve("library/shop"))) {
      first = repo.write("src/Pool.java", GitRepo.lines(20)).commitAll("pool");
    }
    Path library = library("shop",
        "{repo: shop, path: src/Missing.java, lines: 1}",
        "{repo: shop, path: src/Pool.java, lines: 18-25, commit: " + first.substring(0, 10) + "}",
        "{repo: shop, path: src/Pool.java, lines: 3, commit: deadbeefcafe}");
    assertEquals(List.of(
        "incidents/INC-2024-001.md:6:24: error: 'src/Missing.java' does not exist in 'shop' at HEAD (" + first.substring(0, 7)
            + ") (commit it first, or check the path)",
        "incidents/INC-2024-001.md:7:46: error: lines 18-25 are past the end of 'src/Pool.java' at commit "
            + first.substring(0, 7) + " (it has 20 lines)",
        "incidents/INC-2024-001.md:8:57: error: commit 'deadbeefcafe' is not in the checkout of 'shop'"
            + " (fetch it (git fetch), or check the commit id)"), check(library));
  }

  @Test
  void warnsWhenTheCitedLinesChangedSinceTheirCommitButNotWhenTheyOnlyMoved() throws IOException {
    String first;
    String head;
    try (GitRepo repo = GitRepo.init(tmp.resolve("library/shop"))) {
      first = repo.write("src/Pool.java", GitRepo.lines(20)).write("src/Old.java", GitRepo.lines(5)).commitAll("first");
      // Three lines inserted at the top move every cited line down without changing it...
      repo.write("src/Pool.java", "// header\n// header\n// header\n" + GitRepo.lines(20)).commitAll("header");
      // ...then line 15 changes and Old.java goes.
      head = repo.write("src/Pool.java", "// header\n// header\n// header\n" + GitRepo.lines(20).replace("line 15\n", "line fifteen\n"))
          .delete("src/Old.java").commitAll("change");
    }
    Path library = library("shop",
        "{repo: shop, path: src/Pool.java, lines: 10-12, commit: " + first + "}",
        "{repo: shop, path: src/Pool.java, lines: 14-16, commit: " + first + "}",
        "{repo: shop, path: src/Pool.java, lines: 16-20, commit: " + first + "}",
        "{repo: shop, path: src/Old.java, lines: 2, commit: " + first + "}");
    String since = " between " + first.substring(0, 7) + " and HEAD (" + head.substring(0, 7) + ")";
    assertEquals(List.of(
        "incidents/INC-2024-001.md:7:46: warning: the cited lines 14-16 of 'src/Pool.java' changed" + since
            + " (check that the write-up still describes the code; the link stays pinned to " + first.substring(0, 7) + ")",
        "incidents/INC-2024-001.md:9:45: warning: 'src/Old.java' was deleted or moved" + since
            + " (the link still shows it at " + first.substring(0, 7) + ")"), check(library));
  }

  @Test
  void anUnknownCommitInAShallowCloneIsAWarningBecauseItMayNotHaveBeenFetched() throws IOException {
    String head;
    try (GitRepo repo = GitRepo.init(tmp.resolve("library/shop"))) {
      head = repo.write("src/Pool.java", GitRepo.lines(5)).commitAll("pool");
    }
    // What git writes when it clones with --depth 1.
    Files.writeString(tmp.resolve("library/shop/.git/shallow"), head + "\n");
    Path library = library("shop", "{repo: shop, path: src/Pool.java, lines: 3, commit: 0123456789ab}");
    assertEquals(List.of("incidents/INC-2024-001.md:6:57: warning: commit '0123456789ab' is not in the checkout of 'shop',"
        + " so the reference is not checked (the checkout is shallow; fetch its history (git fetch --unshallow))"), check(library));
  }

  @Test
  void aCheckoutMayBeAFolderInsideALargerWorkTree() throws IOException {
    String head;
    try (GitRepo repo = GitRepo.init(tmp.resolve("library"))) {
      head = repo.write("vendor/shop/src/Pool.java", GitRepo.lines(5)).commitAll("vendored");
    }
    Path library = library("vendor/shop", "{repo: shop, path: src/Pool.java, lines: 2-3}", "{repo: shop, path: vendor/shop/src/Pool.java, lines: 1}");
    List<String> diagnostics = check(library);
    assertEquals(1, diagnostics.size(), diagnostics.toString());
    assertTrue(diagnostics.get(0).startsWith("incidents/INC-2024-001.md:7:24: error: 'vendor/shop/src/Pool.java' does not exist in 'shop' at HEAD ("
        + head.substring(0, 7) + ")"), diagnostics.get(0));
  }

  @Test
  void withoutACheckoutAReferenceLinksToTheBranchOrItsCommitUnchecked() throws IOException {
    Path library = Files.createDirectories(tmp.resolve("library"));
    Files.writeString(library.resolve("casebook.yml"), """
        code:
          - name: shop
            url: https://codeberg.org/acme/shop
            branch: trunk
        """);
    Files.createDirectories(library.resolve("incidents"));
    Files.writeString(library.resolve("incidents/INC-2024-001.md"), """
        ---
        id: INC-2024-001
        title: Pool exhaustion
        date: 2024-03-05
        code:
          - {repo: shop, path: src/My Pool.java, lines: 4-9}
          - {repo: shop, path: src/Pool.java, lines: 7, commit: 3F2C1AB}
        ---

        Body.
        """);
    Path out = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(library, out, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    assertEquals(List.of(), result.diagnostics());
    Document page = Jsoup.parse(Files.readString(out.resolve("incidents/INC-2024-001/index.html")));
    assertEquals(List.of("https://codeberg.org/acme/shop/src/branch/trunk/src/My%20Pool.java#L4-L9",
        "https://codeberg.org/acme/shop/src/commit/3f2c1ab/src/Pool.java#L7"),
        page.select("section[aria-labelledby=code-title] a").eachAttr("href"));
    assertTrue(page.select("section[aria-labelledby=code-title]").text().contains("on trunk"));
  }
}
