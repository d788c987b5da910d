package dev.casebook.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.GitRepo;
import dev.casebook.validate.LibraryFixtures;
import dev.casebook.validate.LibraryFixtures.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --changed-since REF} in a real git repository, made with JGit, whose library is a
 * folder of it: only the problems a change is answerable for are reported.
 */
class ChangedSinceTest {
  @TempDir Path tmp;
  GitRepo repo;
  Path library;
  String before;

  static String writeUp(String id, String title, String extra) {
    return "---\nid: " + id + "\ntitle: " + title + "\ndate: 2024-03-05\n" + extra + "---\n\nBody of " + title + ".\n";
  }

  /**
   * The library at the base commit: A, B with an old error (it cites an id nobody has), C citing
   * A, and a README outside the library.
   */
  @BeforeEach
  void aRepositoryWithALibraryInAFolder() {
    repo = GitRepo.init(tmp.resolve("repo"));
    repo.write("README.md", "# Not the library\n")
        .write("library/casebook.yml", "title: Test\nid_pattern: 'INC-\\d{4}-\\d{3}'\n")
        .write("library/incidents/a.md", writeUp("INC-2024-001", "Alpha", ""))
        .write("library/incidents/b.md", writeUp("INC-2024-002", "Beta", "related: [INC-2024-099]\n"))
        .write("library/incidents/c.md", writeUp("INC-2024-003", "Gamma", "related: [INC-2024-001]\n"));
    before = repo.commitAll("A library with one old problem");
    library = repo.root().resolve("library");
  }

  Run check(String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "check";
    args[1] = "--source";
    args[2] = library.toString();
    System.arraycopy(more, 0, args, 3, more.length);
    return LibraryFixtures.run(args);
  }

  @Test
  void reportsProblemsInChangedFilesAndWhatTheChangeBrokeElsewhereButNotOlderProblems() {
    // Committed: A's id changes, which breaks C's citation. In the work tree only: a new write-up with a bad date.
    repo.write("library/incidents/a.md", writeUp("INC-2024-009", "Alpha", "")).commitAll("Renumber A");
    repo.write("library/incidents/d.md", "---\nid: INC-2024-004\ntitle: Delta\ndate: 2024-02-30\n---\n\nBody.\n");
    repo.write("README.md", "# Changed, but not in the library\n");

    Run all = check();
    assertEquals(3, all.outLines().size(), "without --changed-since, every problem: " + all.out());

    Run run = check("--changed-since", before);
    assertEquals(1, run.exitCode(), run.err());
    assertEquals(List.of(
        "incidents/c.md:5:11: error: unknown incident id 'INC-2024-001' in 'related' (did you mean 'INC-2024-002'?)",
        "incidents/d.md:4:7: error: invalid date '2024-02-30' in 'date' (February 2024 has 29 days)"), run.outLines());
    assertTrue(run.err().contains("2 errors, 0 warnings in files changed since " + before
        + " and what they break (1 older problem elsewhere not shown)"), run.err());

    Run github = check("--changed-since", before, "--format", "github");
    assertEquals(2, github.outLines().size(), github.out());
    assertTrue(github.outLines().get(0).startsWith("::error file=incidents/c.md,line=5,col=11,"), github.out());
  }

  @Test
  void aWriteUpBrokenByTheChangeIsTheOnlyPlaceReportedNotTheWriteUpsThatCiteIt() {
    // A's front matter loses its closing line; C, untouched, cites A in 'related' and in its body.
    String base = repo.write("library/incidents/c.md", writeUp("INC-2024-003", "Gamma", "related: [INC-2024-001]\n")
        + "As in INC-2024-001.\n").commitAll("C mentions A");
    repo.write("library/incidents/a.md", writeUp("INC-2024-001", "Alpha", "").replaceFirst("---\n\n", "\n"));

    Run run = check("--changed-since", base);
    assertEquals(List.of("incidents/a.md:1: error: unterminated front matter (close it with a '---' line before the body)"),
        run.outLines());
    assertEquals(1, run.exitCode(), run.err());
    Run github = check("--changed-since", base, "--format", "github");
    assertEquals(List.of("::error file=incidents/a.md,line=1,title=Casebook::unterminated front matter "
        + "(close it with a '---' line before the body)"), github.outLines());

    // Without --changed-since, C gets notes pointing at A's error, and no error.
    List<String> all = check().outLines();
    assertEquals(List.of(
        "incidents/a.md:1: error: unterminated front matter (close it with a '---' line before the body)",
        "incidents/b.md:5:11: error: unknown incident id 'INC-2024-099' in 'related' (did you mean 'INC-2024-001'?)",
        "incidents/c.md:5:11: note: related write-up 'INC-2024-001' has errors of its own (see incidents/a.md:1)",
        "incidents/c.md:9:7: note: cited write-up 'INC-2024-001' has errors of its own (see incidents/a.md:1)"), all);
  }

  @Test
  void aChangeThatBreaksNothingPassesEvenWhenTheLibraryHadProblemsBefore() {
    repo.write("library/incidents/a.md", writeUp("INC-2024-001", "Alpha, retitled", "")).commitAll("Retitle A");
    assertEquals(1, check().exitCode(), "the old problem fails a full check");
    Run run = check("--changed-since", "HEAD~1");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains("0 errors, 0 warnings in files changed since HEAD~1 and what they break (1 older problem elsewhere not shown)"),
        run.err());
  }

  @Test
  void aProblemInAChangedFileIsReportedEvenWhenItWasThereBefore() {
    repo.write("library/incidents/b.md", writeUp("INC-2024-002", "Beta, edited", "related: [INC-2024-099]\n"));
    Run run = check("--changed-since", before);
    assertEquals(1, run.exitCode());
    assertEquals(List.of("incidents/b.md:5:11: error: unknown incident id 'INC-2024-099' in 'related' (did you mean 'INC-2024-001'?)"),
        run.outLines());
  }

  @Test
  void changedFilesAreRelativeToTheLibraryAndIncludeDeletionsAndUntrackedFiles() throws Exception {
    repo.delete("library/incidents/c.md").commitAll("Remove C");
    repo.write("library/incidents/e.md", writeUp("INC-2024-005", "Epsilon", ""));
    repo.write("README.md", "changed\n");
    try (ChangesSince changes = ChangesSince.open(library, before)) {
      assertEquals(Set.of("incidents/c.md", "incidents/e.md"), changes.changedFiles());
      assertEquals(before, changes.baseCommit());
      Path base = tmp.resolve("base");
      changes.writeBase(base);
      assertTrue(java.nio.file.Files.exists(base.resolve("incidents/c.md")), "the library as it was");
      assertTrue(java.nio.file.Files.notExists(base.resolve("incidents/e.md")));
      assertTrue(java.nio.file.Files.notExists(base.resolve("README.md")), "only the library's folder");
    }
  }

  @Test
  void anUnknownRevisionOrAFolderOutsideGitIsAUsageError() throws Exception {
    Run unknown = check("--changed-since", "no-such-branch");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("unknown revision 'no-such-branch'"), unknown.err());

    Path plain = LibraryFixtures.copy("valid", tmp.resolve("plain"));
    Run outside = LibraryFixtures.run("check", "--source", plain.toString(), "--changed-since", "main");
    assertEquals(2, outside.exitCode());
    assertTrue(outside.err().contains("is not inside a git repository"), outside.err());
  }
}
