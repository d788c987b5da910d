package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.diag.Diagnostic;
import dev.casebook.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write-up's lists have limits, and the site grows linearly with them. */
class ListLimitsTest {
  @TempDir Path tmp;

  /** A library of one write-up with {@code tags} distinct tags and the given casebook.yml. */
  private static Path library(Path root, int tags, String config) throws IOException {
    Path folder = Files.createDirectories(root.resolve("incidents/2024"));
    String list = IntStream.range(0, tags).mapToObj(n -> "  - tag-" + n).collect(Collectors.joining("\n"));
    Files.writeString(folder.resolve("INC-2024-001.md"), "---\nid: INC-2024-001\ntitle: Many tags\ndate: 2024-03-05\n"
        + "tags:\n" + list + "\n---\n\nBody.\n");
    Files.writeString(root.resolve("casebook.yml"), config);
    return root;
  }

  @Test
  void aListOverItsLimitIsAnErrorAtItsKey() throws IOException {
    Path lib = library(tmp.resolve("lib"), 2000, "title: t\n");
    List<String> errors = SiteBuild.check(lib).diagnostics().stream().filter(Diagnostic::isError)
        .map(d -> d.position() + ": " + d.message()).toList();
    assertEquals(List.of("incidents/2024/INC-2024-001.md:5:1: tags has 2,000 items; at most 50 (limits.tags in casebook.yml)"), errors);
  }

  @Test
  void theLimitIsASettingAndItIsChecked() throws IOException {
    Path lib = library(tmp.resolve("lib"), 60, "limits:\n  tags: 60\n  tagz: 3\n  services: -1\n");
    List<String> errors = SiteBuild.check(lib).diagnostics().stream().filter(Diagnostic::isError)
        .map(d -> d.position() + ": " + d.message()).toList();
    assertEquals(List.of("casebook.yml:3:3: unknown limit 'tagz'", "casebook.yml:4:13: limits.services must be a whole number "
        + "from 1 to 10,000, not '-1'"), errors);
    Files.writeString(lib.resolve("casebook.yml"), "limits: {tags: 60}\n");
    assertEquals(List.of(), SiteBuild.check(lib).diagnostics());
  }

  @Test
  void theSiteGrowsLinearlyWithOneWriteUpsTags() throws IOException {
    String config = "limits: {tags: 10000}\n";
    long small = siteBytes(library(tmp.resolve("small"), 400, config), tmp.resolve("small-site"));
    long large = siteBytes(library(tmp.resolve("large"), 800, config), tmp.resolve("large-site"));
    double ratio = (double) large / small;
    assertTrue(ratio < 2.3, "twice the tags make " + ratio + " times the site (" + small + " and " + large + " bytes)");
  }

  @Test
  void theSiteGrowsLinearlyWithTheNumberOfTags() throws IOException {
    long small = siteBytes(writeUps(tmp.resolve("small"), 10), tmp.resolve("small-site"));
    long large = siteBytes(writeUps(tmp.resolve("large"), 20), tmp.resolve("large-site"));
    double ratio = (double) large / small;
    assertTrue(ratio < 2.3, "twice the write-ups and tags make " + ratio + " times the site (" + small + " and " + large + " bytes)");
  }

  /** {@code count} write-ups of 40 tags each, no two alike. */
  private static Path writeUps(Path root, int count) throws IOException {
    Path folder = Files.createDirectories(root.resolve("incidents/2024"));
    for (int w = 0; w < count; w++) {
      int first = w * 40;
      String list = IntStream.range(first, first + 40).mapToObj(n -> "  - tag-" + n).collect(Collectors.joining("\n"));
      Files.writeString(folder.resolve("INC-2024-" + (100 + w) + ".md"), "---\nid: INC-2024-" + (100 + w)
          + "\ntitle: Write-up " + w + "\ndate: 2024-03-05\ntags:\n" + list + "\n---\n\nBody.\n");
    }
    return root;
  }

  private static long siteBytes(Path library, Path out) throws IOException {
    BuildResult result = SiteBuild.build(new BuildOptions(library, out, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    assertFalse(Files.exists(out.resolve("media")));
    return Fixtures.files(out).values().stream().mapToLong(b -> b.length).sum();
  }
}
