package dev.casebook.load;

import dev.casebook.model.AssetFile;
import dev.casebook.diag.Diagnostic;
import dev.casebook.memo.Memo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files the load stage read last time, by path, size and modification time, with what
 * reading them gave (the document, or the problems). A file that has not changed since is not
 * read again; files named as changed (by the file watcher) always are, and the other files they
 * name (images) get a new {@link AssetFile#edition}, so that they are copied again even when their
 * size and time look unchanged.
 */
public final class ReadCache {
  /** A file as it was when read. */
  record Stamp(String path, long size, long modified) {}

  /** What reading a file gave; when it could not be read, the id its text still shows (else null). */
  record Read(Optional<SourceDocument> document, List<Diagnostic> diagnostics, UnreadDocument unread) {}

  /** A Markdown file the walk found: where it is, its path in the library, and its attributes (null to read them). */
  record Found(Path file, String path, BasicFileAttributes attributes) {}

  /** What walking the write-ups' folder found: the write-ups and other files, in path order. */
  record Walk(Path content, List<Found> markdown, List<AssetFile> assets, java.util.Map<Path, BasicFileAttributes> attributes,
      List<Diagnostic> diagnostics) {}

  private final Memo<Stamp, Read> reads = Memo.byValue();
  private volatile Set<Path> changed = Set.of();
  /** The last walk of each folder the loader walked (the write-ups', the design documents', the reading paths'). */
  private final java.util.Map<Path, Walk> walks = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile boolean walksValid;
  /** For each file named as changed, the number of the last load that named it. */
  private final java.util.Map<Path, Long> editions = new java.util.concurrent.ConcurrentHashMap<>();
  private long loads;
  private List<AssetFile> lastAssets;

  /** A cache that remembers nothing, for a one-off build. */
  public static ReadCache none() {
    return new ReadCache();
  }

  /**
   * Starts a load in which {@code changedFiles} (absolute, normalized; the library may be reached
   * through a symbolic link, which the loader resolves) are read whatever their stamps say.
   */
  public void begin(Set<Path> changedFiles) {
    reads.begin();
    Set<Path> named = new java.util.HashSet<>();
    for (Path p : changedFiles) named.add(asWalked(p));
    changed = Set.copyOf(named);
    loads++;
    for (Path p : changed) editions.put(p, loads);
    // The last walks still hold when only files they found changed, and those are still there: an
    // edit. A file that came or went, or anything else named, has every folder walked again.
    walksValid = !walks.isEmpty() && !changed.isEmpty() && changed.stream().allMatch(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && walks.values().stream().anyMatch(w -> w.attributes().containsKey(p)));
  }

  /** {@code file} as the loader names it: the real path of its folder, and its name. */
  private static Path asWalked(Path file) {
    Path folder = file.getParent();
    if (folder == null) return file;
    try {
      return folder.toRealPath().resolve(file.getFileName());
    } catch (IOException e) {
      return file; // its folder is gone as well
    }
  }

  /** The last walk of {@code content}, when no file came or went since; else null. */
  Walk walk(Path content) {
    return walksValid ? walks.get(content) : null;
  }

  /**
   * A walk's other files, each with the number of the last load that named it as changed (see
   * {@link AssetFile#edition}); the same list object as last time while they are equal, so stages
   * that compare it by identity find it unchanged.
   */
  synchronized List<AssetFile> editions(List<AssetFile> assets) {
    List<AssetFile> out = assets;
    if (!editions.isEmpty()) {
      List<AssetFile> named = new java.util.ArrayList<>(assets.size());
      for (AssetFile a : assets) {
        Long edition = editions.get(a.file());
        named.add(edition == null ? a : new AssetFile(a.path(), a.file(), edition));
      }
      out = List.copyOf(named);
    }
    if (!out.equals(lastAssets)) lastAssets = out;
    return lastAssets;
  }

  /** Keeps {@code walk} for the next load; the walks of other folders are kept as well. */
  void walked(Walk walk) {
    walks.put(walk.content(), walk);
  }

  /** @param attributes the file's, when the caller has them (null to read them) */
  Read read(String relative, Path file, BasicFileAttributes attributes, java.util.function.Supplier<Read> reader) {
    Stamp stamp;
    try {
      if (attributes == null) attributes = Files.readAttributes(file, BasicFileAttributes.class);
      stamp = new Stamp(relative, attributes.size(), attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
    } catch (IOException e) {
      return reader.get();
    }
    if (!changed.isEmpty() && changed.contains(file.toAbsolutePath().normalize())) return reads.refresh(stamp, s -> reader.get());
    return reads.get(stamp, s -> reader.get());
  }
}
