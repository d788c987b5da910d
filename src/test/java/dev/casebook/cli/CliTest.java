package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"", "build", "check", "serve", "new"})
  void everyCommandHasHelpAndVersion(String command) {
    String[] prefix = command.isEmpty() ? new String[0] : new String[] {command};
    Cli help = Cli.run(concat(prefix, "--help"));
    assertEquals(0, help.exit());
    assertTrue(help.out().startsWith("Usage: casebook" + (command.isEmpty() ? "" : " " + command)), help.out());
    Cli version = Cli.run(concat(prefix, "--version"));
    assertEquals(0, version.exit());
    assertTrue(version.out().matches("Casebook \\S+\\R"), version.out());
  }

  @Test
  void usageErrorsExitWithTwoAndSayWhatIsWrong() {
    Cli unknown = Cli.run("build", "--no-such-option");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("Unknown option: '--no-such-option'"), unknown.err());
    assertEquals(2, Cli.run("frobnicate").exit());
    assertEquals(2, Cli.run("new").exit(), "the title is required");
  }

  @Test
  void failuresAreOneLineWithoutAStackTraceUnlessVerbose() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
    Cli quiet = Cli.run("new", "A title", "--source", file.toString());
    assertEquals(1, quiet.exit());
    assertEquals(1, quiet.err().lines().count(), quiet.err());
    assertTrue(quiet.err().startsWith("casebook: error: "), quiet.err());
    Cli verbose = Cli.run("new", "A title", "--source", file.toString(), "--verbose");
    assertTrue(verbose.err().lines().count() > 1, "stack trace with --verbose");
  }

  @Test
  void buildsTheSampleLibraryEndToEnd() {
    Path out = tmp.resolve("site");
    Cli build = Cli.run("build", "--source", Fixtures.sampleLibrary().toString(), "--out", out.toString());
    assertEquals(0, build.exit(), build.err());
    assertEquals("", build.err(), "the sample library has no warnings");
    assertTrue(build.out().matches("(?s)Built \\d+ write-ups, \\d+ pages in .*"), build.out());
    assertTrue(Files.isRegularFile(out.resolve("incidents/INC-2023-014/index.html")));
    String page = Fixtures.read(out.resolve("incidents/INC-2023-014/index.html"));
    assertTrue(page.contains("<a class=\"cite__edit\" href=\"https://github.com/larkspur/incidents/edit/main/"
        + "incidents/2023/INC-2023-014-primary-db-failover.md\">Edit this page</a>"), "edit_url gives each write-up its edit link");
    Cli check = Cli.run("check", "--source", Fixtures.sampleLibrary().toString());
    assertEquals(0, check.exit(), check.out());
    // Only the first draft kept to show the writing coach gets hints; the published write-ups get none.
    List<String> lines = check.out().lines().toList();
    assertEquals(7, lines.size(), check.out());
    assertTrue(lines.stream().allMatch(l -> l.startsWith("incidents/2025/INC-2025-021-courier-app-login-loop.md:")
        && l.contains(": hint: ")), check.out());
  }

  @Test
  void newWritesASkeletonWithTheNextFreeIdThatPassesCheckOnceFilledIn() throws IOException {
    Path library = Fixtures.copy(Fixtures.resource("sites/minimal/input"), tmp.resolve("lib"));
    Cli created = Cli.run("new", "Queue backlog: \"again\"", "--source", library.toString(), "--date", "2024-07-01", "--owner", "core");
    assertEquals(0, created.exit(), created.err());
    Path file = Path.of(created.out().strip());
    assertEquals(library.resolve("incidents/2024/INC-2024-004-queue-backlog-again.md"), file.toAbsolutePath());
    String text = Fixtures.read(file);
    assertTrue(text.contains("id: INC-2024-004"), text);
    assertTrue(text.contains("title: \"Queue backlog: \\\"again\\\"\""), text);
    assertTrue(text.contains("date: 2024-07-01"), text);
    assertTrue(text.contains("status: draft"), text);
    Cli check = Cli.run("check", "--source", library.toString());
    assertEquals(0, check.exit(), "a fresh skeleton is valid: " + check.out());

    Cli second = Cli.run("new", "Another", "--source", library.toString(), "--date", "2024-07-02");
    assertTrue(second.out().strip().endsWith("INC-2024-005-another.md"), second.out());
    assertFalse(List.of(second.out(), created.out()).get(0).isBlank());
  }

  @Test
  void newTakesTheFieldsAsOptionsAndRefusesValuesTheVocabulariesDoNotList() throws IOException {
    Path library = Fixtures.copy(Fixtures.resource("sites/minimal/input"), tmp.resolve("lib-options"));
    Cli created = Cli.run("new", "Checkout errors", "--source", library.toString(), "--date", "2024-08-01", "--owner", "core",
        "--service", "api,db", "--team", "data", "--tag", "dns", "--tag", "failover", "--severity", "SEV2");
    assertEquals(0, created.exit(), created.err());
    String text = Fixtures.read(Path.of(created.out().strip()));
    assertTrue(text.contains("\nowner: \"core\"\n"), text);
    assertTrue(text.contains("\nservices: [api, db]"), text);
    assertTrue(text.contains("\nteams: [data]"), text);
    assertTrue(text.contains("\ntags: [dns, failover]\n"), text);
    assertTrue(text.contains("\nseverity: \"SEV2\""), text);
    assertEquals(0, Cli.run("check", "--source", library.toString()).exit(), "valid as written");

    Cli typo = Cli.run("new", "Typo", "--source", library.toString(), "--service", "apii");
    assertEquals(2, typo.exit());
    assertTrue(typo.err().contains("unknown service 'apii' (did you mean 'api'?)"), typo.err());
    try (var files = Files.walk(library.resolve("incidents"))) {
      assertEquals(0, files.filter(f -> f.toString().contains("typo")).count(), "nothing written");
    }
    Cli noTitle = Cli.run("new", "--source", library.toString());
    assertEquals(2, noTitle.exit());
    assertTrue(noTitle.err().contains("give the write-up's TITLE"), noTitle.err());
  }

  @Test
  void newAsksForWhatItWasNotGivenOfferingTheVocabulariesAndAsksAgainAfterAnUnknownValue() throws IOException {
    Path library = Fixtures.copy(Fixtures.resource("sites/minimal/input"), tmp.resolve("lib-prompts"));
    String answers = String.join("\n", "", "Cache stampede after a deploy", "cor", "core", "data", "db, ap", "db, api", "dns") + "\n";
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int exit = Main.run(new String[] {"new", "--source", library.toString(), "--date", "2024-09-01", "--severity", "SEV1"},
        new java.io.BufferedReader(new java.io.StringReader(answers)), true, new java.io.PrintWriter(out, true),
        new java.io.PrintWriter(err, true));
    assertEquals(0, exit, err.toString());
    String printed = out.toString();
    assertTrue(printed.contains("The title is required"), "an empty title is asked again: " + printed);
    assertTrue(printed.contains("Owning team (core, data; empty for none):"), printed);
    assertTrue(printed.contains("unknown team 'cor' (did you mean 'core'?)"), printed);
    assertTrue(printed.contains("unknown service 'ap' (did you mean 'api'?)"), printed);
    assertFalse(printed.contains("Severity"), "given as an option, not asked: " + printed);
    // The last line is the last prompt (the answer's newline came from the keyboard), then the path.
    String last = printed.lines().reduce((x, y) -> y).orElseThrow();
    String path = last.substring(last.lastIndexOf("> ") + 2);
    assertTrue(path.endsWith("INC-2024-004-cache-stampede-after-a-deploy.md"), path);
    String text = Fixtures.read(Path.of(path));
    assertTrue(text.contains("title: \"Cache stampede after a deploy\""), text);
    assertTrue(text.contains("\nowner: \"core\""), text);
    assertTrue(text.contains("\nteams: [data]"), text);
    assertTrue(text.contains("\nservices: [db, api]"), text);
    assertTrue(text.contains("\ntags: [dns]"), text);
    assertTrue(text.contains("\nseverity: \"SEV1\""), text);
    assertTrue(text.contains("## What made it difficult") && text.contains("## Red herrings") && text.contains("## Contributors"),
        "the skeleton asks for what makes a write-up worth reading");
    assertEquals(0, Cli.run("check", "--source", library.toString()).exit());
  }

  @Test
  void strictMakesWarningsFailTheCheckAndStopTheBuild() throws IOException {
    Path library = Fixtures.copy(Fixtures.resource("sites/minimal/input"), tmp.resolve("lib-strict"));
    Path file = library.resolve("incidents/2024/INC-2024-001-dns.md");
    Files.writeString(file, Files.readString(file).replaceFirst("\ntitle: ", "\ntitel: typo\ntitle: "));
    Cli lenient = Cli.run("check", "--source", library.toString());
    assertEquals(0, lenient.exit(), "a warning alone passes: " + lenient.out());
    assertTrue(lenient.out().contains("warning: unknown key 'titel'"), lenient.out());

    Path config = library.resolve("casebook.yml");
    Files.writeString(config, Files.readString(config) + "strict: true\n");
    Cli strict = Cli.run("check", "--source", library.toString());
    assertEquals(1, strict.exit());
    assertTrue(strict.out().contains("error: unknown key 'titel' is kept as an extra field (did you mean 'title'?; "
        + "strict: true makes warnings errors)"), strict.out());
    Path out = tmp.resolve("strict-site");
    Cli build = Cli.run("build", "--source", library.toString(), "--out", out.toString());
    assertEquals(1, build.exit());
    assertFalse(Files.exists(out), "nothing written");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
