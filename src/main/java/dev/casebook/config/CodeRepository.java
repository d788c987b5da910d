package dev.casebook.config;

import dev.casebook.diag.SourcePosition;

/**
 * A code repository write-ups cite and that may cite them, from the {@code code} list of
 * {@code casebook.yml}.
 *
 * @param name how write-ups name it in their {@code code} references
 * @param url the repository's web URL, such as {@code https://github.com/acme/shop}
 * @param permalink how links to lines of its files are made
 * @param path the local checkout of the repository's root, relative to the library root, or null
 *     when there is none; it may be a folder inside a larger git work tree
 * @param scan whether its comments are searched for incident ids (only with a checkout)
 * @param branch what links point at when no commit is known
 * @param position where it is declared, for diagnostics
 */
public record CodeRepository(
    String name, String url, PermalinkTemplate permalink, String path, boolean scan, String branch, SourcePosition position) {

  public static final String DEFAULT_BRANCH = "main";

  public boolean hasCheckout() {
    return path != null;
  }

  /** The link to lines {@code start} to {@code end} of {@code filePath} at {@code commit} (null: the branch). */
  public String link(String commit, String filePath, int start, int end) {
    return permalink.link(url, commit, branch, filePath, start, end);
  }
}
