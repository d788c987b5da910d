package dev.casebook.coach;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that blame a person: "human error", "careless", "operator error", "mistake by". Left
 * alone where the text sets them aside ("not human error", "rather than calling it careless").
 */
final class BlameRule extends PhraseRule {
  static final String NAME = "blame";
  private static final Pattern PHRASES = Pattern.compile("(?i)\\b(?:human (?:error|mistake)s?|operator error|pilot error|engineer(?:ing)? error"
      + "|(?:user error|operational errors?)(?! (?:messages?|rates?|codes?|pages?|responses?|counts?|logs?|handling)\\b)"
      + "|(?:error|mistake)s? (?:was|were|has been|have been|had been) made"
      + "|personal error|careless(?:ly|ness)?|negligen(?:t|ce|tly)|sloppy|sloppiness|incompeten(?:t|ce)|lazy|laziness"
      + "|inattentive|inattention|lack of (?:care|attention|diligence)|mistakes? (?:by|from) \\w+|\\w+['’]s mistake"
      + "|made (?:a|an|the|this|that|one|two|several|some) (?:\\w+ )?(?:mistake|blunder)s?|made an? (?:\\w+ )?error"
      + "|blunder(?:ed)?|our bad|(?:this|an?|that|human|simple|our|their|his|her) (?:(?:honest|simple|small|unfortunate|human|obvious|big|major|minor|clear) )?oversight"
      + "(?! (?:of|board|committee|body|bodies|group|function|role|team|panel|authority|mechanism|process|structure)\\b)"
      + "|(?:error|mistake)s? (?:introduced |made |committed )?by (?:a |an |the |one of (?:the |our )?)?(?:[\\w\\-]+ ){0,2}[\\w\\-]+"
      + "|manual (?:[\\w\\-]+ )?error"
      + "|fat[- ]finger(?:ed|ing|s)?|at fault|to blame|should have known better)\\b");
  /** Words that set the phrase aside rather than say it. */
  private static final Set<String> DISCLAIMERS = Judgement.words("not", "no", "than", "beyond", "blaming", "avoid", "avoids", "avoiding",
      "call", "calling", "called", "never", "isn't", "wasn't", "without", "instead", "label", "labelling", "labeling",
      "prevent", "prevents", "preventing", "prevention", "reduce", "reduces", "reducing", "minimise", "minimize", "eliminate",
      "against");
  /** Words after the phrase that rule it out rather than say it: "human error is now impossible". */
  private static final Set<String> RULED_OUT = Judgement.words("impossible", "prevented", "avoided", "eliminated", "ruled");

  private static final Set<String> LAZY_TECHNICAL = Judgement.words("loading", "load", "loaded", "init", "initialization",
      "initialisation", "initialized", "evaluation", "instantiation", "creation", "allocation", "val", "iterator", "fetch",
      "fetching", "sequence", "deletion", "expiry", "expiration");

  BlameRule(boolean asError) {
    super(PHRASES, asError, java.util.stream.Stream.concat(ANCHORS.stream(),
        java.util.stream.Stream.of("error", "errors", "fault", "blame", "bad", "by", "better", "made")).toList());
  }

  @Override
  public String name() {
    return NAME;
  }

  private static final Set<String> ANCHORS = Judgement.words("careless", "carelessly", "carelessness", "negligent",
      "negligence", "negligently", "sloppy", "sloppiness", "incompetent", "incompetence", "lazy", "laziness", "inattentive",
      "inattention", "lack", "mistake", "mistakes", "blunder", "blundered", "finger", "fingered", "fingering", "fingers",
      "fat", "oversight", "manual");
  private static final Set<String> ERROR_AFTER = Judgement.words("human", "operator", "pilot", "engineer", "engineering",
      "personal", "user", "operational");

  @Override
  boolean anchor(String word, String previous) {
    if (ANCHORS.contains(word)) return true;
    return switch (word) {
      case "error", "errors" -> ERROR_AFTER.contains(previous) || previous.equals("a") || previous.equals("an");
      case "fault" -> previous.equals("at");
      case "blame" -> previous.equals("to");
      case "bad" -> previous.equals("our");
      case "by" -> previous.equals("error") || previous.equals("errors") || previous.equals("introduced") || previous.equals("made")
          || previous.equals("committed");
      case "better" -> previous.equals("known");
      // "an error was made", "mistakes were made"
      case "made" -> previous.equals("was") || previous.equals("were") || previous.equals("been");
      default -> false;
    };
  }

  @Override
  boolean judges(String voice, Matcher match) {
    String phrase = match.group().toLowerCase(java.util.Locale.ROOT);
    String[] before = PhraseRule.wordsBefore(voice, match.start(), 4);
    for (String w : before) if (DISCLAIMERS.contains(w)) return false;
    // "so the operational error of pushing globally is no longer possible": set aside after the phrase.
    String[] after = PhraseRule.wordsAfter(voice, match.end(), 8);
    for (int i = 0; i < after.length; i++) {
      String w = PhraseRule.letters(after[i]);
      if (RULED_OUT.contains(w) || (w.equals("no") && i + 1 < after.length && after[i + 1].startsWith("longer"))) return false;
    }
    if (phrase.equals("lazy")) {
      return after.length == 0 || !LAZY_TECHNICAL.contains(PhraseRule.letters(after[0]));
    }
    if (phrase.contains(" by ") && !phrase.startsWith("mistake")) {
      // "an error introduced by a network engineer"; not "an error caused by the proxy".
      String[] agent = PhraseRule.SPACES.split(phrase.substring(phrase.indexOf(" by ") + 4));
      return Judgement.personBefore(agent);
    }
    if (phrase.equals("at fault") || phrase.equals("to blame")) return Judgement.personBefore(PhraseRule.wordsBefore(voice, match.start(), 8));
    return true;
  }

  @Override
  String explain(String phrase) {
    return "'" + phrase + "' blames a person and ends the inquiry where it should begin";
  }

  @Override
  String better() {
    return "ask what made the action reasonable at the time, such as the tools, the signals and the pressure, and list that as contributors";
  }
}
