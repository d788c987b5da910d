package dev.casebook.coach;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A single verdict: "the root cause was", "root cause:", a heading "Root cause". */
final class RootCauseRule extends PhraseRule {
  static final String NAME = "root-cause";
  private static final Pattern PHRASES = Pattern.compile("(?i)\\bthe (?:single |main |primary |real |true |underlying |actual "
      + "|ultimate |proximate |direct |immediate )?root[- ]cause(?: of (?:the |this |that |our )?[\\w\\- ]{1,40}?)?"
      + " (?:was|is|were|has been|turned out to be)\\b|\\broot[- ]causes?\\s*:|\\A\\s*root[- ]causes?(?: analysis)?\\s*\\z");

  RootCauseRule(boolean asError) {
    super(PHRASES, asError);
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
