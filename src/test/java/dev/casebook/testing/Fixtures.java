package dev.casebook.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Fixture libraries from {@code src/test/resources} and helpers to look at built sites. */
public final class Fixtures {
  private Fixtures() {}

  /** A test resource folder, e.g. {@code sites/minimal/input}. */
  public static Path resource(String path) {
    try {
      return Path.of(Fixtures.class.getClassLoader().getResource(path).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource " + path, e);
    }
  }

  /** The repository's own sample library (its root holds casebook.yml and incidents/). */
  public static Path sampleLibrary() {
    Path root = Path.of("").toAbsolutePath();
    if (!Files.isDirectory(root.resolve("incidents"))) throw new IllegalStateException("run from the repository root");
    return root;
  }

  /**
   * A copy of the sample library that a test may change: casebook.yml and the folders it names
   * (write-ups, design documents, the code folder, as plain files outside git), without the rest
   * of the repository.
   */
  public static Path sampleLibraryCopy(Path to) {
    Path sample = sampleLibrary();
    try {
      Files.createDirectories(to);
      Files.copy(sample.resolve("casebook.yml"), to.resolve("casebook.yml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String folder : java.util.List.of("incidents", "design", "paths", "code")) copy(sample.resolve(folder), to.resolve(folder));
    return to;
  }

  /** Copies a folder tree, so a test can change a fixture. */
  public static Path copy(Path from, Path to) {
    try {
      Files.walkFileTree(from, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          Files.createDirectories(to.resolve(from.relativize(dir).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.copy(file, to.resolve(from.relativize(file).toString()));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  /** Every file of a tree by relative path ({@code /}-separated), with its bytes. */
  public static Map<String, byte[]> files(Path root) {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  public static void deleteTree(Path root) {
    if (!Files.exists(root)) return;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Golden output: the files of a built site that {@code keep} accepts, compared text for text with
   * {@code expectedDir}. With {@code -Dgolden.update=true} (never on CI) the expected files are
   * written from the site first; review their diff before committing.
   */
  public static void assertGolden(Path site, Path expectedDir, java.util.function.Predicate<String> keep) {
    Map<String, String> actual = texts(site, keep);
    if (Boolean.getBoolean("golden.update")) {
      if (System.getenv("CI") != null) throw new IllegalStateException("golden files are never regenerated on CI");
      deleteTree(expectedDir);
      try {
        for (var e : actual.entrySet()) {
          Path file = expectedDir.resolve(e.getKey());
          Files.createDirectories(file.getParent());
          Files.writeString(file, e.getValue(), java.nio.charset.StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, String> expected = texts(expectedDir, keep);
    org.junit.jupiter.api.Assertions.assertEquals(expected.keySet(), actual.keySet());
    for (String path : expected.keySet()) org.junit.jupiter.api.Assertions.assertEquals(expected.get(path), actual.get(path), path);
  }

  private static Map<String, String> texts(Path root, java.util.function.Predicate<String> keep) {
    Map<String, String> out = new TreeMap<>();
    files(root).forEach((path, bytes) -> {
      if (keep.test(path)) out.put(path, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    });
    return out;
  }
}
