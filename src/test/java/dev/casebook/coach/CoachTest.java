package dev.casebook.coach;

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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writing coach through {@code casebook check}: the library under {@code coach/library} has a
 * write-up for each rule, an untouched skeleton published as it is, and the same skeleton filled
 * in (which gets no hint); {@code expected.txt} holds exactly what {@code check} prints.
 */
class CoachTest {
  @TempDir Path tmp;

  private Path library() throws IOException {
    return LibraryFixtures.copy("coach/library", tmp.resolve("library"));
  }

  @Test
  void checkPrintsExactlyTheExpectedHintsAndPasses() throws IOException {
    List<String> expected = Files.readAllLines(LibraryFixtures.resource("coach/expected.txt"), UTF_8);
    Run run = LibraryFixtures.run("check", "--source", library().toString());
    assertEquals(expected, run.outLines());
    assertEquals(0, run.exitCode(), "hints never fail a check");
    long notes = expected.stream().filter(l -> l.contains(": note: ")).count();
    assertTrue(notes > 0, "the richness rule's finding is a note");
    assertTrue(run.err().contains("0 errors, 0 warnings, " + (expected.size() - notes) + " writing hints, "
        + notes + (notes == 1 ? " note" : " notes") + "."), run.err());
  }

  @Test
  void theFilledInSkeletonGetsNoHint() throws IOException {
    Run run = LibraryFixtures.run("check", "--source", library().toString());
    assertTrue(run.outLines().stream().noneMatch(l -> l.contains("INC-2024-003")), run.out());
    assertTrue(run.outLines().stream().anyMatch(l -> l.startsWith("incidents/2024/INC-2024-002-skeleton.md:")), run.out());
  }

  @Test
  void anAcronymInTheGlossaryIsDefinedThere() throws IOException {
    Path lib = library();
    Path config = lib.resolve("casebook.yml");
    Run before = LibraryFixtures.run("check", "--source", lib.toString());
    assertTrue(before.outLines().stream().anyMatch(l -> l.contains("acronyms: 'ZRP'")), before.out());
    Files.writeString(config, Files.readString(config, UTF_8) + "glossary:\n  zone replica pool:\n"
        + "    definition: The replicas of one zone.\n    aliases: [ZRP]\n", UTF_8);
    Run after = LibraryFixtures.run("check", "--source", lib.toString());
    assertTrue(after.outLines().stream().noneMatch(l -> l.contains("acronyms:")), after.out());
    assertEquals(before.outLines().size() - 1, after.outLines().size(), after.out());
  }

  @Test
  void githubShowsHintsAsNotices() throws IOException {
    Run run = LibraryFixtures.run("check", "--source", library().toString(), "--format", "github");
    assertEquals("::notice file=incidents/2024/INC-2024-001-judgements.md,line=10,col=22,title=Casebook::hindsight: "
        + "'should have' judges what people did by what was learned only afterwards (describe what people saw and knew "
        + "then%2C and why their actions made sense; list the gaps under 'What made it difficult' or 'Contributors')"
        .replace("%2C", ","), run.outLines().get(0));
    assertTrue(run.outLines().stream().allMatch(l -> l.startsWith("::notice ")), run.out());
    assertEquals(0, run.exitCode());
  }

  @Test
  void gitlabShowsHintsAsInfoAndJsonAsHint() throws IOException {
    Path lib = library();
    JsonNode report = new ObjectMapper().readTree(LibraryFixtures.run("check", "--source", lib.toString(), "--format", "gitlab").out());
    report.forEach(d -> assertEquals("info", d.get("severity").asText(), d.toString()));
    JsonNode json = new ObjectMapper().readTree(LibraryFixtures.run("check", "--source", lib.toString(), "--format", "json").out());
    JsonNode first = json.get(0);
    assertEquals("hint", first.get("severity").asText());
    assertEquals("incidents/2024/INC-2024-001-judgements.md", first.get("file").asText());
    assertEquals(10, first.get("line").asInt());
    assertEquals(22, first.get("column").asInt());
    assertEquals("hindsight: 'should have' judges what people did by what was learned only afterwards", first.get("message").asText());
    assertTrue(first.get("hint").asText().startsWith("describe what people saw"), first.toString());
  }

