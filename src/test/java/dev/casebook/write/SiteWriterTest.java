package dev.casebook.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {
  @TempDir Path dir;

  private List<String> siblings() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replacesTheOldSiteOnlyOnCommit() throws IOException {
    Path out = dir.resolve("site");
    try (SiteWriter w = SiteWriter.open(out)) {
      w.write("index.html", "one".getBytes());
      w.commit();
    }
    try (SiteWriter w = SiteWriter.open(out)) {
      w.write("index.html", "two".getBytes());
      w.write("a/b/c.html", "deep".getBytes());
      assertEquals("one", Files.readString(out.resolve("index.html")), "old site untouched while writing");
      w.commit();
    }
    assertEquals("two", Files.readString(out.resolve("index.html")));
    assertEquals("deep", Files.readString(out.resolve("a/b/c.html")));
    assertEquals(List.of("site"), siblings(), "no staging or backup folder is left behind");
  }

  @Test
  void leavesTheOldSiteWhenTheBuildIsAbandoned() throws IOException {
    Path out = dir.resolve("site");
    try (SiteWriter w = SiteWriter.open(out)) {
      w.write("index.html", "good".getBytes());
      w.commit();
    }
    try (SiteWriter w = SiteWriter.open(out)) {
      w.write("index.html", "half".getBytes());
    }
    assertEquals("good", Files.readString(out.resolve("index.html")));
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void refusesToReplaceAFolderItDidNotWrite() throws IOException {
    Path out = Files.createDirectories(dir.resolve("documents"));
    Files.writeString(out.resolve("thesis.txt"), "precious");
    assertThrows(SiteWriter.OutputException.class, () -> SiteWriter.open(out));
    assertEquals("precious", Files.readString(out.resolve("thesis.txt")));
  }

  @Test
  void rejectsPathsOutsideTheSiteAndTheSameFileTwice() throws IOException {
    try (SiteWriter w = SiteWriter.open(dir.resolve("site"))) {
      for (String bad : List.of("../escape.html", "/abs.html", "a/../../x", "")) {
        assertThrows(SiteWriter.OutputException.class, () -> w.write(bad, new byte[0]), bad);
      }
      w.write("x.html", new byte[0]);
      assertThrows(SiteWriter.OutputException.class, () -> w.write("x.html", new byte[0]));
    }
    assertFalse(Files.exists(dir.resolve("escape.html")));
    assertTrue(siblings().isEmpty());
  }
}
