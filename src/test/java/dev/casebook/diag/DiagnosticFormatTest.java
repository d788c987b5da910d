package dev.casebook.diag;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.validate.LibraryFixtures;
import dev.casebook.validate.LibraryFixtures.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four ways {@code casebook check --format} prints diagnostics, through the real command line. */
class DiagnosticFormatTest {
  private static final String UNSAFE_ID_HINT =
      "use letters, digits, '.', '_' and '-', starting with a letter or digit";
  private static final String MISSING_FRONT_MATTER =
      "missing front matter (a write-up starts with a '---' line, then YAML with at least id, title and date)";

  @TempDir Path tmp;

  /**
   * A library whose diagnostics need escaping: a file name with ',' and ':', an id with '%' and a
   * line break, a warning, and a diagnostic with a line but no column.
   */
  private Path awkwardLibrary() throws IOException {
    Path library = tmp.resolve("library");
    write(library, "incidents/INC-1.md", "---\nid: INC-1\ntitle: Fine\ntitel: A typo\ndate: 2024-03-05\n---\n\nBody.\n");
    write(library, "incidents/a,b:c.md",
        "---\nid: \"100%\\nsure\"\ntitle: Percent and line break\ndate: 2024-03-05\n---\n\nBody.\n");
    write(library, "incidents/no-front-matter.md", "# No front matter\n");
    return library;
  }

  @Test
  void githubFormatPrintsOneEscapedWorkflowCommandPerDiagnostic() throws IOException {
    Run run = LibraryFixtures.run("check", "--source", awkwardLibrary().toString(), "--format", "github");

    assertEquals(List.of(
        "::warning file=incidents/INC-1.md,line=4,col=1,title=Casebook::"
            + "unknown key 'titel' is kept as an extra field (did you mean 'title'?)",
        "::error file=incidents/a%2Cb%3Ac.md,line=2,col=5,title=Casebook::"
            + "id '100%25%0Asure' is not safe in a URL or path (" + UNSAFE_ID_HINT + ")",
        "::error file=incidents/no-front-matter.md,line=1,title=Casebook::" + MISSING_FRONT_MATTER),
        run.outLines());
    assertEquals(1, run.exitCode());
  }

  @Test
  void githubFormatLeavesOutUnknownLineAndColumnAndEscapesCarriageReturns() {
    List<Diagnostic> diagnostics = List.of(
        Diagnostic.warning(SourcePosition.of("incidents"), "no 'incidents' folder: the library has no write-ups yet"),
        Diagnostic.error(SourcePosition.at("50%, really: yes.md", 3), "one\r\ntwo 50%", "a hint, with: punctuation"));

    assertEquals(
        "::warning file=incidents,title=Casebook::no 'incidents' folder: the library has no write-ups yet\n"
            + "::error file=50%25%2C really%3A yes.md,line=3,title=Casebook::one%0D%0Atwo 50%25 (a hint, with: punctuation)\n",
        DiagnosticFormat.GITHUB.format(diagnostics));
  }

  @Test
  void textFormatKeepsEachDiagnosticOnOneLine() throws IOException {
    Run run = LibraryFixtures.run("check", "--source", awkwardLibrary().toString());

    assertEquals(List.of(
        "incidents/INC-1.md:4:1: warning: unknown key 'titel' is kept as an extra field (did you mean 'title'?)",
        "incidents/a,b:c.md:2:5: error: id '100%\\nsure' is not safe in a URL or path (" + UNSAFE_ID_HINT + ")",
        "incidents/no-front-matter.md:1: error: " + MISSING_FRONT_MATTER),
        run.outLines());
    assertEquals(1, run.exitCode());
  }

