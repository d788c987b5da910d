package dev.casebook.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The day each write-up last changed, from a real git repository made in the test. */
class GitHistoryTest {
  @TempDir Path tmp;

  /**
   * A library with a history: a write-up edited twice, one renamed without an edit, one renamed
   * with an edit, one edited but not committed, one never committed, and one deleted and made again.
   */
  private Path library(Path dir) throws Exception {
    TestRepo root = TestRepo.init(dir);
    root.write("incidents/a.md", "first\n");
    root.write("incidents/moved.md", "a write-up that will only move\nwith enough lines\nto be found as a rename\n");
    root.write("incidents/edited-move.md", "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n");
    root.write("incidents/dirty.md", "committed\n");
    root.write("incidents/gone.md", "old\n");
    root.commit("2024-01-10");
    root.write("incidents/a.md", "second\n");
    root.commit("2024-02-20");
    Files.createDirectories(dir.resolve("incidents/2024"));
    root.git(null, "mv", "incidents/moved.md", "incidents/2024/moved.md");
    root.commit("2024-03-05");
    root.git(null, "mv", "incidents/edited-move.md", "incidents/2024/edited-move.md");
    root.write("incidents/2024/edited-move.md", "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight and more\n");
    root.git(null, "rm", "-q", "incidents/gone.md");
    root.commit("2024-04-01");
    root.write("incidents/gone.md", "new\n");
    root.commit("2024-05-15");
    root.write("incidents/dirty.md", "edited, not committed\n");
    root.write("incidents/untracked.md", "never committed\n");
    return dir;
  }

  private static final List<String> PATHS = List.of("incidents/a.md", "incidents/2024/moved.md",
      "incidents/2024/edited-move.md", "incidents/dirty.md", "incidents/gone.md", "incidents/untracked.md");

  @Test
  void eachWriteUpHasTheDayOfItsLastCommitThatChangedIt() throws Exception {
    Path root = library(tmp.resolve("library"));
    Diagnostics diagnostics = new Diagnostics();
    LastChanges changes = GitHistory.read(root, GitInfo.AUTO, PATHS, diagnostics);
    assertEquals(Map.of(
        "incidents/a.md", LocalDate.parse("2024-02-20"),
        "incidents/2024/moved.md", LocalDate.parse("2024-01-10"),
        "incidents/2024/edited-move.md", LocalDate.parse("2024-04-01"),
        "incidents/dirty.md", LocalDate.parse("2024-01-10"),
        "incidents/gone.md", LocalDate.parse("2024-05-15")), changes.days(),
        "a move alone keeps the day; a move with an edit is a change; uncommitted edits and untracked files do not count");
    assertEquals(List.of(), diagnostics.sorted());
  }

  @Test
  void aLibraryInAFolderOfARepositoryHasNoDaysUnlessTheSettingAsksForThem() throws Exception {
    TestRepo git = TestRepo.init(tmp.resolve("repo"));
    git.write("docs/library/incidents/a.md", "first\n");
    git.write("src/other.md", "elsewhere\n");
    git.commit("2023-06-01");
    git.write("src/other.md", "elsewhere, later\n");
    git.commit("2023-07-01");
    Path repo = git.root;
    Path library = repo.resolve("docs/library");
    List<String> paths = List.of("incidents/a.md");
    assertEquals(LastChanges.NONE, GitHistory.read(library, GitInfo.AUTO, paths, new Diagnostics()),
        "not the top of the work tree: the repository's history may not be the library's");
    assertEquals(Map.of("incidents/a.md", LocalDate.parse("2023-06-01")),
        GitHistory.read(library, GitInfo.ON, paths, new Diagnostics()).days(), "paths are relative to the library");
    assertEquals(LastChanges.NONE, GitHistory.read(repo, GitInfo.OFF, List.of("src/other.md"), new Diagnostics()));
  }

  @Test
  void aFolderThatIsNoRepositoryHasNoDaysAndAWarningOnlyWhenAskedFor() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    Files.createDirectories(plain.resolve("incidents"));
    Files.writeString(plain.resolve("incidents/a.md"), "text\n");
    Diagnostics auto = new Diagnostics();
    assertEquals(LastChanges.NONE, GitHistory.read(plain, GitInfo.AUTO, List.of("incidents/a.md"), auto));
    assertEquals(List.of(), auto.sorted());
    Diagnostics on = new Diagnostics();
    assertEquals(LastChanges.NONE, GitHistory.read(plain, GitInfo.ON, List.of("incidents/a.md"), on));
    assertEquals(1, on.sorted().size(), on.sorted().toString());
    assertTrue(on.sorted().get(0).toString().contains("git_info"), on.sorted().toString());
  }
}
