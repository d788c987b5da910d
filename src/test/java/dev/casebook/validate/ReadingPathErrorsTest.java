package dev.casebook.validate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.validate.LibraryFixtures.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in reading paths ({@code invalid/reading-path-*}): {@code build} refuses them with the
 * very errors {@code check} prints, at the path file's line and column.
 */
class ReadingPathErrorsTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"reading-path-steps", "reading-path-fields"})
  void buildRefusesAPathWithTheErrorsCheckGives(String name, @TempDir Path tmp) throws IOException {
    Path library = LibraryFixtures.copy("invalid/" + name, tmp.resolve("library"));
    List<String> expected = Files.readAllLines(LibraryFixtures.resource("invalid/" + name).resolve("expected.txt"), UTF_8);

    Run build = LibraryFixtures.run("build", "--source", library.toString(), "--out", tmp.resolve("site").toString());

    List<String> errors = build.err().lines().filter(l -> l.contains(": error: ")).toList();
    assertEquals(String.join("\n", expected), String.join("\n", errors), "build on " + name);
    assertEquals(1, build.exitCode());
    assertTrue(expected.stream().allMatch(l -> l.startsWith("paths/")), "every error is in a path's file");
    assertTrue(Files.notExists(tmp.resolve("site")), "nothing written");
  }
}
