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
import java.util.Set;
import java.util.stream.Stream;

/**
 * The load stage: finds the write-ups and their assets under the library's content folder and
 * reads each write-up into front matter and body. Never follows a link out of the library.
 * A library without an {@code incidents} folder is a plain folder of write-ups: every Markdown
 * file in it but READMEs, the theme and the output is a write-up, and only images, videos and
 * PDFs beside them are copied.
 */
public final class LibraryLoader {
  /** Without an incidents folder, only these files beside the write-ups are copied to the site. */
  private static final java.util.regex.Pattern MEDIA =
      java.util.regex.Pattern.compile("\\.(png|jpe?g|gif|svg|webp|avif|pdf|mp4|webm)$", java.util.regex.Pattern.CASE_INSENSITIVE);

  private LibraryLoader() {}

  public static LibrarySources load(Path root, SiteConfig config, Diagnostics diagnostics) {
    Path libraryRoot = realPath(root);
    String folder = config.folders().incidents();
    Path content = libraryRoot.resolve(folder).normalize();
    boolean wholeLibrary = false;
    if (!Files.isDirectory(content)) {
      // A plain folder of write-ups: every Markdown file in the library but READMEs and the theme.
      content = libraryRoot;
      folder = "";
      wholeLibrary = true;
    }
    Set<Path> skipped = Set.of(libraryRoot.resolve(config.folders().templates()).normalize(),
        libraryRoot.resolve(config.folders().output()).normalize());
    List<Path> markdown = new ArrayList<>();
    List<AssetFile> assets = new ArrayList<>();
    Path top = content;
    boolean readmes = wholeLibrary;
    try (Stream<Path> walk = Files.walk(content)) {
      walk.filter(p -> !p.equals(top))
          .filter(p -> !hidden(top.relativize(p)))
          .filter(p -> skipped.stream().noneMatch(p::startsWith))
          .filter(p -> !(readmes && p.getFileName().toString().equalsIgnoreCase("README.md")))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(p -> {
            String rel = relative(libraryRoot, p);
            if (!inside(libraryRoot, p)) {
              diagnostics.error(SourcePosition.of(rel), "is a symbolic link to a file outside the library; it is left out");
            } else if (rel.endsWith(".md") || rel.endsWith(".markdown")) {
              markdown.add(p);
            } else if (!readmes || MEDIA.matcher(rel).find()) {
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
    return new LibrarySources(documents, assets, folder, designDocuments(libraryRoot, config, diagnostics));
  }

  /** The Markdown files of the design folders (READMEs, hidden and {@code _} files left out). */
  private static List<SourceDocument> designDocuments(Path libraryRoot, SiteConfig config, Diagnostics diagnostics) {
    List<Path> files = new ArrayList<>();
    for (String folder : config.folders().design()) {
      Path dir = libraryRoot.resolve(folder).normalize();
      if (!Files.isDirectory(dir)) {
        if (!config.folders().design().equals(SiteConfig.Folders.DEFAULT.design())) {
          diagnostics.warning(SourcePosition.of(SiteConfig.FILE_NAME), "design folder '" + folder + "' does not exist");
        }
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(p -> !p.equals(dir) && !hidden(dir.relativize(p)))
            .filter(p -> p.getFileName().toString().endsWith(".md") && !p.getFileName().toString().equalsIgnoreCase("README.md"))
            .filter(Files::isRegularFile)
            .filter(p -> inside(libraryRoot, p))
            .sorted()
            .forEach(files::add);
      } catch (IOException | UncheckedIOException e) {
        diagnostics.error(SourcePosition.of(folder), "cannot read the folder: " + e.getMessage());
      }
    }
    return files.parallelStream().map(p -> read(libraryRoot, p, diagnostics)).flatMap(Optional::stream).toList();
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
