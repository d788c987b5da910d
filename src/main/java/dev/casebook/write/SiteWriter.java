package dev.casebook.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The write stage. Files go to a fresh folder beside the output folder; {@link #commit()} puts it
 * in place of the old site with two renames, and {@link #abort()} deletes it, so a failed build
 * leaves the previous site as it was. Safe to use from several threads.
 *
 * <p>The staging folder is named {@code .<output>.casebook-<random>} (the old site, while it is
 * swapped out, {@code .<output>.old-<random>}) and holds the {@link #MARKER} file, locked while its
 * build runs. A build that was killed leaves its folder behind; the next build for the same output
 * deletes such folders: named so, holding the marker (or nothing at all, for a minute), and not
 * locked by a running build. Nothing else is ever deleted.
 */
public final class SiteWriter implements SiteOutput, AutoCloseable {
  /** A file every site Casebook writes carries, so it never replaces a folder it did not write. */
  public static final String MARKER = ".casebook";

  private static final String STAGING = ".casebook-";
  private static final String OLD = ".old-";
  private static final byte[] MARKER_TEXT = "This folder was written by Casebook and is replaced by every build.\n".getBytes();

  private final Path target;
  private final Path staging;
  /** The marker of the staging folder, locked while this build runs, so no other build deletes it. */
  private java.nio.channels.FileChannel marker;
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  /** Folders of the new site known to exist, so that each is created once. */
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private boolean done;

  private SiteWriter(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /** Starts writing a site that will replace {@code target}. */
  public static SiteWriter open(Path target) throws IOException {
    Path out = target.toAbsolutePath().normalize();
    if (out.getParent() == null) throw new OutputException("refusing to write the site to " + out);
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new OutputException("output '" + target + "' exists and is not a folder");
    }
    if (Files.isDirectory(out) && !isEmpty(out) && !Files.exists(out.resolve(MARKER))) {
      throw new OutputException("refusing to replace '" + target + "': it was not written by Casebook "
          + "(remove it or choose another --out)");
    }
    Files.createDirectories(out.getParent());
    removeLeftovers(out);
    Path staging = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + STAGING);
    SiteWriter writer = new SiteWriter(out, staging);
    try {
      writer.marker = lockedMarker(writer.claim(MARKER));
      writer.marker.write(java.nio.ByteBuffer.wrap(MARKER_TEXT));
    } catch (IOException | RuntimeException e) {
      writer.abort();
      throw e;
    }
    return writer;
  }

  /** Creates the marker file at {@code file} and locks it for as long as the channel is open. */
  private static java.nio.channels.FileChannel lockedMarker(Path file) throws IOException {
    java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
    try {
      channel.lock();
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Deletes the staging folders and swapped-out old sites that builds of {@code out} which were
   * killed left beside it; a folder in use by a running build, or not written by Casebook, stays.
   */
  static void removeLeftovers(Path out) throws IOException {
    String staging = "." + out.getFileName() + STAGING;
    String old = "." + out.getFileName() + OLD;
    List<Path> leftovers = new ArrayList<>();
    try (java.nio.file.DirectoryStream<Path> siblings = Files.newDirectoryStream(out.getParent(), p -> {
      String name = p.getFileName().toString();
      return name.startsWith(staging) || name.startsWith(old);
    })) {
      for (Path p : siblings) if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && abandoned(p)) leftovers.add(p);
    }
    for (Path p : leftovers) {
      try {
        deleteTree(p);
      } catch (UncheckedIOException e) {
        // Another build removed it first, or it cannot be removed: it is only left over.
      }
    }
  }

  /** Whether {@code folder} was written by a build of Casebook that no longer runs. */
  private static boolean abandoned(Path folder) throws IOException {
    Path marker = folder.resolve(MARKER);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
      // Killed before it wrote its marker: an empty folder, left alone while a build may be starting.
      return isEmpty(folder) && Files.getLastModifiedTime(folder).toMillis() < System.currentTimeMillis() - 60_000;
    }
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(marker, java.nio.file.StandardOpenOption.WRITE)) {
      java.nio.channels.FileLock lock = channel.tryLock();
      if (lock == null) return false;
      lock.release();
      return true;
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return false;
    }
  }

  public Path target() {
    return target;
  }

  /** The folder the new site is being written to, until {@link #commit()} moves it in place. */
  public Path root() {
    return staging;
  }

  /** Writes {@code bytes} to {@code path} (relative, {@code /}-separated) in the new site. */
  @Override
  public void write(String path, byte[] bytes) throws IOException {
    Files.write(claim(path), bytes);
  }

  /** A buffered stream to a new file at {@code path}; the caller closes it. */
  @Override
  public java.io.OutputStream create(String path) throws IOException {
    return new java.io.BufferedOutputStream(Files.newOutputStream(claim(path)), 64 * 1024);
  }

  @Override
  public void copy(String path, Path source) throws IOException {
    Files.copy(source, claim(path), StandardCopyOption.REPLACE_EXISTING);
  }

  /** A hard link to the cache's file where the file system allows: the cache and the site never write over a file. */
  @Override
  public void reuse(String path, Path kept) throws IOException {
    Path file = claim(path);
    try {
      Files.deleteIfExists(file);
      Files.createLink(file, kept);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(kept, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public void copy(String path, InputStream source) throws IOException {
    Files.copy(source, claim(path), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The paths written so far. */
  public Set<String> files() {
    return java.util.Collections.unmodifiableSet(written);
  }

  private Path claim(String path) throws IOException {
    Path file = SiteOutput.checked(staging, path);
    if (!written.add(path)) throw new OutputException("two outputs want the same file '" + path + "'");
    Path folder = file.getParent();
    if (!folders.contains(folder)) {
      Files.createDirectories(folder);
      folders.add(folder);
    }
    return file;
  }

  /** Replaces the old site with the new one. */
  public void commit() throws IOException {
    if (done) throw new IllegalStateException("already finished");
    done = true;
    Path old = null;
    java.nio.channels.FileChannel oldMarker = null;
    try {
      if (Files.exists(target)) {
        // The old site keeps its marker locked while it is swapped out, so no other build deletes it meanwhile.
        if (Files.isRegularFile(target.resolve(MARKER))) {
          oldMarker = java.nio.channels.FileChannel.open(target.resolve(MARKER), java.nio.file.StandardOpenOption.WRITE);
          oldMarker.lock();
        }
        old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + OLD);
        Files.delete(old);
        move(target, old);
      }
      try {
        move(staging, target);
      } catch (IOException e) {
        if (old != null) move(old, target);
        unlock();
        deleteTree(staging);
        throw e;
      }
      unlock();
      if (old != null) deleteTree(old);
    } finally {
      if (oldMarker != null) oldMarker.close();
      unlock();
    }
  }

  private void unlock() throws IOException {
    if (marker != null) marker.close();
    marker = null;
  }

  /** Throws the new site away; the old one stays. */
  public void abort() {
    if (done) return;
    done = true;
    try {
      unlock();
    } catch (IOException e) {
      // the lock goes with the folder
    }
    deleteTree(staging);
  }

  @Override
  public void close() {
    abort();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /** Deletes a folder and everything in it, if it exists. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) return;
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The output folder cannot be written as asked. */
  public static final class OutputException extends IOException {
    public OutputException(String message) {
      super(message);
    }
  }
}
