package dev.casebook.history;

/**
 * Whether write-ups show when they last changed from the library's git history ({@code git_info}
 * in casebook.yml).
 */
public enum GitInfo {
  /** Only when the library's root is the top of a git work tree (it has a {@code .git} of its own). */
  AUTO,
  /** Always, also for a library in a folder of a larger repository. */
  ON,
  /** Never. */
  OFF
}
