package dev.casebook.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteUpdateTest {
  @TempDir Path site;

  private void write(SiteUpdate update, String path, String text) throws IOException {
    update.write(path, text.getBytes(StandardCharsets.UTF_8));
  }

  private String read(String path) throws IOException {
    return Files.readString(site.resolve(path));
  }

  @Test
  void anUpdateCommittedInStepsIsTakenBackWhole() throws IOException {
    Files.writeString(site.resolve(SiteWriter.MARKER), "");
    Files.createDirectories(site.resolve("incidents/A"));
    Files.writeString(site.resolve("incidents/A/index.html"), "A before");
    Files.createDirectories(site.resolve("incidents/B"));
    Files.writeString(site.resolve("incidents/B/index.html"), "B before");

    SiteUpdate update = SiteUpdate.undoable(site);
    write(update, "incidents/A/index.html", "A after");
    update.commit();
    assertEquals("A after", read("incidents/A/index.html"));
    assertEquals(Set.of("incidents/A/index.html"), update.written());

    // A second step puts in place only what it added; A's first bytes stay the ones undo puts back.
    write(update, "incidents/B/index.html", "B after");
    write(update, "incidents/C/index.html", "C new");
    Files.writeString(site.resolve("incidents/A/index.html"), "A changed by hand");
    update.commit();
    assertEquals("A changed by hand", read("incidents/A/index.html"), "a committed file is not written again");
    assertEquals("B after", read("incidents/B/index.html"));
    assertEquals("C new", read("incidents/C/index.html"));

    update.undo();
    assertEquals("A before", read("incidents/A/index.html"));
    assertEquals("B before", read("incidents/B/index.html"));
    assertFalse(Files.exists(site.resolve("incidents/C/index.html")));
  }
}
