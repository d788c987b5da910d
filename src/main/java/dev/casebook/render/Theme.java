package dev.casebook.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The site template: the default theme packaged in the jar, overlaid by the library's own
 * {@code site-template/} folder, file by file.
 */
public final class Theme {
  /** Where the default theme sits on the class path. */
  public static final String CLASSPATH_ROOT = "site-template";

  private final Path builtIn;
  private final Path override;

  private Theme(Path builtIn, Path override) {
    this.builtIn = builtIn;
    this.override = override;
  }

  /** The default theme with {@code overrideFolder}'s files on top (the folder may not exist). */
  public static Theme load(Path overrideFolder) {
    return new Theme(locateBuiltIn(), Files.isDirectory(overrideFolder) ? overrideFolder : null);
  }

  public Path builtInRoot() {
    return builtIn;
  }

  public Optional<Path> overrideRoot() {
    return Optional.ofNullable(override);
  }

  /** A theme file by its path in the theme, from the library if it has one, else the default. */
  public Optional<Path> file(String relative) {
    if (override != null) {
      Path p = override.resolve(relative);
      if (Files.isRegularFile(p)) return Optional.of(p);
    }
    Path p = builtIn.resolve(relative);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /** Every file under {@code folder} of the theme, by path relative to that folder, sorted. */
  public Map<String, Path> files(String folder) {
    Map<String, Path> out = new TreeMap<>();
    collect(builtIn.resolve(folder), out);
    if (override != null) collect(override.resolve(folder), out);
    return out;
  }

  private static void collect(Path dir, Map<String, Path> out) {
    if (!Files.isDirectory(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(p -> {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (!rel.startsWith(".")) out.put(rel, p);
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path locateBuiltIn() {
    URL url = Theme.class.getClassLoader().getResource(CLASSPATH_ROOT + "/layout.ftlh");
    if (url == null) throw new IllegalStateException("the default theme is missing from the class path");
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return fs.getPath("/" + CLASSPATH_ROOT);
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open the default theme: " + e.getMessage(), e);
    }
  }
}
