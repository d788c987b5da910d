package dev.casebook.changes;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which problems a change is answerable for: every problem in a file it changed, and every
 * problem elsewhere that was not there before it (a removed id that other write-ups cite, a
 * renamed file they link to, a vocabulary entry taken out of casebook.yml).
 *
 * <p>A problem "was there before" when the library at the base commit had the same problem in the
 * same file: same severity and message, wherever the line and whatever the hint (a "did you mean"
 * follows the other files). Line numbers inside a message (as in "also used by x.md:2:1") are
 * ignored too, so moved lines do not make old problems new. Identical problems are counted, so a
 * second copy of an old problem is new.
 *
 * <p>Notes are shown only in changed files: a note in another file points at an error of its own
 * elsewhere (a write-up cites one that the change broke), and that error is the one to fix.
 */
public final class ChangedDiagnostics {
  private ChangedDiagnostics() {}

  /**
   * @param reported the problems to show, in the order given
   * @param hidden how many problems were left out: in unchanged files, and there before
   */
  public record Selection(List<Diagnostic> reported, int hidden) {}

  public static Selection select(List<Diagnostic> now, List<Diagnostic> before, Set<String> changed) {
    Map<String, Integer> old = new HashMap<>();
    for (Diagnostic d : before) old.merge(key(d), 1, Integer::sum);
    List<Diagnostic> reported = new ArrayList<>();
    int hidden = 0;
    for (Diagnostic d : now) {
      if (d.severity() == Severity.NOTE && !changed.contains(d.position().file())) continue;
      String key = key(d);
      int left = old.getOrDefault(key, 0);
      boolean wasThere = left > 0;
      if (wasThere) old.put(key, left - 1);
      if (changed.contains(d.position().file()) || !wasThere) reported.add(d);
      else hidden++;
    }
    return new Selection(List.copyOf(reported), hidden);
  }

  private static String key(Diagnostic d) {
    String message = d.message().replaceAll(":\\d+(:\\d+)?\\b", "");
    return d.position().file() + "\u0000" + d.severity() + "\u0000" + message;
  }
}
