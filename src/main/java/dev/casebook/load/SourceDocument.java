package dev.casebook.load;

import dev.casebook.yaml.YamlMap;

/**
 * A write-up as read from disk: its front matter and its Markdown body.
 *
 * @param path relative to the library root, with {@code /} separators
 * @param bodyLine the 1-based line of the file where the body starts
 */
public record SourceDocument(String path, YamlMap frontMatter, String body, int bodyLine) {}
