package dev.casebook.load;

import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The load stage: finds the write-ups and their assets under the library's content folder and
 * reads each write-up into front matter and body. Never follows a link out of the library.
 */
public final class LibraryLoader {
  private LibraryLoader() {}

  public static LibrarySources load(Path root, SiteConfig config, Diagnostics diagnostics) {
    Path libraryRoot = realPath(root);
    String folder = config.folders().incidents();
    Path content = libraryRoot.resolve(folder).normalize();
    if (!Files.isDirectory(content)) {
      diagnostics.warning(SourcePosition.of(folder), "no '" + folder + "' folder: the library has no write-ups yet");
      return new LibrarySources(List.of(), List.of(), folder);
    }
    List<Path> markdown = new ArrayList<>();
    List<AssetFile> assets = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(content)) {
      walk.filter(p -> !p.equals(content))
          .filter(p -> !hidden(content.relativize(p)))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(p -> {
            String rel = relative(libraryRoot, p);
            if (!inside(libraryRoot, p)) {
              diagnostics.error(SourcePosition.of(rel), "links to a file outside the library; it is left out");
            } else if (rel.endsWith(".md") || rel.endsWith(".markdown")) {
              markdown.add(p);
            } else {
              assets.add(new AssetFile(rel, p));
            }
          });
    } catch (IOException | UncheckedIOException e) {
      diagnostics.error(SourcePosition.of(folder), "cannot read the folder: " + e.getMessage());
    }
    List<SourceDocument> documents = markdown.parallelStream()
        .map(p -> read(libraryRoot, p, diagnostics))
        .flatMap(Optional::stream)
        .filter(Objects::nonNull)
        .toList();
    return new LibrarySources(documents, assets, folder);
  }

  /** Reads and splits one write-up file. */
  public static Optional<SourceDocument> read(Path libraryRoot, Path file, Diagnostics diagnostics) {
    String rel = relative(libraryRoot, file);
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > TextFile.MAX_BYTES) {
        diagnostics.error(SourcePosition.of(rel),
            "file is too large (" + size + " bytes; the limit is " + TextFile.MAX_BYTES + ")");
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      diagnostics.error(SourcePosition.of(rel), "cannot read: " + e.getMessage());
      return Optional.empty();
    }
    return TextFile.decode(rel, bytes, diagnostics)
        .flatMap(text -> FrontMatterSplitter.split(rel, text, diagnostics));
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.startsWith("_")) return true;
    }
    return false;
  }

  private static boolean inside(Path root, Path p) {
    try {
      return p.toRealPath().startsWith(root);
    } catch (IOException e) {
      return false;
    }
  }

  private static Path realPath(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      return root.toAbsolutePath().normalize();
    }
  }

  static String relative(Path root, Path p) {
    return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
