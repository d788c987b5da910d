package dev.casebook.coach;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counterfactuals that judge people with hindsight: "should have noticed", "could have rolled
 * back", "failed to escalate", "neglected", "didn't bother". Said of a system ("the check should
 * have passed", "the pods failed to start") they are neutral and left alone.
 */
final class HindsightRule extends PhraseRule {
  static final String NAME = "hindsight";
  private static final Pattern PHRASES = Pattern.compile("(?i)\\b(?:should(?: not|n't|n’t)? have|should've|should’ve"
      + "|could(?: not|n't|n’t)? have|could've|could’ve|ought to have|fail(?:ed|s)? to|neglect(?:ed|ing)?(?: to)?"
      + "|did(?:n't|n’t| not) bother|never bothered)\\b");
  /** After "should have been": the counterfactual is about what people did. */
  private static final Set<String> PASSIVE = Judgement.words("obvious", "clear", "apparent", "avoided", "prevented", "detected",
      "handled", "escalated", "caught", "noticed", "spotted", "tested", "reviewed", "checked", "considered", "communicated",
      "verified", "documented", "investigated", "anticipated", "foreseen", "known", "followed", "questioned", "flagged",
      "raised", "reverted", "rolled", "done", "paged", "updated", "fixed", "addressed");

  private static final Set<String> OBJECTS = Judgement.words("to", "the", "a", "an", "his", "her", "their", "our", "its",
      "this", "that", "these", "those", "my", "your", "it", "them");
  private static final Set<String> IMPOSSIBLE = Judgement.words("no", "nobody", "none", "nothing", "neither", "nor");

  HindsightRule(boolean asError) {
    super(PHRASES, asError);
  }

  private static final Set<String> ANCHORS = Judgement.words("should", "could", "ought", "failed", "fail", "fails",
      "neglect", "neglected", "neglecting", "bother", "bothered", "should've", "could've", "should’ve", "could’ve",
      "shouldn't", "couldn't", "shouldn’t", "couldn’t");

  @Override
  boolean anchor(String word, String previous) {
    return ANCHORS.contains(word);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  boolean judges(String voice, Matcher match) {
    String phrase = match.group().toLowerCase(java.util.Locale.ROOT);
    if (phrase.contains("bother")) return true;
    if (phrase.startsWith("neglect")) {
      // "neglected the runbook", "neglected to check"; not "neglected queries".
      String[] next = PhraseRule.wordsAfter(voice, match.end(), 1);
      return phrase.endsWith(" to") || (next.length > 0 && OBJECTS.contains(next[0]));
    }
    String[] before = PhraseRule.wordsBefore(voice, match.start(), 8);
    // "nobody could have known" says the opposite of hindsight.
    for (String w : before) if (IMPOSSIBLE.contains(w)) return false;
    if (Judgement.thingBefore(before)) return false;
    String[] after = PhraseRule.wordsAfter(voice, match.end(), 6);
    String verb = Judgement.verb(after);
    if (verb.equals("been")) {
      int at = java.util.Arrays.asList(after).indexOf("been");
      String next = Judgement.verb(java.util.Arrays.copyOfRange(after, at + 1, after.length));
      return PASSIVE.contains(next);
    }
    if (Judgement.PERSON_ACTIONS.contains(verb)) return true;
    return Judgement.ACTIONS.contains(verb) && Judgement.personBefore(before);
  }

  @Override
  String explain(String phrase) {
    return "'" + phrase + "' judges what people did by what was learned only afterwards";
  }

  @Override
  String better() {
    return "describe what people saw and knew then, and why their actions made sense; list the gaps under "
        + "'What made it difficult' or 'Contributors'";
  }
}
