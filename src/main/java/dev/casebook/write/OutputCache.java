package dev.casebook.write;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.sitecheck.PageLinks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The build cache on disk: the files of the last site built with it, each kept under the digest
 * of what decided its bytes (its template and page model, or its source), with the links the
 * page makes. A later build asks for an output's digest and, when the cache has it, puts the kept
 * file in place of rendering it again. Everything in it is read back only when the fingerprint
 * (the Casebook build and the theme) is the one it was written with; otherwise it starts empty.
 *
 * <p>Layout of the folder:
 *
 * <ul>
 *   <li>{@code manifest.json}: the fingerprint, and for each site path its digest, size and links;
 *   <li>{@code files/<digest>}: the kept files, hard links to the site's own files where the file
 *       system allows (the site's files are replaced, never written over, so the two stay equal), else copies.
 * </ul>
 *
 * Thread-safe: pages are rendered on every core.
 */
public final class OutputCache {
  /** The manifest's format; a manifest of another is ignored. */
  static final int FORMAT = 1;
  private static final String MANIFEST = "manifest.json";
  private static final String FILES = "files";
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** A kept file: the digest of what decided it, its size, and the links it makes (HTML pages only). */
  record Entry(String digest, long size, PageLinks links) {}

  /** The manifest as written. */
  record Manifest(int format, String fingerprint, Map<String, Entry> outputs) {}

  private static final java.util.regex.Pattern DIGEST = java.util.regex.Pattern.compile("[0-9a-f]{64}");

  private final Path folder;
  private final String fingerprint;
  private Map<String, Entry> before;
  private final Map<String, Entry> now = new ConcurrentHashMap<>();

  private OutputCache(Path folder, String fingerprint, Map<String, Entry> before) {
    this.folder = folder;
    this.fingerprint = fingerprint;
    this.before = before;
  }

  /**
   * The cache in {@code folder} (created when missing); empty when it was written by another
   * Casebook, for another theme ({@code fingerprint}), or cannot be read.
   */
  public static OutputCache open(Path folder, String fingerprint) throws IOException {
    Files.createDirectories(folder.resolve(FILES));
    Map<String, Entry> before = Map.of();
    Path manifest = folder.resolve(MANIFEST);
    if (Files.isRegularFile(manifest)) {
      try (InputStream in = Files.newInputStream(manifest)) {
        Manifest m = JSON.readValue(in, Manifest.class);
        if (m != null && m.format() == FORMAT && fingerprint.equals(m.fingerprint()) && m.outputs() != null) before = m.outputs();
      } catch (IOException | RuntimeException e) {
        before = Map.of(); // a damaged manifest: start again
      }
    }
    return new OutputCache(folder, fingerprint, before);
  }

  /** How many outputs the cache held when it was opened. */
  public int size() {
    return before.size();
  }

  /**
   * Puts the kept file for {@code path} into {@code out} when the cache has it with {@code digest};
   * returns the links it makes (an empty optional of links for a file that is not a page), or
   * null when the output must be made.
   */
  public Optional<PageLinks> reuse(String path, String digest, SiteOutput out) throws IOException {
    Entry e = before.get(path);
    if (e == null || !e.digest().equals(digest)) return null;
    Path kept = file(digest);
    try {
      if (Files.size(kept) != e.size()) return null;
      out.reuse(path, kept);
    } catch (NoSuchFileException gone) {
      return null;
    }
    now.put(path, e);
    return Optional.ofNullable(e.links());
  }

  /** Notes that {@code path} was made anew from what {@code digest} names, making {@code links}. */
  public void made(String path, String digest, PageLinks links) {
    file(digest);
    now.put(path, new Entry(digest, -1, links));
  }

  /**
   * Keeps the files of the site being written in {@code site} that were made anew, writes the
   * manifest, and deletes the kept files no output names any more. Call once every output is
   * written; the cache is done with then. (The site's folder may still be renamed: the kept files
   * are links to its files or copies.) Kept files are right for their digest whether or not that
   * site is put in place.
   */
  public void store(Path site) throws IOException {
    Map<String, Entry> out = new TreeMap<>();
    Set<String> keep = new HashSet<>();
    for (Map.Entry<String, Entry> e : now.entrySet()) {
      Entry entry = e.getValue();
      Path kept = file(entry.digest());
      if (entry.size() < 0 || !Files.exists(kept)) {
        Path file = site.resolve(e.getKey());
        if (!Files.isRegularFile(file)) continue;
        keepFile(file, kept);
        entry = new Entry(entry.digest(), Files.size(kept), entry.links());
      }
      out.put(e.getKey(), entry);
      keep.add(entry.digest());
    }
    Path temp = folder.resolve(MANIFEST + ".tmp");
    try (OutputStream o = Files.newOutputStream(temp)) {
      JSON.writeValue(o, new Manifest(FORMAT, fingerprint, out));
    }
    move(temp, folder.resolve(MANIFEST));
    before = Map.of();
    now.clear();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder.resolve(FILES))) {
      for (Path f : files) if (!keep.contains(f.getFileName().toString())) Files.deleteIfExists(f);
    }
  }

  private Path file(String digest) {
    if (!DIGEST.matcher(digest).matches()) throw new IllegalArgumentException("not a digest: " + digest);
    return folder.resolve(FILES).resolve(digest);
  }

  /** A hard link to {@code file} at {@code kept}, or a copy where links cannot be made. */
  private static void keepFile(Path file, Path kept) throws IOException {
    Path temp = kept.resolveSibling(kept.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    try {
      Files.createLink(temp, file);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
    }
    move(temp, kept);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
