package dev.casebook.readership;

import dev.casebook.text.UnsafeText;

/**
 * How many readers started a reading path and how many finished it. Readers are counted, never
 * named; a count from 1 to {@link Readership#MIN_GROUP} - 1 is {@link #FEW}, never the number, so
 * that the few readers of a path for a small team cannot be told apart.
 *
 * @param path the path's slug
 * @param started readers who read a first step of it, or {@link #FEW}
 * @param finished readers who have read every step of it, or {@link #FEW}
 */
public record PathReport(String path, long started, long finished) {
  /** Some readers, fewer than {@link Readership#MIN_GROUP}. */
  public static final long FEW = -1;

  public PathReport {
    path = UnsafeText.neutralize(path);
  }

  /** The report of these counts, small ones folded into {@link #FEW}. */
  public static PathReport of(String path, long started, long finished) {
    return new PathReport(path, fold(started), fold(finished));
  }

  private static long fold(long readers) {
    return readers > 0 && readers < Readership.MIN_GROUP ? FEW : Math.max(readers, 0);
  }

  /** A count as reports show it: the number, or "fewer than 5". */
  public static String label(long readers) {
    return readers == FEW ? "fewer than " + Readership.MIN_GROUP : Long.toString(readers);
  }
}