  @Test
  void jsonFormatCarriesTheSameDiagnosticsAsText() throws IOException {
    Path library = LibraryFixtures.copy("invalid/mixed", tmp.resolve("mixed"));
    List<String> expected = Files.readAllLines(LibraryFixtures.resource("invalid/mixed/expected.txt"), UTF_8);

    Run run = LibraryFixtures.run("check", "--source", library.toString(), "--format", "json");

    assertEquals(1, run.exitCode());
    assertEquals("", run.err(), "json leaves stderr free of the summary");
    JsonNode array = new ObjectMapper().readTree(run.out());
    assertTrue(array.isArray(), run.out());
    List<String> asText = new ArrayList<>();
    for (JsonNode d : array) asText.add(asTextLine(d));
    assertEquals(expected, asText);

    JsonNode note = array.get(1);
    assertEquals("note", note.get("severity").asText());
    assertEquals("see incidents/2024/INC-2024-002-bad-date.md:1", note.get("hint").asText());

    JsonNode duplicate = array.get(5);
    assertEquals("incidents/2024/INC-2024-003-duplicate.md", duplicate.get("file").asText());
    assertEquals(2, duplicate.get("line").asInt());
    assertEquals(1, duplicate.get("column").asInt());
    assertEquals("error", duplicate.get("severity").asText());
    assertEquals("duplicate id 'INC-2024-001': also used by incidents/2024/INC-2024-001-valid.md:2:1",
        duplicate.get("message").asText());
    assertFalse(duplicate.has("hint"), "no hint field when there is no hint");

    JsonNode typo = array.get(3);
    assertEquals("warning", typo.get("severity").asText());
    assertEquals("did you mean 'title'?", typo.get("hint").asText());
  }

  @Test
  void jsonFormatKeepsLineBreaksAndPunctuationAsWritten() throws IOException {
    Run run = LibraryFixtures.run("check", "--source", awkwardLibrary().toString(), "--format", "json");

    JsonNode unsafe = new ObjectMapper().readTree(run.out()).get(1);
    assertEquals("incidents/a,b:c.md", unsafe.get("file").asText());
    assertEquals("id '100%\nsure' is not safe in a URL or path", unsafe.get("message").asText());
    assertEquals(UNSAFE_ID_HINT, unsafe.get("hint").asText());
    JsonNode noColumn = new ObjectMapper().readTree(run.out()).get(2);
    assertEquals(1, noColumn.get("line").asInt());
    assertEquals(0, noColumn.get("column").asInt());
  }

  @Test
  void gitlabFormatIsACodeQualityReportWhoseFingerprintsSurviveMovedLines() throws IOException {
    Path library = awkwardLibrary();
    Run run = LibraryFixtures.run("check", "--source", library.toString(), "--format", "gitlab");
    assertEquals(1, run.exitCode());
    assertEquals("", run.err(), "stdout is the report alone; nothing else is printed");
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertEquals(3, report.size(), run.out());
    JsonNode typo = report.get(0);
    assertEquals("unknown key 'titel' is kept as an extra field (did you mean 'title'?)", typo.get("description").asText());
    assertEquals("casebook", typo.get("check_name").asText());
    assertEquals("minor", typo.get("severity").asText(), "a warning");
    assertEquals("incidents/INC-1.md", typo.get("location").get("path").asText());
    assertEquals(4, typo.get("location").get("lines").get("begin").asInt());
    assertEquals("major", report.get(1).get("severity").asText(), "an error");
    assertEquals("incidents/a,b:c.md", report.get(1).get("location").get("path").asText());
    assertEquals(1, report.get(2).get("location").get("lines").get("begin").asInt());
    List<String> fingerprints = new ArrayList<>();
    report.forEach(d -> fingerprints.add(d.get("fingerprint").asText()));
    assertEquals(3, fingerprints.stream().distinct().count(), "unique: " + fingerprints);
    assertTrue(fingerprints.stream().allMatch(f -> f.matches("[0-9a-f]{64}")), fingerprints.toString());

    // Two lines more above the typo: the same problem keeps its fingerprint on its new line.
    write(library, "incidents/INC-1.md", "---\nid: INC-1\ntitle: Fine\nsummary: s\nowner: \"\"\ntitel: A typo\ndate: 2024-03-05\n---\n\nBody.\n");
    JsonNode moved = new ObjectMapper().readTree(LibraryFixtures.run("check", "--source", library.toString(), "--format", "gitlab").out()).get(0);
    assertEquals(6, moved.get("location").get("lines").get("begin").asInt());
    assertEquals(typo.get("fingerprint").asText(), moved.get("fingerprint").asText());
  }

