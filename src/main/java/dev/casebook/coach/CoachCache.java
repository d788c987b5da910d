package dev.casebook.coach;

import dev.casebook.diag.Diagnostic;
import dev.casebook.memo.Memo;
import dev.casebook.model.Incident;
import java.util.List;
import java.util.function.Function;

/**
 * The hints of each write-up from the last run, so that an edit coaches only the edited write-up
 * again; dropped when the rules change (casebook.yml, the Vale rules or the skeleton).
 */
public final class CoachCache {
  private final Memo<Incident, List<Diagnostic>> hints = Memo.byIdentity();
  private Object rules;

  public static CoachCache none() {
    return new CoachCache();
  }

  synchronized void begin(Object rulesNow) {
    if (!rulesNow.equals(rules)) hints.clear();
    rules = rulesNow;
    hints.begin();
  }

  List<Diagnostic> hints(Incident incident, Function<Incident, List<Diagnostic>> coach) {
    return hints.get(incident, coach);
  }
}
