package dev.casebook.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Changes to a site that is in place (the one {@code serve} serves): the new and changed files are
 * held in memory until {@link #commit()}, which writes each one beside its old version and renames
 * it over it, so a reader sees either the old file or the new one, never half of one; files the
 * site no longer has are deleted last. Nothing reaches the site before {@code commit()}, so an
 * update that fails a check is simply dropped. A file given the bytes it has already is left alone.
 */
public final class SiteUpdate implements SiteOutput {
  private final Path root;
  private final Map<String, byte[]> files = Collections.synchronizedMap(new LinkedHashMap<>());
  private final Set<String> deleted = Collections.synchronizedSet(new LinkedHashSet<>());
  private final Set<String> unchanged = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** The files written or deleted by a {@link #commit()} so far. */
  private final Set<String> committed = new java.util.HashSet<>();
  /** The files' bytes before {@link #commit()} (null for a file that did not exist), when it can be undone. */
  private final Map<String, byte[]> before;

  private SiteUpdate(Path root, boolean undoable) {
    this.root = root;
    this.before = undoable ? new LinkedHashMap<>() : null;
  }

  /** Starts changes to the site in {@code root}, which Casebook wrote. */
  public static SiteUpdate of(Path root) throws IOException {
    return new SiteUpdate(site(root), false);
  }

  /**
   * Starts changes that {@link #undo()} can take back after {@link #commit()}: the replaced files'
   * bytes are kept in memory, so this is for a few files (the pages of an edited write-up).
   */
  public static SiteUpdate undoable(Path root) throws IOException {
    return new SiteUpdate(site(root), true);
  }

  private static Path site(Path root) throws IOException {
    Path site = root.toAbsolutePath().normalize();
    if (!Files.isRegularFile(site.resolve(SiteWriter.MARKER))) {
      throw new SiteWriter.OutputException("'" + root + "' is not a site Casebook wrote");
    }
    return site;
  }

  public Path root() {
    return root;
  }

  /**
   * Writes {@code bytes} to {@code path} at {@link #commit()}, unless the site's file has these very
   * bytes already (a page whose values changed in a way its template does not show).
   */
  @Override
  public void write(String path, byte[] bytes) throws IOException {
    Path file = SiteOutput.checked(root, path);
    if (unchanged.contains(path) || files.containsKey(path)) {
      throw new SiteWriter.OutputException("two outputs want the same file '" + path + "'");
    }
    if (Files.isRegularFile(file) && Files.size(file) == bytes.length && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
      unchanged.add(path);
      return;
    }
    if (files.putIfAbsent(path, bytes) != null) throw new SiteWriter.OutputException("two outputs want the same file '" + path + "'");
  }

  @Override
  public OutputStream create(String path) throws IOException {
    SiteOutput.checked(root, path);
    return new ByteArrayOutputStream(1 << 14) {
      private boolean closed;

      @Override
      public void close() throws IOException {
        if (closed) return;
        closed = true;
        SiteUpdate.this.write(path, toByteArray());
      }
    };
  }

  @Override
  public void copy(String path, Path source) throws IOException {
    write(path, Files.readAllBytes(source));
  }

  @Override
  public void copy(String path, InputStream source) throws IOException {
    write(path, source.readAllBytes());
  }

  /** Marks {@code path} for deletion at {@link #commit()}. */
  public void delete(String path) throws IOException {
    SiteOutput.checked(root, path);
    deleted.add(path);
  }

  /** The files written so far (not those deleted, nor those that had the same bytes already). */
  public Set<String> written() {
    synchronized (files) {
      return Set.copyOf(files.keySet());
    }
  }

  public Set<String> deletedFiles() {
    synchronized (deleted) {
      return Set.copyOf(deleted);
    }
  }

  public boolean isEmpty() {
    return files.isEmpty() && deleted.isEmpty();
  }

  /**
   * Puts every change not yet in place in place: writes, then deletions (and the folders they leave
   * empty). It may be called again after more writes, which it then puts in place; {@link #undo()}
   * takes back every commit. {@link #written()} and {@link #deletedFiles()} still tell what it did.
   */
  public void commit() throws IOException {
    Map<String, byte[]> out;
    synchronized (files) {
      out = new LinkedHashMap<>(files);
    }
    for (Map.Entry<String, byte[]> e : out.entrySet()) {
      if (!committed.add(e.getKey())) continue;
      Path file = SiteOutput.checked(root, e.getKey());
      if (before != null) before.put(e.getKey(), Files.isRegularFile(file) ? Files.readAllBytes(file) : null);
      replace(file, e.getValue());
    }
    Set<String> gone;
    synchronized (deleted) {
      gone = new LinkedHashSet<>(deleted);
    }
    if (before != null && !gone.isEmpty()) throw new IllegalStateException("an update that can be undone deletes nothing");
    for (String path : gone) {
      if (out.containsKey(path) || !committed.add(path)) continue;
      delete(SiteOutput.checked(root, path));
    }
  }

  /** Puts back the files {@link #commit()} replaced, and deletes those it created. */
  public void undo() throws IOException {
    if (before == null) throw new IllegalStateException("this update cannot be undone");
    for (Map.Entry<String, byte[]> e : before.entrySet()) {
      Path file = SiteOutput.checked(root, e.getKey());
      if (e.getValue() == null) delete(file);
      else replace(file, e.getValue());
    }
    before.clear();
  }

  /** Writes {@code bytes} beside {@code file} and renames them over it. */
  private static void replace(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".casebook");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException x) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Deletes {@code file} and the folders it leaves empty. */
  private void delete(Path file) throws IOException {
    Files.deleteIfExists(file);
    for (Path dir = file.getParent(); dir != null && !dir.equals(root) && dir.startsWith(root); dir = dir.getParent()) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) break;
      }
      Files.delete(dir);
    }
  }
}
