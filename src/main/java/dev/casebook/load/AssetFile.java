package dev.casebook.load;

import java.nio.file.Path;

/**
 * A file beside the write-ups that is copied to the site as it is (an image, a diagram).
 *
 * @param path relative to the library root, with {@code /} separators
 * @param file where it is on disk
 */
public record AssetFile(String path, Path file) {}
