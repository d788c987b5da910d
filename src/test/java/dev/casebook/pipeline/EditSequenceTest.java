package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.casebook.diag.Diagnostic;
import dev.casebook.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The invariant of the live build: after any edit, {@link LiveBuild#update} leaves the output
 * folder byte for byte as a clean {@link SiteBuild#build} of the edited library makes it: the same
 * files with the same bytes. Checked after every step of seeded sequences of edits ({@link
 * LibraryEdits}: add, rename or move, change an id, delete, titles, summaries, bodies, headings,
 * front matter fields, related ids, drafts, vocabularies and settings, templates and static files,
 * images, design documents, comments in code),
 * on a copy of the sample library and on a small generated one. A step that breaks the library
 * must fail the update as it fails the clean build, and leave the last good site untouched.
 *
 * <p>The same holds for a full build with a build cache that the builds before it filled ({@link
 * BuildOptions#cache}): it must write the clean build's site, and fail where the clean build fails.
 *
 * <p>A failure names the seed and the steps so far. Replay one seed with {@code mvn test
 * -Dtest=EditSequenceTest -Dcasebook.edits.seed=SEED} (and {@code -Dcasebook.edits.steps=N} for a
 * longer run).
 */
class EditSequenceTest {
  /** Steps per seed when set; else 12 on the sample library and 10 on the generated one, so the test takes about a minute. */
  static final Integer STEPS = Integer.getInteger("casebook.edits.steps");

  @TempDir Path tmp;

  static LongStream sampleSeeds() {
    return seeds(1, 2, 3);
  }

  static LongStream generatedSeeds() {
    return seeds(11, 12);
  }

  private static LongStream seeds(long... defaults) {
    String replay = System.getProperty("casebook.edits.seed");
    if (replay == null || replay.isBlank()) return LongStream.of(defaults);
    return Arrays.stream(replay.split(",")).mapToLong(s -> Long.parseLong(s.trim()));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("sampleSeeds")
  void editsOfTheSampleLibrary(long seed) throws IOException {
    Path library = Fixtures.sampleLibraryCopy(tmp.resolve("library"));
    run(library, seed, seed % 2 == 0, 12);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("generatedSeeds")
  void editsOfAGeneratedLibrary(long seed) throws IOException {
    Path library = SmallLibrary.write(tmp.resolve("library"), seed, 24);
    run(library, seed, seed % 2 == 0, 10);
  }

  /** Runs the steps of one seed (with or without drafts); after each, the live site must be the clean build's. */
  void run(Path library, long seed, boolean drafts, int steps) throws IOException {
    Path site = tmp.resolve("site");
    Path clean = tmp.resolve("clean");
    Path cachedSite = tmp.resolve("cached");
    Path cache = tmp.resolve("cache");
    LiveBuild live = new LiveBuild(new BuildOptions(library, site, drafts, null));
    BuildResult first = live.full(BuildProgress.NONE);
    if (!first.written()) fail("seed " + seed + ": the first build failed: " + errors(first));
    LibraryEdits edits = new LibraryEdits(library, seed, Fixtures.sampleLibrary().resolve("site-template"));
    Map<String, byte[]> good = Fixtures.files(site);
    List<String> history = new ArrayList<>();
    for (int i = 1; i <= (STEPS != null ? STEPS : steps); i++) {
      LibraryEdits.Step step = edits.next();
      history.add(i + ". " + step.description());
      String where = "seed " + seed + (drafts ? " (drafts)" : "") + ", step " + i + ": " + step.description()
          + "\n  replay: mvn test -Dtest=EditSequenceTest -Dcasebook.edits.seed=" + seed + "\n  steps:\n    "
          + String.join("\n    ", history) + "\n";
      BuildResult updated;
      try {
        updated = live.update(step.changed(), written -> {});
      } catch (IOException | RuntimeException e) {
        throw new AssertionError(where + "the update threw " + e, e);
      }
      Fixtures.deleteTree(clean);
      BuildResult built = SiteBuild.build(new BuildOptions(library, clean, drafts, null));
      if (step.breaks() == built.written()) {
        fail(where + "the edit should " + (step.breaks() ? "break" : "keep") + " the library, but a clean build "
            + (built.written() ? "succeeded" : "failed: " + errors(built)));
      }
      BuildResult cached = SiteBuild.build(new BuildOptions(library, cachedSite, drafts, null).withCache(cache));
      if (built.written() != cached.written() || !errors(built).equals(errors(cached))) {
        fail(where + "a build with the cache differs from a clean build:\n  cached: " + errors(cached) + "\n  clean:  " + errors(built));
      }
      if (cached.written()) assertSameSite(where + "the site built with the cache differs from a clean build's: ", Fixtures.files(clean),
          Fixtures.files(cachedSite));
      if (!errors(built).equals(errors(updated))) {
        fail(where + "the update's errors differ from a clean build's:\n  update: " + errors(updated) + "\n  clean:  " + errors(built));
      }
      Map<String, byte[]> now = Fixtures.files(site);
      if (built.written()) {
        if (!updated.written()) fail(where + "the update failed: " + errors(updated));
        assertSameSite(where + "the updated site differs from a clean build's: ", Fixtures.files(clean), now);
        good = now;
      } else {
        assertSameSite(where + "a failed update changed the last good site: ", good, now);
      }
    }
  }

  /**
   * An image saved again with the same size within one tick of the file system's clock (a second,
   * on file systems that keep times to the second) looks unchanged by size and time: the update
   * copies it all the same, because the watcher named it.
   */
  @Test
  void anImageSavedAgainWithinOneTimestampIsCopiedAgain() throws IOException {
    assertUpdateIsClean(Fixtures.sampleLibraryCopy(tmp.resolve("library")), IMAGE, EditSequenceTest::redrawWithinOneTimestamp);
  }

  /** The same, in a library reached through a symbolic link, whose files the watcher names by the linked path. */
  @Test
  void anImageSavedAgainWithinOneTimestampIsCopiedAgainThroughALinkedFolder() throws IOException {
    Fixtures.sampleLibraryCopy(tmp.resolve("real/library"));
    Files.createSymbolicLink(tmp.resolve("linked"), tmp.resolve("real"));
    assertUpdateIsClean(tmp.resolve("linked/library"), IMAGE, EditSequenceTest::redrawWithinOneTimestamp);
  }

  static final String IMAGE = "incidents/2024/INC-2024-003/queue-depth.svg";

  static void redrawWithinOneTimestamp(Path library) throws IOException {
    Path svg = library.resolve(IMAGE);
    FileTime time = Files.getLastModifiedTime(svg);
    Files.writeString(svg, Files.readString(svg).replace("fill=\"#ffffff\"", "fill=\"#fffff0\""));
    Files.setLastModifiedTime(svg, time);
  }

  /** A date moved within its year keeps the order and the browse terms; the sitemap's times of the terms follow it. */
  @Test
  void aDateMovedWithinItsYearMovesTheSitemapsTimes() throws IOException {
    String newest = "incidents/2025/INC-2025-019-cluster-dns-timeouts.md";
    Path clean = assertUpdateIsClean(Fixtures.sampleLibraryCopy(tmp.resolve("library")), newest, library -> {
      Path file = library.resolve(newest);
      Files.writeString(file, Files.readString(file).replace("date: 2025-09-05", "date: 2025-09-06"));
    });
    assertTrue(Files.readString(clean.resolve("sitemap.xml")).replaceAll("\\s+", "").contains("years/2025/</loc><lastmod>2025-09-06<"));
  }

  interface Edit {
    void make(Path library) throws IOException;
  }

  /**
   * Builds {@code library} (drafts included), makes {@code edit}, updates with the one file it
   * changed, and fails unless the site is a clean build's; returns the clean build's folder.
   */
  Path assertUpdateIsClean(Path library, String changed, Edit edit) throws IOException {
    Path site = tmp.resolve("site");
    LiveBuild live = new LiveBuild(new BuildOptions(library, site, true, null));
    assertTrue(live.full(BuildProgress.NONE).written());
    edit.make(library);
    assertTrue(live.update(Set.of(library.resolve(changed)), written -> {}).written());
    Path clean = tmp.resolve("clean");
    assertTrue(SiteBuild.build(new BuildOptions(library, clean, true, null)).written());
    assertSameSite("the updated site differs from a clean build's: ", Fixtures.files(clean), Fixtures.files(site));
    return clean;
  }

  static List<String> errors(BuildResult result) {
    return result.diagnostics().stream().filter(Diagnostic::isError).map(Object::toString).toList();
  }

  /** Fails with the first file that is missing, extra or different, and where it differs. */
  static void assertSameSite(String message, Map<String, byte[]> expected, Map<String, byte[]> actual) {
    TreeSet<String> paths = new TreeSet<>(expected.keySet());
    paths.addAll(actual.keySet());
    for (String path : paths) {
      byte[] e = expected.get(path);
      byte[] a = actual.get(path);
      if (a == null) fail(message + path + " is missing");
      if (e == null) fail(message + path + " is there but should not be");
      if (!Arrays.equals(e, a)) fail(message + path + " differs\n" + difference(e, a));
    }
  }

  /** The line around the first differing byte, in both versions. */
  static String difference(byte[] expected, byte[] actual) {
    int at = Arrays.mismatch(expected, actual);
    return "  at byte " + at + "\n  expected: " + around(expected, at) + "\n  actual:   " + around(actual, at);
  }

  private static String around(byte[] bytes, int at) {
    int from = Math.max(0, at - 120);
    int to = Math.min(bytes.length, at + 120);
    return ("…" + new String(bytes, from, to - from, StandardCharsets.UTF_8) + "…").replace("\n", "\\n");
  }
}
