package dev.casebook.validate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.validate.LibraryFixtures.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code casebook check} and {@code casebook build} on every library under
 * {@code src/test/resources/invalid}: one folder per kind of mistake, each with the exact
 * diagnostics {@code check} must print in {@code expected.txt}.
 */
class InvalidLibrariesTest {

  /** The kinds of mistake this suite must cover; each needs a folder under invalid/. */
  private static final List<String> REQUIRED_CASES = List.of(
      "unterminated-front-matter", "missing-front-matter", "front-matter-not-a-mapping", "malformed-yaml",
      "duplicate-keys", "missing-required-fields", "empty-required-field", "wrong-types", "invalid-date",
      "invalid-timestamp", "timestamps-out-of-order", "duplicate-ids", "unsafe-ids", "id-pattern-mismatch",
      "unknown-related-id", "related-self", "vocabulary", "not-utf8", "nul-byte", "oversized-file",
      "yaml-alias-bomb", "unsafe-yaml-tag", "config-errors", "broken-links", "link-outside-library", "mixed", "code-config", "code-references",
      "code-checkout", "cited-unterminated-front-matter", "cited-write-ups-with-errors", "site-absolute-links",
      "raw-html-links", "reading-path-steps", "reading-path-fields", "glossary-fields", "catalog-fields");

  /** The cases whose mistakes are links: {@code build} refuses them with exactly the errors {@code check} gives. */
  static List<String> linkCases() {
    return List.of("broken-links", "link-outside-library", "site-absolute-links", "raw-html-links");
  }

  private static final String PREVIOUS_INDEX = "<!doctype html><title>The previous site</title>\n";

