package dev.casebook.model;

import dev.casebook.diag.SourcePosition;

/**
 * Lines of a file in a code repository that a write-up cites in its {@code code} front matter.
 *
 * @param repo the repository's name in {@code casebook.yml}
 * @param path the file, relative to the repository root, with {@code /} separators
 * @param start the first line cited (1-based)
 * @param end the last line cited, {@code start} for a single line
 * @param commit the commit the lines are cited at, as written (7 to 40 hex digits), or null
 * @param keyPositions where each of its values is written, by key, for diagnostics
 */
public record CodeReference(String repo, String path, int start, int end, String commit, java.util.Map<String, SourcePosition> keyPositions) {

  public CodeReference {
    keyPositions = java.util.Map.copyOf(keyPositions);
  }

  /** Where the value of {@code key} ({@code repo}, {@code path}, {@code lines}, {@code commit}) is written. */
  public SourcePosition positionOf(String key) {
    return keyPositions.getOrDefault(key, keyPositions.get("path"));
  }

  /** {@code 40} or {@code 40-58}. */
  public String lines() {
    return start == end ? Integer.toString(start) : start + "-" + end;
  }
}
