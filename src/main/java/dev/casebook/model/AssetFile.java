package dev.casebook.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A file beside the write-ups that the site may publish (an image, a diagram, a PDF). Only the
 * ones a page links to are published, and only of the {@link #PUBLISHED_TYPES types} a browser
 * cannot run as a page or a script; SVG files are cleaned of script on the way.
 *
 * @param path relative to the library root, with {@code /} separators
 * @param file where it is on disk
 * @param edition the number of the last load whose changed files named it (0 when none did): part
 *     of what decides the copy's bytes with the file's size and time, which a file saved again
 *     within one tick of the file system's clock does not change
 */
public record AssetFile(String path, Path file, long edition) {
  public AssetFile(String path, Path file) {
    this(path, file, 0);
  }

  /**
   * The file name extensions the site publishes: images, video, audio, PDF and plain text. HTML,
   * XML, JavaScript and anything else a browser could run on the site's origin never are.
   */
  public static final List<String> PUBLISHED_TYPES = List.of(
      "png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "ico", "svg",
      "pdf", "mp4", "webm", "ogv", "mov", "mp3", "m4a", "ogg", "oga", "wav", "flac", "txt", "log", "csv");

  /** Whether a file at {@code path} is of a type the site publishes. */
  public static boolean publishable(String path) {
    return PUBLISHED_TYPES.contains(extension(path));
  }

  /** Whether a file at {@code path} is an SVG image, which is cleaned before it is published. */
  public static boolean svg(String path) {
    return extension(path).equals("svg");
  }

  /** The extension of a path's file name, in lower case, or empty. */
  public static String extension(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
