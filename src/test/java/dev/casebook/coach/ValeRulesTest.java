package dev.casebook.coach;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.validate.LibraryFixtures;
import dev.casebook.validate.LibraryFixtures.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's Vale rules (existence and substitution) from the folder {@code coach: {vale: ...}}
 * names, applied to the prose with the rules' own messages at the matches' positions; other rule
 * types are reported and skipped.
 */
class ValeRulesTest {
  @TempDir Path tmp;

  @Test
  void existenceAndSubstitutionRulesReportTheirMessageWhereTheMatchStarts() throws IOException {
    Path library = LibraryFixtures.copy("coach/vale", tmp.resolve("library"));
    List<String> expected = Files.readAllLines(LibraryFixtures.resource("coach/vale-expected.txt"), UTF_8);
    Run run = LibraryFixtures.run("check", "--source", library.toString());
    assertEquals(expected, run.outLines());
    assertEquals(0, run.exitCode());
  }

  @Test
  void withStrictARuleOfLevelErrorFailsTheCheckAndTheOthersStayHints() throws IOException {
    Path library = LibraryFixtures.copy("coach/vale", tmp.resolve("library"));
    Files.delete(library.resolve("styles/Acme/Repeated.yml"));
    Path config = library.resolve("casebook.yml");
    Files.writeString(config, "strict: true\n" + Files.readString(config, UTF_8), UTF_8);
    Run run = LibraryFixtures.run("check", "--source", library.toString());
    assertEquals(1, run.exitCode());
    List<String> errors = run.outLines().stream().filter(l -> l.contains(": error: ")).toList();
    assertEquals(3, errors.size(), run.out());
    assertTrue(errors.stream().allMatch(l -> l.contains("Acme.Terms")), run.out());
  }

  @Test
  void aPatternThatBacktracksWithoutEndIsStoppedAndReported() throws IOException {
    Path library = LibraryFixtures.copy("coach/vale", tmp.resolve("library"));
    Files.writeString(library.resolve("styles/Acme/Slow.yml"),
        "extends: existence\nmessage: slow\nnonword: true\nraw:\n  - '((x+)\\2?)+y'\n", UTF_8);
    Files.writeString(library.resolve("incidents/INC-2.md"),
        "---\nid: INC-2\ntitle: Many a\ndate: 2024-03-05\n---\n\n" + "x".repeat(40) + "\n", UTF_8);
    Run run = LibraryFixtures.run("check", "--source", library.toString());
    assertTrue(run.outLines().contains("styles/Acme/Slow.yml:1:1: hint: Acme.Slow: this Vale rule's pattern took too long on "
        + "incidents/INC-2.md and was stopped (simplify the pattern: nested repetition like (a+)+ can take exponential time)"),
        run.out());
  }

  @Test
  void aPatternThatRecursesTooDeepIsStoppedAndReported() throws IOException {
    Path library = LibraryFixtures.copy("coach/vale", tmp.resolve("library"));
    Files.writeString(library.resolve("styles/Acme/Deep.yml"),
        "extends: existence\nmessage: deep\nnonword: true\nraw:\n  - '(a|aa)+$'\n", UTF_8);
    Files.writeString(library.resolve("incidents/INC-2.md"),
        "---\nid: INC-2\ntitle: Many a\ndate: 2024-03-05\n---\n\n" + "a".repeat(50_000) + "b\n", UTF_8);
    Run run = LibraryFixtures.run("check", "--source", library.toString());
    assertTrue(run.outLines().stream().anyMatch(l -> l.startsWith("styles/Acme/Deep.yml:1:1: hint: Acme.Deep: this Vale rule's "
        + "pattern took too long")), run.out());
  }

  @Test
  void aMissingFolderIsAnErrorAtTheSetting() throws IOException {
    Path library = LibraryFixtures.copy("coach/vale", tmp.resolve("library"));
    Files.writeString(library.resolve("casebook.yml"), "coach:\n  vale: styles/Nope\n", UTF_8);
    Run run = LibraryFixtures.run("check", "--source", library.toString());
    assertEquals("casebook.yml:2:9: error: no folder 'styles/Nope' for the Vale rules (name a folder of Vale .yml rule files "
        + "inside the library)", run.outLines().get(0));
    assertEquals(1, run.exitCode());
  }
}
