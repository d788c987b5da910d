package dev.casebook.code;

/** Names of places in code, as the citation graph writes them. */
public final class CodeLocations {
  private CodeLocations() {}

  /** {@code code:<repo>/<path>#L<start>} or {@code code:<repo>/<path>#L<start>-L<end>}. */
  public static String key(String repo, String path, int start, int end) {
    return "code:" + repo + "/" + path + "#L" + start + (end == start ? "" : "-L" + end);
  }

  /** The first 7 digits of a commit id, as people write it. */
  public static String shortCommit(String commit) {
    return commit == null ? "" : commit.substring(0, Math.min(7, commit.length()));
  }
}