  @Test
  void aNoteIsShownInEveryFormatBelowWarningsAndStrictDoesNotMakeItAnError() throws IOException {
    // B cites A, whose front matter is never closed; strict: true makes warnings errors, not notes.
    Path library = tmp.resolve("notes");
    write(library, "casebook.yml", "title: Notes\nstrict: true\n");
    write(library, "incidents/a.md", "---\nid: INC-1\ntitle: Never closed\ndate: 2024-03-05\n\nBody.\n");
    write(library, "incidents/b.md", "---\nid: INC-2\ntitle: Cites A\ndate: 2024-03-05\nrelated: [INC-1]\n---\n\nBody.\n");
    String error = "unterminated front matter (close it with a '---' line before the body)";
    String note = "related write-up 'INC-1' has errors of its own (see incidents/a.md:1)";

    Run text = LibraryFixtures.run("check", "--source", library.toString());
    assertEquals(List.of("incidents/a.md:1: error: " + error, "incidents/b.md:5:11: note: " + note), text.outLines());
    assertTrue(text.err().contains("1 error, 0 warnings, 1 note."), text.err());
    Run github = LibraryFixtures.run("check", "--source", library.toString(), "--format", "github");
    assertEquals(List.of("::error file=incidents/a.md,line=1,title=Casebook::" + error,
        "::notice file=incidents/b.md,line=5,col=11,title=Casebook::" + note), github.outLines());
    JsonNode gitlab = new ObjectMapper().readTree(LibraryFixtures.run("check", "--source", library.toString(), "--format", "gitlab").out());
    assertEquals("info", gitlab.get(1).get("severity").asText(), gitlab.toString());
    JsonNode json = new ObjectMapper().readTree(LibraryFixtures.run("check", "--source", library.toString(), "--format", "json").out());
    assertEquals("note", json.get(1).get("severity").asText(), json.toString());
    assertEquals("see incidents/a.md:1", json.get(1).get("hint").asText(), json.toString());

    // Once A is fixed, nothing is left.
    write(library, "incidents/a.md", "---\nid: INC-1\ntitle: Closed\ndate: 2024-03-05\n---\n\nBody.\n");
    Run fixed = LibraryFixtures.run("check", "--source", library.toString());
    assertEquals("", fixed.out());
    assertEquals(0, fixed.exitCode(), fixed.err());
  }

  @Test
  void unknownFormatIsAUsageErrorThatExitsWithTwo() throws IOException {
    Path library = LibraryFixtures.copy("valid", tmp.resolve("valid"));

    Run run = LibraryFixtures.run("check", "--source", library.toString(), "--format", "bogus");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().contains("unknown format 'bogus'"), run.err());
  }

  @Test
  void cleanLibraryExitsWithZeroAndPrintsNoDiagnostics() throws IOException {
    Path library = LibraryFixtures.copy("valid", tmp.resolve("valid"));

    for (String format : List.of("text", "github")) {
      Run run = LibraryFixtures.run("check", "--source", library.toString(), "--format", format);
      assertEquals(0, run.exitCode(), format + ": " + run.err());
      assertEquals("", run.out(), format);
    }
    for (String format : List.of("json", "gitlab")) {
      Run json = LibraryFixtures.run("check", "--source", library.toString(), "--format", format);
      assertEquals(0, json.exitCode());
      JsonNode array = new ObjectMapper().readTree(json.out());
      assertTrue(array.isArray() && array.isEmpty(), format + ": an empty report is still a report: " + json.out());
    }
  }

  /** A JSON diagnostic written the way the text format prints it. */
  private static String asTextLine(JsonNode d) {
    String position = d.get("file").asText();
    if (d.get("line").asInt() > 0) position += ":" + d.get("line").asInt();
    if (d.get("line").asInt() > 0 && d.get("column").asInt() > 0) position += ":" + d.get("column").asInt();
    String hint = d.has("hint") ? " (" + d.get("hint").asText() + ")" : "";
    return position + ": " + d.get("severity").asText() + ": " + d.get("message").asText() + hint;
  }

  private static void write(Path library, String path, String text) throws IOException {
    Path file = library.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, UTF_8);
  }
}
