package dev.casebook.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.diag.Diagnostic;
import dev.casebook.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build cleans up after killed builds, and never writes the site where the library is read. */
class LeftoversAndOutputPlaceTest {
  @TempDir Path tmp;

  private final Path minimal = Fixtures.resource("sites/minimal/input");

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A folder as a killed build leaves it: the marker and part of a site. */
  private static Path leftover(Path parent, String name) throws IOException {
    Path dir = Files.createDirectories(parent.resolve(name));
    Files.writeString(dir.resolve(SiteWriter.MARKER), "written by Casebook\n");
    Files.createDirectories(dir.resolve("incidents/INC-1"));
    Files.writeString(dir.resolve("incidents/INC-1/index.html"), "<p>half a page");
    return dir;
  }

  @Test
  void theNextBuildDeletesWhatAKilledBuildLeftAndNothingElse() throws IOException {
    Path out = tmp.resolve("site");
    leftover(tmp, ".site.casebook-1234567890");
    leftover(tmp, ".site.old-987654321");
    Path empty = Files.createDirectories(tmp.resolve(".site.casebook-55555"));
    Files.setLastModifiedTime(empty, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    // Not Casebook's: no marker, or another output's name, or not a folder.
    Path foreign = Files.createDirectories(tmp.resolve(".site.casebook-mine"));
    Files.writeString(foreign.resolve("notes.txt"), "keep me");
    leftover(tmp, ".other.casebook-1234");
    Files.writeString(tmp.resolve(".site.casebook-file"), "a file");
    Path fresh = Files.createDirectories(tmp.resolve(".site.casebook-starting"));

    BuildResult result = SiteBuild.build(new BuildOptions(minimal, out, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    assertEquals(List.of(".other.casebook-1234", ".site.casebook-file", ".site.casebook-mine", ".site.casebook-starting", "site"),
        names(tmp));
    assertEquals("keep me", Files.readString(foreign.resolve("notes.txt")));
    assertTrue(Files.isDirectory(fresh), "an empty folder may be a build that is just starting");
  }

  @Test
  void aBuildKilledMidWayIsCleanedUpByTheNext() throws Exception {
    // Enough write-ups that the build is still writing when it is killed.
    Path library = Files.createDirectories(tmp.resolve("lib/incidents/2024"));
    for (int n = 0; n < 300; n++) {
      StringBuilder tags = new StringBuilder();
      for (int t = 0; t < 4; t++) tags.append("  - tag-").append(n * 4 + t).append('\n');
      Files.writeString(library.resolve("INC-2024-" + (1000 + n) + ".md"), "---\nid: INC-2024-" + (1000 + n)
          + "\ntitle: Write-up " + n + "\ndate: 2024-03-05\ntags:\n" + tags + "---\n\n" + "Body text. ".repeat(200) + "\n");
    }
    Path out = tmp.resolve("site");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process build = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), dev.casebook.cli.Main.class.getName(),
        "build", "--source", tmp.resolve("lib").toString(), "--out", out.toString(), "--quiet")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Path staging = null;
    long deadline = System.currentTimeMillis() + 120_000;
    try {
      while (staging == null && build.isAlive() && System.currentTimeMillis() < deadline) {
        try (Stream<Path> s = Files.list(tmp)) {
          staging = s.filter(p -> p.getFileName().toString().startsWith(".site.casebook-"))
              .filter(p -> Files.isDirectory(p.resolve("tags"))).findFirst().orElse(null);
        }
        Thread.sleep(20);
      }
    } finally {
      build.destroyForcibly();
      build.waitFor();
    }
    assertTrue(staging != null, "the build was killed while it wrote its site");
    assertTrue(Files.isRegularFile(staging.resolve(SiteWriter.MARKER)));
    assertFalse(Files.exists(out));

    BuildResult result = SiteBuild.build(new BuildOptions(tmp.resolve("lib"), out, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    assertEquals(List.of("lib", "site"), names(tmp));
  }

  @Test
  void aRunningBuildsFolderIsNotALeftover() throws IOException {
    Path out = tmp.resolve("site");
    try (SiteWriter running = SiteWriter.open(out)) {
      running.write("index.html", "<p>in progress".getBytes());
      try (SiteWriter next = SiteWriter.open(out)) {
        assertTrue(Files.isRegularFile(running.root().resolve("index.html")), "the running build's folder stays");
        next.write("index.html", "<p>next".getBytes());
        next.commit();
      }
      assertTrue(Files.isRegularFile(running.root().resolve("index.html")));
    }
    assertEquals(List.of("site"), names(tmp), "each writer removes its own folder");
  }

  @Test
  void refusesAnOutputFolderInsideTheFoldersTheBuildReads() throws IOException {
    Path library = Fixtures.copy(minimal, tmp.resolve("lib"));
    Files.createDirectories(library.resolve("design"));
    Files.createDirectories(library.resolve("site-template"));
    Files.createDirectories(library.resolve("checkouts/shop"));
    Files.writeString(library.resolve("casebook.yml"), Files.readString(library.resolve("casebook.yml"))
        + "\ncode:\n  - {name: shop, url: 'https://github.com/acme/shop', path: checkouts/shop}\n");
    for (String[] c : new String[][] {
        {"incidents/site", "inside the write-ups folder 'incidents'"},
        {"incidents", "inside the write-ups folder 'incidents'"},
        {"design/out", "inside the design folder 'design'"},
        {"site-template/x", "inside the theme folder 'site-template'"},
        {"checkouts/shop/site", "inside the checkout of code repository 'shop' 'checkouts/shop'"},
        {".", "holds the library"}}) {
      Path out = library.resolve(c[0]);
      BuildResult result = SiteBuild.build(new BuildOptions(library, out, false, null));
      assertFalse(result.written(), c[0]);
      List<String> errors = result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message).toList();
      assertEquals(1, errors.size(), errors::toString);
      assertTrue(errors.get(0).contains(c[1]), errors.get(0));
    }
    assertFalse(Files.exists(library.resolve("incidents/site")));
    assertTrue(SiteBuild.build(new BuildOptions(library, library.resolve("_site"), false, null)).written());
    assertTrue(SiteBuild.build(new BuildOptions(library, tmp.resolve("elsewhere"), false, null)).written());
  }
}