  static List<String> cases() throws IOException {
    return LibraryFixtures.invalidCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checkPrintsExactlyTheExpectedDiagnosticsAndExitsWithOne(String name, @TempDir Path tmp) throws IOException {
    Path library = LibraryFixtures.copy("invalid/" + name, tmp.resolve("library"));
    List<String> expected = Files.readAllLines(LibraryFixtures.resource("invalid/" + name).resolve("expected.txt"), UTF_8);

    Run run = LibraryFixtures.run("check", "--source", library.toString());

    assertEquals(String.join("\n", expected), String.join("\n", run.outLines()), "stdout of check on " + name);
    assertEquals(1, run.exitCode(), "exit code; stderr: " + run.err());
    long errors = expected.stream().filter(l -> l.contains(": error: ")).count();
    long warnings = expected.stream().filter(l -> l.contains(": warning: ")).count();
    assertTrue(run.err().contains(": " + errors + " error") && run.err().contains(", " + warnings + " warning"),
        "summary on stderr: " + run.err());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildFailsAndLeavesThePreviousSiteUntouched(String name, @TempDir Path tmp) throws IOException {
    Path library = LibraryFixtures.copy("invalid/" + name, tmp.resolve("library"));
    Path parent = Files.createDirectories(tmp.resolve("public"));
    Path site = Files.createDirectories(parent.resolve("site"));
    Files.writeString(site.resolve(".casebook"), "This folder was written by Casebook.\n");
    Files.writeString(site.resolve("index.html"), PREVIOUS_INDEX);
    Files.createDirectories(site.resolve("incidents/INC-2023-001"));
    Files.writeString(site.resolve("incidents/INC-2023-001/index.html"), "<p>An old page</p>\n");
    Map<String, String> before = LibraryFixtures.snapshot(parent);

    Run run = LibraryFixtures.run("build", "--source", library.toString(), "--out", site.toString());

    assertEquals(1, run.exitCode(), "exit code; stderr: " + run.err());
    assertTrue(run.err().contains("Build failed"), run.err());
    assertEquals(PREVIOUS_INDEX, Files.readString(site.resolve("index.html")));
    // Same files with the same content, and nothing beside the site (no .site.casebook-* staging folder).
    assertEquals(before, LibraryFixtures.snapshot(parent));
    try (Stream<Path> siblings = Files.list(parent)) {
      assertEquals(List.of("site"), siblings.map(p -> p.getFileName().toString()).toList());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("linkCases")
  void buildRefusesBrokenLinksWithTheErrorsCheckGivesAtTheWriteUpsLines(String name, @TempDir Path tmp) throws IOException {
    Path library = LibraryFixtures.copy("invalid/" + name, tmp.resolve("library"));
    List<String> expected = Files.readAllLines(LibraryFixtures.resource("invalid/" + name).resolve("expected.txt"), UTF_8);

    Run check = LibraryFixtures.run("check", "--source", library.toString());
    Run build = LibraryFixtures.run("build", "--source", library.toString(), "--out", tmp.resolve("site").toString());

    assertEquals(String.join("\n", expected), String.join("\n", check.outLines()), "check on " + name);
    // build prints its problems on stderr, before its summary.
    List<String> built = build.err().lines().filter(l -> l.contains(": error: ") || l.contains(": warning: ")).toList();
    assertEquals(String.join("\n", expected), String.join("\n", built), "build on " + name);
    assertEquals(1, build.exitCode());
    assertTrue(expected.stream().allMatch(l -> l.startsWith("incidents/")), "every error is at a write-up's line");
  }

  @Test
  void everyRequiredKindOfMistakeHasAFixtureWithExpectedDiagnostics() throws IOException {
    List<String> cases = LibraryFixtures.invalidCases();
    List<String> missing = new ArrayList<>(REQUIRED_CASES);
    missing.removeAll(cases);
    assertEquals(List.of(), missing, "cases without a folder under invalid/");
    for (String name : cases) {
      Path expected = LibraryFixtures.resource("invalid/" + name).resolve("expected.txt");
      assertTrue(Files.isRegularFile(expected), name + " has no expected.txt");
      assertFalse(Files.readString(expected, UTF_8).isBlank(), name + " expects no diagnostics");
    }
  }

  @Test
  void reportsDuplicateIdsNamingBothFiles(@TempDir Path tmp) throws IOException {
    Path library = LibraryFixtures.copy("invalid/duplicate-ids", tmp.resolve("library"));

    List<String> lines = LibraryFixtures.run("check", "--source", library.toString()).outLines();

    String search = lines.stream().filter(l -> l.startsWith("incidents/2024/INC-2024-001-search.md")).findFirst().orElseThrow();
    assertTrue(search.contains("also used by incidents/2024/INC-2024-001-checkout.md:2:1"), search);
  }

  @Test
  void reportsEveryProblemOfEveryFileInOneRun(@TempDir Path tmp) throws IOException {
    Path library = LibraryFixtures.copy("invalid/mixed", tmp.resolve("library"));

    List<String> lines = LibraryFixtures.run("check", "--source", library.toString()).outLines();

    List<String> files = lines.stream().filter(l -> !l.contains(": note: ")).map(l -> l.substring(0, l.indexOf(':'))).distinct().toList();
    assertEquals(List.of("casebook.yml", "incidents/2024/INC-2024-002-bad-date.md",
        "incidents/2024/INC-2024-003-duplicate.md", "incidents/2024/INC-2024-004-quote.md",
        "incidents/2024/INC-2024-005-no-front-matter.md", "incidents/2025/INC-2025-001.md"), files);
    assertEquals(6, lines.stream().filter(l -> l.startsWith("incidents/2025/INC-2025-001.md:")).count(), String.join("\n", lines) + "\nfront matter problems and broken links of one file, in one run");
  }

  @Test
  void aRelatedIdWhoseWriteUpHasErrorsOfItsOwnGetsOnlyANotePointingAtThem(@TempDir Path tmp) throws IOException {
    // INC-2024-001 lists INC-2024-002, which exists but has an invalid date.
    Path library = LibraryFixtures.copy("invalid/mixed", tmp.resolve("library"));

    List<String> lines = LibraryFixtures.run("check", "--source", library.toString()).outLines();

    assertEquals(List.of("incidents/2024/INC-2024-001-valid.md:6:11: note: related write-up 'INC-2024-002' has errors of its own "
        + "(see incidents/2024/INC-2024-002-bad-date.md:1)"),
        lines.stream().filter(l -> l.startsWith("incidents/2024/INC-2024-001-valid.md")).toList(), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("incidents/2024/INC-2024-002-bad-date.md:4:7: error: invalid date")));
  }

  @Test
  void acceptsTheValidLibraryWithAByteOrderMarkAndCrlfLineEndings(@TempDir Path tmp) throws IOException {
    Path library = LibraryFixtures.copy("valid", tmp.resolve("library"));
    Path bom = library.resolve("incidents/2024/INC-2024-001-checkout-latency.md");
    byte[] bytes = Files.readAllBytes(bom);
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '-'}, java.util.Arrays.copyOf(bytes, 4),
        "the fixture must start with a UTF-8 byte order mark");
    Path draft = library.resolve("incidents/2024/INC-2024-002-dns.md");
    Files.writeString(draft, Files.readString(draft).replace("\n", "\r\n"));

    Run run = LibraryFixtures.run("check", "--source", library.toString());

    assertEquals("", run.out());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("Checked 2 write-ups: 0 errors, 0 warnings."), run.err());
  }

  @Test
  void acceptsAWriteUpOfExactlyTheSizeLimit(@TempDir Path tmp) throws IOException {
    Path library = LibraryFixtures.copy("invalid/oversized-file", tmp.resolve("library"));
    Files.delete(library.resolve("incidents/INC-2024-001-huge.md"));

    Run run = LibraryFixtures.run("check", "--source", library.toString());

    // One paragraph of 2 MiB: the writing coach suggests breaking it up, and that is all.
    assertEquals("incidents/INC-2024-002-at-limit.md:7:1: hint: long-paragraphs: this paragraph has 427972 words "
        + "(more than 180) (break it where the idea changes; a heading or a list may carry the structure)\n", run.out());
    assertEquals(0, run.exitCode(), run.err());
  }
}
