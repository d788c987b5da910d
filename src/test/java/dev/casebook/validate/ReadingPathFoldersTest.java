package dev.casebook.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.validate.LibraryFixtures.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where reading paths are read from: {@code paths/}, or the folder {@code folders.paths} names. */
class ReadingPathFoldersTest {
  @TempDir Path tmp;

  private static final String PATH = """
      ---
      title: Start here
      audience: everyone
      steps:
        - {id: INC-2024-001, reason: The first one.}
      ---
      """;

  @Test
  void aPathsFolderBesideWriteUpsInTheLibrarysRootHoldsPathsNotWriteUps() throws IOException {
    Path library = Files.createDirectories(tmp.resolve("library"));
    Files.writeString(library.resolve("INC-2024-001.md"), LibraryFixtures.validWriteUp("INC-2024-001", "First"));
    Files.createDirectories(library.resolve("paths"));
    Files.writeString(library.resolve("paths/start.md"), PATH);

    Run check = LibraryFixtures.run("check", "--source", library.toString());
    assertEquals(0, check.exitCode(), check.out() + check.err());
    assertTrue(check.err().contains("Checked 1 write-up: 0 errors, 0 warnings"), check.err());
    Run build = LibraryFixtures.run("build", "--source", library.toString(), "--out", tmp.resolve("site").toString());
    assertEquals(0, build.exitCode(), build.err());
    assertTrue(Files.readString(tmp.resolve("site/paths/start/index.html")).contains("The first one."));
  }

  @Test
  void aPathsFolderCasebookYmlNamesThatIsMissingIsAWarning() throws IOException {
    Path library = Files.createDirectories(tmp.resolve("library"));
    Files.createDirectories(library.resolve("incidents"));
    Files.writeString(library.resolve("incidents/INC-2024-001.md"), LibraryFixtures.validWriteUp("INC-2024-001", "First"));
    Files.writeString(library.resolve("casebook.yml"), "folders:\n  paths: onboarding\n");

    Run check = LibraryFixtures.run("check", "--source", library.toString());
    assertEquals(List.of("casebook.yml: warning: paths folder 'onboarding' does not exist"), check.outLines());
  }
}
