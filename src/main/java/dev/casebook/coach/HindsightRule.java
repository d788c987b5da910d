package dev.casebook.coach;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counterfactuals that judge people with hindsight: "should have noticed", "could have rolled
 * back", "failed to escalate", "neglected", "didn't bother", and omissions named as lapses: "forgot
 * to", "missed that", "was overlooked". Said of a system ("the check should have passed", "the
 * pods failed to start"), of an attempt ("we failed to reproduce it") or of a plan ("we should
 * have a talk") they are neutral and left alone.
 */
final class HindsightRule extends PhraseRule {
  static final String NAME = "hindsight";
  private static final Pattern PHRASES = Pattern.compile("(?i)\\b(?:should(?: not|n't|n’t)? have|should've|should’ve"
      + "|could(?: not|n't|n’t)? have|could've|could’ve|ought to have|fail(?:ed|s)? to|neglect(?:ed|ing)?(?: to)?"
      + "|did(?:n't|n’t| not) bother|never bothered|failing to|failure to|failure of (?:the |a |an |our |their )?(?:[\\w\\-]+ ){1,3}?to"
      + "|forgot(?:ten)? to|overlooked|missed)\\b");
  /** After "should have been": the counterfactual is about what people did. */
  private static final Set<String> PASSIVE = Judgement.words("obvious", "clear", "apparent", "avoided", "prevented", "detected",
      "handled", "escalated", "caught", "noticed", "spotted", "tested", "reviewed", "checked", "considered", "communicated",
      "verified", "documented", "investigated", "anticipated", "foreseen", "known", "followed", "questioned", "flagged",
      "raised", "reverted", "rolled", "done", "paged", "updated", "fixed", "addressed", "alerted", "overlooked", "identified",
      "predicted");
  /** After a person and "could have": what might have happened to them, not what they might have done. */
  private static final Set<String> POSSIBLE = Judgement.words("been", "lost", "had", "caused", "suffered", "faced", "experienced",
      "hit", "affected", "gotten", "got", "ended", "seen", "received", "impacted");
  /** After a person and "failed to": what they tried and did not manage, reported, not judged. */
  private static final Set<String> ATTEMPTS = Judgement.words("reproduce", "replicate", "find", "identify", "locate", "determine",
      "connect", "reach", "get", "obtain", "load", "start", "launch", "resolve", "restore", "recover", "purchase", "buy",
      "access", "log", "login", "authenticate", "fix", "mitigate", "complete", "finish", "deploy", "build", "install", "pass",
      "receive");
  /** After "should have" or "could have": what reaches people, not what they do. */
  private static final Set<String> RECEIVED = Judgement.words("received", "gotten", "got", "heard");
  /** After "they failed to": what machines do, so "they" is more likely to be machines. */
  private static final Set<String> SYSTEM_VERBS = Judgement.words("rejoin", "join", "boot", "respond", "sync", "synchronise",
      "synchronize", "converge", "schedule", "scale", "restart", "reconnect", "register", "propagate", "drain", "terminate",
      "shut", "serve", "renew", "replicate", "elect", "come", "return", "become", "mount", "attach", "bind", "allocate",
      "spawn", "initialise", "initialize", "compile", "parse", "deliver", "fire", "trigger", "emit");
  /** After "missed": an outcome, not something overlooked. */
  private static final Set<String> MISSED_OUTCOMES = Judgement.words("our", "the", "its", "their", "a", "an");
  private static final Set<String> TARGETS = Judgement.words("slo", "slos", "sla", "slas", "target", "targets", "deadline",
      "deadlines", "window", "windows", "budget", "objective", "objectives", "heartbeat", "heartbeats", "call", "calls");
  private static final Set<String> EASILY = Judgement.words("easily", "often", "commonly", "frequently", "usually", "sometimes");
  private static final Pattern NOT_WORDS = Pattern.compile("[^\\p{L}\\p{N}'’\\-]+");
  private static final Set<String> PASSIVE_AUXILIARIES = Judgement.words("was", "were", "been", "being", "had");

  private static final Set<String> OBJECTS = Judgement.words("to", "the", "a", "an", "his", "her", "their", "our", "its",
      "this", "that", "these", "those", "my", "your", "it", "them");
  private static final Set<String> IMPOSSIBLE = Judgement.words("no", "nobody", "none", "nothing", "neither", "nor");

  HindsightRule(boolean asError) {
    super(PHRASES, asError, ANCHORS);
  }

  private static final Set<String> ANCHORS = Judgement.words("should", "could", "ought", "failed", "fail", "fails",
      "neglect", "neglected", "neglecting", "bother", "bothered", "should've", "could've", "should’ve", "could’ve",
      "shouldn't", "couldn't", "shouldn’t", "couldn’t", "failing", "failure", "forgot", "forgotten", "overlooked",
      "missed");

  /** Every phrase starts at its anchor, or two words before it ("did not bother"). */
  @Override
  int before() {
    return 16;
  }

