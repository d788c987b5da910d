package dev.casebook.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known word a misspelled one most likely meant, for "did you mean" hints. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The closest candidate within a distance that still looks like a typo, if any; of equally
   * close ones the first in alphabetical order, so the answer never depends on iteration order.
   */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String lower = word.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(3, lower.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d <= limit && (d < bestDistance || (d == bestDistance && candidate.compareTo(best) < 0))) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code did you mean 'x'?}, or null when nothing is close. */
  public static String didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> "did you mean '" + c + "'?").orElse(null);
  }

  /**
   * How many edits turn {@code a} into {@code b}, where an edit inserts, deletes or replaces one
   * character or swaps two neighbours, so that the common typo {@code titel} is one edit away
   * from {@code title} (optimal string alignment distance).
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }
}
