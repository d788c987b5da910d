package dev.casebook.code;

import dev.casebook.diag.SourcePosition;

/**
 * A comment in a code repository that cites a write-up by its id.
 *
 * @param id the write-up's id, as the comment writes it
 * @param repo the repository's name in {@code casebook.yml}
 * @param path the file, relative to the repository root
 * @param line the line the id is on (1-based)
 * @param text the comment's text, without its comment markers
 * @param permalink the link to that line, pinned to {@code commit} when there is one
 * @param commit the commit scanned, or null when the checkout is not a git repository
 * @param position the id's place, relative to the library root, for diagnostics
 */
public record CodeCitation(
    String id, String repo, String path, int line, String text, String permalink, String commit, SourcePosition position) {

  /** How the citation graph names the cited location: {@code code:<repo>/<path>#L<line>}. */
  public String key() {
    return CodeLocations.key(repo, path, line, line);
  }
}
