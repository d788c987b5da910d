package dev.casebook.coach;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single verdict: "the root cause was", "X was the root cause", "root cause: X", "root cause
 * identified: X", a heading "Root cause". Left alone: the search for one ("we are still looking for
 * the root cause"), "the root cause was not found", plural "root causes", and a "root cause" said to
 * be a combination of several things.
 */
final class RootCauseRule extends PhraseRule {
  static final String NAME = "root-cause";
  private static final String ADJECTIVE = "(?:(?:single|main|primary|secondary|real|true|underlying|actual|ultimate|proximate"
      + "|direct|immediate|core|fundamental|critical|key|same|likely|probable|exact) )?";
  private static final String ROOT_CAUSE = "root[- ]cause";
  private static final Pattern PHRASES = Pattern.compile("(?i)"
      // the root cause (of the outage) was ...
      + "\\b(?:the|a|one|our|its|their|[\\w\\-]+['’]s) " + ADJECTIVE + ROOT_CAUSE
      + "(?: (?:of|for|behind) (?:the |this |that |our )?[\\w\\- ]{1,40}?)?"
      + " (?:was|is|were|has been|turned out to be|stemmed from|originated|lay|lies|came from)\\b"
      // ... was the root cause; identified X as the root cause; the same root cause as
      + "|\\b(?:was|is|be|been|being) (?:the|a|one) " + ADJECTIVE + ROOT_CAUSE + "\\b(?!s)"
      + "|\\bas the " + ADJECTIVE + ROOT_CAUSE + "\\b(?!s)"
      + "|\\bsame (?:\\w+ )?" + ROOT_CAUSE + "\\b(?!s)"
      // root cause: X; root cause identified: X; root cause traced to X; the root cause to be X
      + "|\\b" + ROOT_CAUSE + "\\s*:"
      + "|\\b" + ROOT_CAUSE + " (?:(?:was |is |has been )?(?:identified|traced|found|confirmed|determined|discovered)\\s*(?::|as\\b|to\\b)|to be\\b)"
      // (primary root cause); the root cause (CPU sizing); root cause analysis showed
      + "|\\(\\s*" + ADJECTIVE + ROOT_CAUSE + "\\s*\\)"
      + "|\\b" + ROOT_CAUSE + " \\([^)]{1,40}\\)"
      + "|\\b" + ROOT_CAUSE + " analysis (?:showed|found|revealed|determined|identified|concluded)\\b"
      // a heading
      + "|\\A\\s*" + ROOT_CAUSE + "(?: analysis)?\\s*\\z");
  /** After "the root cause was": it was not (yet) found, so nothing is judged. */
  private static final Set<String> NOT_FOUND = Judgement.words("not", "never", "still", "unknown", "unclear", "yet", "undetermined");
  /** After "identified" or "found": when, not what. */
  private static final Set<String> WHEN = Judgement.words("during", "by", "at", "on", "after", "when", "within", "until", "later",
      "quickly", "shortly", "early", "soon", "and");
  private static final Set<String> FOUND = Judgement.words("identified", "found", "determined", "discovered", "confirmed", "traced");
  /** A "root cause" said to be several things at once is a list of contributors in other words. */
  private static final Set<String> SEVERAL = Judgement.words("combination", "interaction", "several", "multiple", "series", "mix");

  RootCauseRule(boolean asError) {
    super(PHRASES, asError, java.util.List.of("root"));
  }

  @Override
  boolean anchor(String word, String previous) {
    return word.equals("root");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  boolean readsHeadings() {
    return true;
  }

  @Override
  boolean judges(String voice, Matcher match) {
    String[] after = PhraseRule.wordsAfter(voice, match.end(), 8);
    int first = 0;
    if (after.length > 0 && NOT_FOUND.contains(after[0])) return false;
    if (after.length > 0 && FOUND.contains(after[0])) {
      if (after.length > 1 && WHEN.contains(after[1])) return false;
      first = 1;
    }
    for (int i = first; i < Math.min(after.length, first + 6); i++) {
      if (SEVERAL.contains(PhraseRule.letters(after[i]))) return false;
    }
    return true;
  }

  @Override
  String explain(String phrase) {
    return "'" + phrase.replaceAll("\\s+", " ") + "' gives one verdict where several conditions combined";
  }

  @Override
  String better() {
    return "list the contributors, and say what made the incident difficult";
  }
}
