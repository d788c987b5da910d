package dev.casebook.load;

import dev.casebook.model.AssetFile;
import dev.casebook.text.TextFile;
import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
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
 * file in it but READMEs, the theme and the output is a write-up, and only files of the types the
 * site publishes ({@link AssetFile#PUBLISHED_TYPES}) are assets. Assets are published only when a
 * page links to them (the link stage decides).
 */
public final class LibraryLoader {
  private LibraryLoader() {}

  public static LibrarySources load(Path root, SiteConfig config, Diagnostics diagnostics) {
    return load(root, config, diagnostics, ReadCache.none());
  }

  /** Loads the library, reading again only the files that changed since {@code cache} saw them. */
  public static LibrarySources load(Path root, SiteConfig config, Diagnostics diagnostics, ReadCache cache) {
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
    Set<Path> skipped = Set.copyOf(List.of(libraryRoot.resolve(config.folders().templates()).normalize(),
        libraryRoot.resolve(config.folders().output()).normalize(), libraryRoot.resolve(config.folders().paths()).normalize()));
    ReadCache.Walk walk = cache.walk(content);
    if (walk == null) {
      walk = walk(libraryRoot, content, folder, skipped, wholeLibrary);
      cache.walked(walk);
    }
    diagnostics.addAll(walk.diagnostics());
    List<AssetFile> assets = cache.editions(walk.assets());
    List<ReadCache.Read> reads = walk.markdown().parallelStream()
        .map(f -> cachedRead(libraryRoot, f.file(), f.path(), f.attributes(), diagnostics, cache))
        .toList();
    List<SourceDocument> documents = reads.stream().map(ReadCache.Read::document).flatMap(Optional::stream).toList();
    List<UnreadDocument> unread = reads.stream().map(ReadCache.Read::unread).filter(Objects::nonNull).toList();
    return new LibrarySources(documents, assets, folder, designDocuments(libraryRoot, config, diagnostics, cache), unread,
        documentsIn(libraryRoot, List.of(config.folders().paths()),
            !config.folders().paths().equals(SiteConfig.Folders.DEFAULT.paths()), "paths", diagnostics, cache));
  }

  private static ReadCache.Read cachedRead(Path libraryRoot, Path file, String relative, BasicFileAttributes attrs,
      Diagnostics diagnostics, ReadCache cache) {
    ReadCache.Read read = cache.read(relative, file, attrs, () -> read(libraryRoot, file));
    diagnostics.addAll(read.diagnostics());
    return read;
  }

  /** The write-ups and other files under {@code content}, in path order, with their attributes. */
  private static ReadCache.Walk walk(Path libraryRoot, Path content, String folder, Set<Path> skipped, boolean wholeLibrary) {
    Diagnostics diagnostics = new Diagnostics();
    List<ReadCache.Found> markdown = new ArrayList<>();
    List<AssetFile> assets = new ArrayList<>();
    Path top = content;
    boolean readmes = wholeLibrary;
    Map<Path, BasicFileAttributes> found = new java.util.TreeMap<>();
    try {
      files(top, skipped, name -> !(readmes && name.equalsIgnoreCase("README.md")), found);
      found.forEach((p, attrs) -> {
        String rel = relative(libraryRoot, p);
        if (attrs == null && !inside(libraryRoot, p)) {
          diagnostics.error(SourcePosition.of(rel), "is a symbolic link to a file outside the library; it is left out");
        } else if (rel.endsWith(".md") || rel.endsWith(".markdown")) {
          markdown.add(new ReadCache.Found(p, rel, attrs));
        } else if (!readmes || AssetFile.publishable(rel)) {
          assets.add(new AssetFile(rel, p));
        }
      });
    } catch (IOException | UncheckedIOException e) {
      diagnostics.error(SourcePosition.of(folder), "cannot read the folder: " + e.getMessage());
    }
    return new ReadCache.Walk(content, List.copyOf(markdown), List.copyOf(assets), found, diagnostics.sorted());
  }

  /** The Markdown files of the design folders (READMEs, hidden and {@code _} files left out). */
  private static List<SourceDocument> designDocuments(Path libraryRoot, SiteConfig config, Diagnostics diagnostics,
      ReadCache cache) {
    return documentsIn(libraryRoot, config.folders().design(),
        !config.folders().design().equals(SiteConfig.Folders.DEFAULT.design()), "design", diagnostics, cache);
  }

  /**
   * The Markdown files of {@code folders} (READMEs, hidden and {@code _} files left out), in path
   * order; a missing folder is a warning when {@code named} (casebook.yml names it).
   */
  private static List<SourceDocument> documentsIn(Path libraryRoot, List<String> folders, boolean named, String what,
      Diagnostics diagnostics, ReadCache cache) {
    List<ReadCache.Found> files = new ArrayList<>();
    for (String folder : folders) {
      Path dir = libraryRoot.resolve(folder).normalize();
      if (!Files.isDirectory(dir)) {
        if (named) diagnostics.warning(SourcePosition.of(SiteConfig.FILE_NAME), what + " folder '" + folder + "' does not exist");
        continue;
      }
      ReadCache.Walk walk = cache.walk(dir);
      if (walk == null) {
        walk = documentsWalk(libraryRoot, dir, folder);
        cache.walked(walk);
      }
      diagnostics.addAll(walk.diagnostics());
      files.addAll(walk.markdown());
    }
    return files.parallelStream().map(f -> cachedRead(libraryRoot, f.file(), f.path(), f.attributes(), diagnostics, cache))
        .map(ReadCache.Read::document).flatMap(Optional::stream).toList();
  }

  /**
   * The Markdown files under {@code dir} in path order (READMEs, hidden and {@code _} files and
   * folders left out, and files that a symbolic link takes out of the library), with their
   * attributes when the walk has them.
   */
  private static ReadCache.Walk documentsWalk(Path libraryRoot, Path dir, String folder) {
    Diagnostics diagnostics = new Diagnostics();
    Map<Path, BasicFileAttributes> found = new java.util.TreeMap<>();
    try {
      files(dir, Set.of(), name -> name.endsWith(".md") && !name.equalsIgnoreCase("README.md"), found);
    } catch (IOException | UncheckedIOException e) {
      diagnostics.error(SourcePosition.of(folder), "cannot read the folder: " + e.getMessage());
    }
    found.entrySet().removeIf(e -> e.getValue() == null && !inside(libraryRoot, e.getKey()));
    List<ReadCache.Found> markdown = new ArrayList<>();
    found.forEach((p, attrs) -> markdown.add(new ReadCache.Found(p, relative(libraryRoot, p), attrs)));
    return new ReadCache.Walk(dir, List.copyOf(markdown), List.of(), found, diagnostics.sorted());
  }

  /**
   * Puts in {@code found} the regular files under {@code top} whose names {@code wanted} takes,
   * hidden and {@code _} files and folders and the {@code skipped} folders left out, each with its
   * attributes, or null for a file that a symbolic link may take out of the library (for the
   * caller to check with {@link #inside}). Only a symbolic link can lead out of the library: the
   * walk does not follow linked folders.
   */
  private static void files(Path top, Set<Path> skipped, java.util.function.Predicate<String> wanted,
      Map<Path, BasicFileAttributes> found) throws IOException {
    boolean topIsReal = realPath(top).equals(top);
    Files.walkFileTree(top, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir.equals(top)) return FileVisitResult.CONTINUE;
        return hidden(dir.getFileName()) || skipped.contains(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
        if (hidden(p.getFileName()) || !wanted.test(p.getFileName().toString())) return FileVisitResult.CONTINUE;
        if (attrs.isRegularFile() && topIsReal) {
          found.put(p, attrs);
        } else if (Files.isRegularFile(p)) {
          found.put(p, attrs.isSymbolicLink() || !topIsReal ? null : attrs);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        throw e;
      }
    });
  }

  /**
   * Reads and splits one write-up file, with its problems; when that fails, the id its text still
   * shows is kept.
   */
  private static ReadCache.Read read(Path libraryRoot, Path file) {
    Diagnostics diagnostics = new Diagnostics();
    String rel = relative(libraryRoot, file);
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > TextFile.MAX_BYTES) {
        diagnostics.error(SourcePosition.of(rel),
            "file is too large (" + size + " bytes; the limit is " + TextFile.MAX_BYTES + ")");
        try (java.io.InputStream in = Files.newInputStream(file)) {
          return unread(rel, in.readNBytes(UnreadDocument.HEAD_BYTES), diagnostics);
        }
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      diagnostics.error(SourcePosition.of(rel), "cannot read: " + e.getMessage());
      return new ReadCache.Read(Optional.empty(), diagnostics.sorted(), null);
    }
    Optional<SourceDocument> doc = TextFile.decode(rel, bytes, diagnostics)
        .flatMap(text -> FrontMatterSplitter.split(rel, text, diagnostics));
    return doc.isPresent() ? new ReadCache.Read(doc, diagnostics.sorted(), null) : unread(rel, bytes, diagnostics);
  }

  private static ReadCache.Read unread(String rel, byte[] head, Diagnostics diagnostics) {
    List<dev.casebook.diag.Diagnostic> problems = diagnostics.sorted();
    SourcePosition error = problems.stream().filter(dev.casebook.diag.Diagnostic::isError).findFirst()
        .map(dev.casebook.diag.Diagnostic::position).orElse(SourcePosition.of(rel));
    return new ReadCache.Read(Optional.empty(), problems, UnreadDocument.recover(rel, head, error).orElse(null));
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
