package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full builds with a build cache, on the sample library: a build after a build renders nothing
 * it has, an edit renders only what shows it, a change of theme renders everything, and the site
 * is always byte for byte a clean build's. (EditSequenceTest checks the last over sequences of edits.)
 */
class CachedBuildTest {
  static final String FAILOVER = "incidents/2023/INC-2023-014-primary-db-failover.md";
  static final String FAILOVER_PAGE = "incidents/INC-2023-014/index.html";

  @TempDir Path tmp;
  Path library;
  Path cache;
  int builds;

  @BeforeEach
  void copy() {
    library = Fixtures.sampleLibraryCopy(tmp.resolve("library"));
    cache = tmp.resolve("cache");
  }

  /** A build with the cache into a new folder; returns what it rendered, having checked its site against a clean build. */
  private Set<String> cachedBuild() throws IOException {
    Path site = tmp.resolve("site-" + ++builds);
    LiveBuild build = LiveBuild.once(new BuildOptions(library, site, false, null).withCache(cache));
    BuildResult result = build.full(BuildProgress.NONE);
    assertTrue(result.written(), () -> result.diagnostics().toString());
    Path clean = tmp.resolve("clean-" + builds);
    BuildResult reference = SiteBuild.build(new BuildOptions(library, clean, false, null));
    assertTrue(reference.written());
    Map<String, byte[]> expected = Fixtures.files(clean);
    Map<String, byte[]> actual = Fixtures.files(site);
    assertEquals(expected.keySet(), actual.keySet());
    for (String path : expected.keySet()) assertTrue(java.util.Arrays.equals(expected.get(path), actual.get(path)), path + " differs");
    assertEquals(reference.pages(), result.pages(), "pages reused count as pages");
    return build.lastRendered();
  }

  @Test
  void aSecondBuildRendersNothingAndAnEditOnlyWhatShowsIt() throws IOException {
    Set<String> first = cachedBuild();
    assertTrue(first.contains(FAILOVER_PAGE) && first.size() > 50, "an empty cache: everything rendered");
    assertEquals(Set.of(), cachedBuild(), "nothing changed: nothing rendered");

    Path source = library.resolve(FAILOVER);
    Files.writeString(source, Files.readString(source) + "\nOne more paragraph, added later.\n");
    Set<String> afterBodyEdit = cachedBuild();
    assertTrue(afterBodyEdit.contains(FAILOVER_PAGE), afterBodyEdit.toString());
    assertFalse(afterBodyEdit.contains("incidents/INC-2022-019/index.html"), "another write-up's page is reused: " + afterBodyEdit);
    assertTrue(afterBodyEdit.size() < first.size() / 4, "a body edit renders a few outputs: " + afterBodyEdit);
  }

  @Test
  void aChangedTemplateRendersEverythingAgain() throws IOException {
    int all = cachedBuild().size();
    Path templates = library.resolve("site-template"); // the sample library's folders.templates
    Files.createDirectories(templates);
    Files.writeString(templates.resolve("extra.ftlh"), "<p>not used by any page, but part of the theme</p>\n");
    assertEquals(all, cachedBuild().size(), "the theme is in the cache's fingerprint");
  }

  @Test
  void aFailedBuildLeavesTheCacheAsItWas() throws IOException {
    cachedBuild();
    Map<String, byte[]> kept = Fixtures.files(cache);
    Path source = library.resolve(FAILOVER);
    String good = Files.readString(source);
    Files.writeString(source, good.replace("id: INC-2023-014", "id: [not an id"));
    BuildResult failed = LiveBuild.once(new BuildOptions(library, tmp.resolve("failed"), false, null).withCache(cache))
        .full(BuildProgress.NONE);
    assertFalse(failed.written());
    Map<String, byte[]> after = Fixtures.files(cache);
    assertEquals(kept.keySet(), after.keySet());
    Files.writeString(source, good);
    assertEquals(Set.of(), cachedBuild(), "the cache still serves the last good site");
  }
}
