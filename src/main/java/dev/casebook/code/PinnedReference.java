package dev.casebook.code;

import dev.casebook.model.CodeReference;

/**
 * A write-up's {@code code} reference with the link it shows.
 *
 * @param commit the full commit id the link is pinned to, or null when it points at a branch
 * @param permalink the link to the cited lines
 */
public record PinnedReference(CodeReference reference, String commit, String permalink) {

  /** How the citation graph names the cited lines. */
  public String key() {
    return CodeLocations.key(reference.repo(), reference.path(), reference.start(), reference.end());
  }
}
