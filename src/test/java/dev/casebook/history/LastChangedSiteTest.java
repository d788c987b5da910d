package dev.casebook.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildProgress;
import dev.casebook.pipeline.LiveBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library that is a git repository of its own: each write-up says when it last changed, beside
 * the link to its history; the history is read by a full build, not by each update of the preview.
 */
class LastChangedSiteTest {
  @TempDir Path tmp;

  private static String writeUp(String id, String date, String extra) {
    return "---\nid: " + id + "\ntitle: Write-up " + id + "\ndate: " + date + "\n" + extra + "---\n\n## What happened\n\nText.\n";
  }

  private TestRepo library(String settings) throws Exception {
    TestRepo repo = TestRepo.init(tmp.resolve("library"));
    repo.write("casebook.yml", "title: Test\nedit_url: https://github.com/acme/incidents/edit/main/{path}\n" + settings);
    repo.write("incidents/INC-2024-001.md", writeUp("INC-2024-001", "2024-01-05", ""));
    repo.write("incidents/INC-2024-002.md", writeUp("INC-2024-002", "2024-01-06", "updated: 2024-02-01\n"));
    repo.commit("2024-03-10");
    repo.write("incidents/INC-2024-003.md", writeUp("INC-2024-003", "2024-01-07", "updated: 2024-02-02\n"));
    return repo;
  }

  private static Element revision(Path site, String id) throws Exception {
    Document page = Jsoup.parse(Files.readString(site.resolve("incidents/" + id + "/index.html")));
    return page.selectFirst(".incident__byline .incident__revision");
  }

  @Test
  void aWriteUpShowsItsLastCommitsDayNextToItsHistoryElseItsUpdatedDay() throws Exception {
    TestRepo repo = library("");
    Path site = tmp.resolve("site");
    LiveBuild build = new LiveBuild(new BuildOptions(repo.root, site, false, null));
    assertTrue(build.full(BuildProgress.NONE).written());

    Element committed = revision(site, "INC-2024-001");
    assertEquals("Last changed 10 March 2024 · History", committed.text());
    assertEquals("2024-03-10", committed.selectFirst("time").attr("datetime"));
    assertEquals("https://github.com/acme/incidents/commits/main/incidents/INC-2024-001.md",
        committed.selectFirst("a.incident__history").attr("href"));
    assertEquals("Last changed 10 March 2024 · History", revision(site, "INC-2024-002").text(), "git's day wins over updated");
    assertEquals("Last changed 2 February 2024 · History", revision(site, "INC-2024-003").text(), "not committed: updated");

    // A new commit is not read by an update of the preview, only by the next full build.
    repo.write("incidents/INC-2024-001.md", writeUp("INC-2024-001", "2024-01-05", "summary: Edited.\n"));
    repo.commit("2024-04-20");
    assertTrue(build.update(Set.of(repo.root.resolve("incidents/INC-2024-001.md")), pages -> {}).written());
    assertEquals("Last changed 10 March 2024 · History", revision(site, "INC-2024-001").text());
    assertTrue(build.full(BuildProgress.NONE).written());
    assertEquals("Last changed 20 April 2024 · History", revision(site, "INC-2024-001").text());
  }

  @Test
  void gitInfoFalseLeavesGitOut() throws Exception {
    TestRepo repo = library("git_info: false\n");
    Path site = tmp.resolve("site");
    assertTrue(new LiveBuild(new BuildOptions(repo.root, site, false, null)).full(BuildProgress.NONE).written());
    assertEquals("History", revision(site, "INC-2024-001").text(), "the link to the history stays");
    assertNull(revision(site, "INC-2024-001").selectFirst("time"));
    assertEquals("Last changed 1 February 2024 · History", revision(site, "INC-2024-002").text());
  }

  @Test
  void aLibraryInAFolderOfARepositoryShowsItsHistoryOnlyWithGitInfoTrue() throws Exception {
    TestRepo repo = TestRepo.init(tmp.resolve("repo"));
    repo.write("docs/library/casebook.yml", "title: Test\n");
    repo.write("docs/library/incidents/INC-2024-001.md", writeUp("INC-2024-001", "2024-01-05", ""));
    repo.commit("2024-03-10");
    Path library = repo.root.resolve("docs/library");
    Path site = tmp.resolve("site");
    assertTrue(new LiveBuild(new BuildOptions(library, site, false, null)).full(BuildProgress.NONE).written());
    assertNull(revision(site, "INC-2024-001"), "by default, the repository's history is not the library's");

    Files.writeString(library.resolve("casebook.yml"), "title: Test\ngit_info: true\n");
    assertTrue(new LiveBuild(new BuildOptions(library, site, false, null)).full(BuildProgress.NONE).written());
    assertEquals("Last changed 10 March 2024", revision(site, "INC-2024-001").text());
  }
}
