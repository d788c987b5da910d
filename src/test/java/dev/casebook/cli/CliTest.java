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
  void usageErrorsExitWithTwoAndSayWhatIsWrongInOneLineAndWhereToReadMore() {
    Cli unknown = Cli.run("build", "--no-such-option");
    assertEquals(2, unknown.exit());
    assertEquals("casebook: error: unknown option '--no-such-option'\nsee 'casebook build --help'\n", unknown.err());
    assertEquals("", unknown.out());
    Cli command = Cli.run("biuld");
    assertEquals(2, command.exit());
    assertEquals("casebook: error: unknown command 'biuld' (did you mean 'build'?)\nsee 'casebook --help'\n", command.err());
    assertEquals("casebook: error: unknown command 'frobnicate'\nsee 'casebook --help'\n", Cli.run("help", "frobnicate").err());
    Cli noTitle = Cli.run("new");
    assertEquals(2, noTitle.exit(), "the title is required");
    assertEquals(2, noTitle.err().lines().count(), noTitle.err());
    assertEquals("casebook: error: --severity needs a value (SEVERITY)\nsee 'casebook new --help'\n",
        Cli.run("new", "A title", "--severity").err());
    assertEquals("casebook: error: unexpected argument 'b'\nsee 'casebook new --help'\n", Cli.run("new", "a", "b").err());
  }

  /** Every option given a bad value: one line in the user's terms, then where to read more; never a Java exception's text. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "new|A title --date 2024-13-01|--date: '2024-13-01' is not a date (expected YYYY-MM-DD)",
      "new|A title --date 2024-02-30|--date: '2024-02-30' is not a date (expected YYYY-MM-DD)",
      "readership|--since yesterday|--since: 'yesterday' is not a date (expected YYYY-MM-DD)",
      "readership|--format xlsx|unknown format 'xlsx': use table, json or csv",
      "check|--format xml|unknown format 'xml': use text, github, gitlab or json",
      "serve|--port abc|--port: 'abc' is not a port number (0 to 65535; 0 picks a free one)",
      "serve|--port 70000|--port: '70000' is not a port number (0 to 65535; 0 picks a free one)",
      "serve|--port -1|--port: '-1' is not a port number (0 to 65535; 0 picks a free one)",
      "serve|--drafts=maybe|--drafts: 'maybe' is neither true nor false",
      "collect|--port abc|--port: 'abc' is not a port number (0 to 65535; 0 picks a free one)",
      "collect|--port 70000|--port: '70000' is not a port number (0 to 65535; 0 picks a free one)",
      "build|--base-url incidents.example.com|--base-url: 'incidents.example.com' is not an absolute http(s) URL (for example https://incidents.example.com/)",
      "build|--source TMP/missing|--source: 'TMP/missing' does not exist (give the library's root folder)",
      "check|--source TMP/a-file|--source: 'TMP/a-file' is not a folder (give the library's root folder)",
      "new|A title --source TMP/missing|--source: 'TMP/missing' does not exist (give the library's root folder)",
  })
  void aBadOptionValueIsOneLineInTheUsersTerms(String command, String options, String message) throws IOException {
    Files.writeString(tmp.resolve("a-file"), "x");
    List<String> args = new java.util.ArrayList<>(List.of(command));
    for (String o : options.split(" (?=--)|(?<=--\\S{1,20}) ")) args.add(o.replace("TMP", tmp.toString()));
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertEquals(2, cli.exit(), cli.err());
    assertEquals("casebook: error: " + message.replace("TMP", tmp.toString()) + "\nsee 'casebook " + command + " --help'\n", cli.err());
    assertFalse(Files.exists(tmp.resolve("missing")), "nothing created");
  }

  @Test
  void aChangedSinceRevisionThatDoesNotExistIsOneLine() throws Exception {
    Path library = Fixtures.copy(Fixtures.resource("sites/minimal/input"), tmp.resolve("git-lib"));
    try (var git = org.eclipse.jgit.api.Git.init().setDirectory(library.toFile()).call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("library").setAuthor("a", "a@example.com").setCommitter("a", "a@example.com").call();
    }
    Cli cli = Cli.run("check", "--source", library.toString(), "--changed-since", "no-such-branch");
    assertEquals(2, cli.exit());
    assertEquals(List.of("casebook: error: unknown revision 'no-such-branch' (fetch it first, e.g. 'git fetch origin main', "
        + "or with actions/checkout use fetch-depth: 0)", "see 'casebook check --help'"), cli.err().lines().toList());
  }

  @Test
  void aReadershipSourceThatIsNeitherADatabaseNorAReportIsSaidSo() throws IOException {
    Path library = Fixtures.resource("sites/minimal/input");
    Path text = Files.writeString(tmp.resolve("notes.txt"), "not a database\n");
    Cli notDb = Cli.run("build", "--source", library.toString(), "--out", tmp.resolve("a").toString(), "--readership", text.toString());
    assertEquals(1, notDb.exit());
    assertTrue(notDb.err().startsWith(text + ": error: '" + text + "' is not a readership database (a SQLite file from "
        + "'casebook collect') nor a report (a .json file from 'casebook readership --format json')\n"), notDb.err());
    Path json = Files.writeString(tmp.resolve("report.json"), "{\n  \"write_ups\": [ x ]\n}\n");
    Cli badJson = Cli.run("build", "--source", library.toString(), "--out", tmp.resolve("b").toString(), "--readership", json.toString());
    assertEquals(1, badJson.exit());
    assertTrue(badJson.err().startsWith(json + ": error: '" + json + "' is not a readership report: it is not valid JSON "
        + "(line 2, column "), badJson.err());
  }

  @Test
  void aPortInUseIsNamedWithOneToTry() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      int port = taken.getLocalPort();
      Cli serve = Cli.run("serve", "--port", String.valueOf(port), "--source", Fixtures.resource("sites/minimal/input").toString());
      assertEquals(1, serve.exit());
      assertEquals("casebook: error: port " + port + " is already in use (try --port " + (port + 1) + ")\n", serve.err());
      Cli collect = Cli.run("collect", "--port", String.valueOf(port), "--db", tmp.resolve("r.db").toString());
      assertEquals(1, collect.exit());
      assertEquals("casebook: error: port " + port + " is already in use (try --port " + (port + 1) + ")\n", collect.err());
    }
  }

  @Test
  void failuresAreOneLineWithoutAStackTraceUnlessVerbose() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
    Path library = Fixtures.resource("sites/minimal/input");
    Cli quiet = Cli.run("build", "--source", library.toString(), "--out", file.resolve("site").toString());
    assertEquals(1, quiet.exit());
    assertEquals("casebook: error: " + file + ": already exists\n", quiet.err());
    Cli verbose = Cli.run("build", "--source", library.toString(), "--out", file.resolve("site").toString(), "--verbose");
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
    assertTrue(page.contains("<a class=\"incident__history\" href=\"https://github.com/larkspur/incidents/commits/main/"
        + "incidents/2023/INC-2023-014-primary-db-failover.md\">History</a>"), "and, from it, its history on GitHub");
    Cli check = Cli.run("check", "--source", Fixtures.sampleLibrary().toString());
    assertEquals(0, check.exit(), check.out());
    // Only the first draft kept to show the writing coach gets hints; the published write-ups get none.
    List<String> lines = check.out().lines().toList();
    assertEquals(7, lines.size(), check.out());
    assertTrue(lines.stream().allMatch(l -> l.startsWith("incidents/2025/INC-2025-021-courier-app-login-loop.md:")
        && l.contains(": hint: ")), check.out());
  }

  @Test
  void cacheKeepsItsFolderInTheLibraryByDefaultAndReusesItsFiles() throws IOException {
    Path library = Fixtures.copy(Fixtures.resource("sites/minimal/input"), tmp.resolve("cached-lib"));
    Cli first = Cli.run("build", "--source", library.toString(), "--out", tmp.resolve("one").toString(), "--cache");
    assertEquals(0, first.exit(), first.err());
    assertTrue(Files.isRegularFile(library.resolve(".casebook-cache/manifest.json")), "the default folder, inside the library");
    assertTrue(first.out().contains(" reuse "), "the timings show the reuse step: " + first.out());
    Cli second = Cli.run("build", "--source", library.toString(), "--out", tmp.resolve("two").toString(), "--cache");
    assertEquals(0, second.exit(), second.err());
    assertEquals(Fixtures.files(tmp.resolve("one")).keySet(), Fixtures.files(tmp.resolve("two")).keySet());
    // The library's loader never reads its own cache as library files.
    Cli check = Cli.run("check", "--source", library.toString());
    assertEquals(0, check.exit(), check.out());

    Path elsewhere = tmp.resolve("ci-cache");
    Cli named = Cli.run("build", "--source", library.toString(), "--out", tmp.resolve("three").toString(), "--cache", elsewhere.toString());
    assertEquals(0, named.exit(), named.err());
    assertTrue(Files.isRegularFile(elsewhere.resolve("manifest.json")));

    Cli inside = Cli.run("build", "--source", library.toString(), "--out", tmp.resolve("four").toString(),
        "--cache", tmp.resolve("four/cache").toString());
    assertEquals(2, inside.exit());
    assertTrue(inside.err().contains("must not contain each other"), inside.err());
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
  void newPrintsThePreviewAddressOfTheDraftWhoseBannerShowsOnlyWhereDraftsAre() throws IOException {
    Path library = Fixtures.copy(Fixtures.resource("sites/minimal/input"), tmp.resolve("lib-draft"));
    Cli created = Cli.run("new", "Queue backlog", "--source", library.toString(), "--date", "2024-07-01");
    assertEquals(0, created.exit(), created.err());
    assertTrue(Path.of(created.out().strip()).toAbsolutePath().startsWith(library), "the path alone on standard output: " + created.out());
    assertEquals("Preview: http://localhost:4000/incidents/INC-2024-004/ (while 'casebook serve' runs; it shows drafts)\n",
        created.err());

    Path published = tmp.resolve("published");
    assertEquals(0, Cli.run("build", "--source", library.toString(), "--out", published.toString()).exit());
    assertFalse(Files.exists(published.resolve("incidents/INC-2024-004")), "a normal build leaves drafts out");
    try (var files = Files.walk(published)) {
      assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".html"))
          .filter(f -> Fixtures.read(f).contains("banner--draft")).toList(), "and has no draft banner anywhere");
    }
    Path withDrafts = tmp.resolve("with-drafts");
    assertEquals(0, Cli.run("build", "--drafts", "--source", library.toString(), "--out", withDrafts.toString()).exit());
    assertTrue(Fixtures.read(withDrafts.resolve("incidents/INC-2024-004/index.html")).contains("<div class=\"banner banner--draft\""),
        "--drafts shows them, with their banner");
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