  /** The longest phrase, "failure of the on-call incident commander to", ends well within this. */
  @Override
  int after() {
    return 80;
  }

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
    if (phrase.startsWith("forg")) return true;
    String[] before = PhraseRule.wordsBefore(voice, match.start(), 8);
    // "nobody could have known" says the opposite of hindsight.
    for (String w : before) if (IMPOSSIBLE.contains(w)) return false;
    if (Judgement.thingBefore(before)) return false;
    if (phrase.equals("overlooked") || phrase.equals("missed")) return omission(voice, match, phrase, before);
    // "we could not have known" says the opposite too.
    if (phrase.startsWith("could") && (phrase.contains("not") || phrase.contains("n't") || phrase.contains("n’t"))) return false;
    String[] after = PhraseRule.wordsAfter(voice, match.end(), 6);
    String verb = Judgement.verb(after);
    // "should have been caught"; "could have be done", a slip for "been", says the same.
    if (verb.equals("been") || (verb.equals("be") && !phrase.startsWith("fail"))) {
      int at = java.util.Arrays.asList(after).indexOf(verb);
      String next = Judgement.verb(java.util.Arrays.copyOfRange(after, at + 1, after.length));
      return PASSIVE.contains(next);
    }
    if (Judgement.PERSON_ACTIONS.contains(verb)) return true;
    if (verb.isEmpty()) return false;
    // "responsible for failing to implement", "criticised for failing to act": a failure held against someone.
    if (phrase.startsWith("fail") && !phrase.startsWith("failure")) {
      for (String w : before) if (ANSWERABLE.contains(w)) return true;
    }
    // "could have led to a quicker recovery": what an action not taken would have bought.
    if ((verb.equals("led") || verb.equals("lead") || verb.equals("resulted")) && after.length > 2) {
      for (int i = 1; i < Math.min(after.length, 4); i++) if (QUICKER.contains(after[i])) return true;
    }
    // "failure of the on-call to act" names its person; a bare "failure to" has no one to judge.
    boolean person = phrase.startsWith("failure of") ? Judgement.personBefore(PhraseRule.SPACES.split(phrase))
        : !phrase.startsWith("failure") && Judgement.personBefore(before);
    if (!person) return false;
    // A person is the subject: any action they should or could have taken, not what happened to them.
    // "they failed to rejoin the cluster": "they" may be the machines of the sentence before.
    if (phrase.startsWith("fail")) return !ATTEMPTS.contains(verb) && !(SYSTEM_VERBS.contains(verb) && onlyPronouns(before));
    // After "should have" or "could have" a participle, not a thing: "we should have a talk" is a plan.
    if (!participle(verb)) return false;
    // "we should have received an alert": what should have reached people, said of the alerting.
    if (RECEIVED.contains(verb)) return false;
    return !phrase.startsWith("could") || !POSSIBLE.contains(verb);
  }

  /** Whether the only people among these words are "they" or "them", which may stand for things. */
  private static boolean onlyPronouns(String[] words) {
    for (String w : words) {
      String bare = w.replace("'s", "").replace("’s", "");
      if (Judgement.PEOPLE.contains(bare) && !bare.equals("they") && !bare.equals("them")) return false;
    }
    return true;
  }

  private static boolean participle(String word) {
    return Judgement.ACTIONS.contains(word) || word.endsWith("ed") || word.endsWith("en") || word.endsWith("wn")
        || word.endsWith("ght") || word.endsWith("nt") || word.endsWith("lt") || word.equals("done") || word.equals("gone");
  }

  /** Words that hold a failure against someone: "responsibility for failing to". */
  private static final Set<String> ANSWERABLE = Judgement.words("responsibility", "responsible", "accountable", "blamed",
      "criticised", "criticized", "faulted", "reprimanded", "fined", "sanctioned");

  private static final Set<String> QUICKER = Judgement.words("quicker", "faster", "earlier", "sooner", "shorter", "better",
      "smoother", "quick", "fast");

  /** "We missed the alert", "the change was overlooked"; not "we missed our SLO" or "an often overlooked setting". */
  private static boolean omission(String voice, Matcher match, String phrase, String[] before) {
    String[] after = PhraseRule.wordsAfter(voice, match.end(), 2);
    if (phrase.equals("missed") && after.length > 0) {
      String object = after.length > 1 && MISSED_OUTCOMES.contains(after[0]) ? after[1] : after[0];
      if (TARGETS.contains(PhraseRule.letters(object))) return false;
    }
    // "catches what they missed": a free relative, what any check misses, not a judgement.
    for (int i = Math.max(0, before.length - 2); i < before.length; i++) if (before[i].equals("what")) return false;
    // "easily missed", "often overlooked": said of the thing, how hard it is to see.
    if (before.length > 0 && EASILY.contains(before[before.length - 1])) return false;
    String[] sentence = NOT_WORDS.split(voice.substring(PhraseRule.sentenceStart(voice, match.start()), match.start())
        .toLowerCase(java.util.Locale.ROOT));
    String nearest = before.length == 0 ? "" : before[before.length - 1];
    if (PASSIVE_AUXILIARIES.contains(nearest) || (before.length > 1 && PASSIVE_AUXILIARIES.contains(before[before.length - 2]))) {
      return true;
    }
    return Judgement.personBefore(before) || Judgement.personBefore(sentence);
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
