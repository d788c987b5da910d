package dev.casebook.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Where the render and index stages put files: a whole new site ({@link SiteWriter}) or changes to
 * a site already in place ({@link SiteUpdate}). Paths are relative to the site root, with
 * {@code /} separators. Safe to use from several threads.
 */
public interface SiteOutput {
  void write(String path, byte[] bytes) throws IOException;

  /** A stream to a new file at {@code path}; the caller closes it. */
  OutputStream create(String path) throws IOException;

  void copy(String path, Path source) throws IOException;

  void copy(String path, InputStream source) throws IOException;

  /** Puts a file of the build cache at {@code path}, whose bytes the cache has kept unchanged: a copy unless the output can link it. */
  default void reuse(String path, Path kept) throws IOException {
    copy(path, kept);
  }

  /** Checks that {@code path} is a plain relative path inside the site; returns it normalized. */
  static Path checked(Path root, String path) throws SiteWriter.OutputException {
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || Path.of(path).normalize().startsWith("..")
        || Path.of(path).normalize().toString().isEmpty()) {
      throw new SiteWriter.OutputException("invalid output path '" + path + "'");
    }
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root)) throw new SiteWriter.OutputException("invalid output path '" + path + "'");
    return file;
  }
}