  @Test
  void strictLeavesHintsAloneUnlessARuleAsksForIt() throws IOException {
    Path lib = library();
    Path config = lib.resolve("casebook.yml");
    String text = Files.readString(config, UTF_8);
    Files.writeString(config, "strict: true\n" + text, UTF_8);
    Run relaxed = LibraryFixtures.run("check", "--source", lib.toString());
    assertEquals(0, relaxed.exitCode(), relaxed.out());
    assertTrue(relaxed.outLines().stream().allMatch(l -> l.contains(": hint: ") || l.contains(": note: richness: ")),
        relaxed.out());
    assertTrue(relaxed.outLines().stream().anyMatch(l -> l.contains(": note: richness: ")), "the richness note stays a note");

    Files.writeString(config, "strict: true\n" + text.replace("    acronyms: {allow: [PGB]}",
        "    acronyms: {allow: [PGB]}\n    blame: {strict: true}"), UTF_8);
    Run strict = LibraryFixtures.run("check", "--source", lib.toString());
    assertEquals(1, strict.exitCode(), strict.out());
    assertEquals(List.of(
        "incidents/2024/INC-2024-001-judgements.md:11:20: error: blame: 'human error' blames a person and ends the inquiry "
            + "where it should begin (ask what made the action reasonable at the time, such as the tools, the signals and "
            + "the pressure, and list that as contributors)",
        "incidents/2024/INC-2024-001-judgements.md:11:50: error: blame: 'careless' blames a person and ends the inquiry "
            + "where it should begin (ask what made the action reasonable at the time, such as the tools, the signals and "
            + "the pressure, and list that as contributors)"),
        strict.outLines().stream().filter(l -> l.contains(": error: ")).toList());
  }

  @Test
  void aSiteBuildPrintsNoHintsButRefusesWhatTheLibraryMadeErrors() throws IOException {
    Path lib = library();
    Path site = tmp.resolve("site");
    Run build = LibraryFixtures.run("build", "--source", lib.toString(), "--out", site.toString(), "--quiet");
    assertEquals(0, build.exitCode(), build.err());
    assertFalse((build.out() + build.err()).contains(": hint: "), build.out() + build.err());
    assertFalse((build.out() + build.err()).contains(": note: richness"), build.out() + build.err());
    assertTrue(Files.isRegularFile(site.resolve("index.html")));

    Path config = lib.resolve("casebook.yml");
    Files.writeString(config, "strict: true\n" + Files.readString(config, UTF_8).replace("    acronyms: {allow: [PGB]}",
        "    acronyms: {allow: [PGB]}\n    blame: {strict: true}"), UTF_8);
    // The write-up that blames is a draft: only a build with drafts publishes it.
    Run strict = LibraryFixtures.run("build", "--source", lib.toString(), "--out", site.toString(), "--drafts", "--quiet");
    assertEquals(1, strict.exitCode(), strict.out() + strict.err());
    String printed = strict.out() + strict.err();
    assertTrue(printed.contains("incidents/2024/INC-2024-001-judgements.md:11:20: error: blame: 'human error'"), printed);
    assertFalse(printed.contains(": hint: "), printed);
  }

  @Test
  void rulesAreSwitchedOffOneByOneOrAllAtOnce() throws IOException {
    Path lib = library();
    Path config = lib.resolve("casebook.yml");
    String text = Files.readString(config, UTF_8);
    Files.writeString(config, text.replace("    acronyms: {allow: [PGB]}", "    acronyms: off\n    publish-readiness: off"), UTF_8);
    Run some = LibraryFixtures.run("check", "--source", lib.toString());
    assertTrue(some.outLines().stream().noneMatch(l -> l.contains("acronyms:") || l.contains("publish-readiness:")), some.out());
    assertTrue(some.outLines().stream().anyMatch(l -> l.contains("hindsight:")), some.out());

    Files.writeString(config, text.replaceFirst("coach:\n(  .*\n)*", "coach: off\n"), UTF_8);
    Run none = LibraryFixtures.run("check", "--source", lib.toString());
    assertEquals("", none.out());
  }

  @Test
  void mistakesInTheCoachSettingsAreErrorsAtTheirLine() throws IOException {
    Path lib = library();
    Files.writeString(lib.resolve("casebook.yml"), "coach:\n  rules:\n    hindsigth: off\n    long-sentences: {max_words: many}\n"
        + "    blame: sometimes\n  vale: ../styles\n", UTF_8);
    Run run = LibraryFixtures.run("check", "--source", lib.toString());
    assertEquals(List.of(
        "casebook.yml:3:5: error: unknown coach rule 'hindsigth' (did you mean 'hindsight'?)",
        "casebook.yml:4:33: error: 'max_words' must be a whole number above 0, not 'many'",
        "casebook.yml:5:12: error: coach rule 'blame' must be on, off or a mapping of settings, not 'sometimes'",
        "casebook.yml:6:9: error: folder '../styles' must be inside the library"),
        run.outLines().stream().filter(l -> l.startsWith("casebook.yml")).toList());
    assertEquals(1, run.exitCode());
  }
}
