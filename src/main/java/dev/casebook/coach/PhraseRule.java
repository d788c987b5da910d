package dev.casebook.coach;

import dev.casebook.markdown.ProseBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule that looks for phrases in the author's own voice: quotes, code, link text and chat
 * messages quoted in a timeline are left alone. One hint per phrase found.
 */
abstract class PhraseRule implements Rule {
  /** How far before an anchor a phrase may start ("the underlying root cause", "a mistake by"). */
  private static final int BEFORE = 60;
  /** How far after an anchor's start a phrase may end ("root cause of the outage last week was"). */
  private static final int AFTER = 120;

  private final Pattern pattern;
  private final boolean asError;

  PhraseRule(Pattern pattern, boolean asError) {
    this.pattern = pattern;
    this.asError = asError;
  }

  /**
   * Whether a match may contain this word (lower case; {@code previous} is the word before it, or
   * empty): the pattern runs only around such words, not from every character, which keeps the
   * rule fast. Every match must contain one.
   */
  abstract boolean anchor(String word, String previous);

  /** Whether this match is the judgement the rule is about, not a neutral use of the words. */
  abstract boolean judges(String voice, Matcher match);

  /** What is wrong with {@code phrase}, in one line. */
  abstract String explain(String phrase);

  /** The better way to say it. */
  abstract String better();

  /** Whether headings are read too. */
  boolean readsHeadings() {
    return false;
  }

  @Override
  public void check(WriteUp writeUp, Hints hints) {
    var blocks = writeUp.prose.blocks();
    for (int b = 0; b < blocks.size(); b++) {
      ProseBlock block = blocks.get(b);
      if (block.kind() == ProseBlock.Kind.HEADING && !readsHeadings()) continue;
      List<int[]> regions = regions(writeUp.words(b), block.text().length());
      if (regions.isEmpty()) continue;
      String voice = writeUp.voice(b);
      Matcher m = pattern.matcher(voice).useTransparentBounds(true).useAnchoringBounds(false);
      int lastEnd = 0;
      for (int[] region : regions) {
        m.region(Math.max(region[0], lastEnd), region[1]);
        while (m.find()) {
          lastEnd = m.end();
          if (voice.substring(m.start(), m.end()).indexOf(ProseBlock.HIDDEN) >= 0 || !judges(voice, m)) continue;
          String phrase = block.text().substring(m.start(), m.end()).strip().toLowerCase(Locale.ROOT);
          hints.add(name(), asError, writeUp.at(block, m.start()), explain(phrase), better());
        }
      }
    }
  }

  /** The parts of a block around each anchor word, merged where they overlap. */
  private List<int[]> regions(WriteUp.Words words, int length) {
    List<int[]> merged = null;
    String previous = "";
    for (int i = 0; i < words.words().length; i++) {
      String word = words.words()[i];
      if (anchor(word, previous)) {
        if (merged == null) merged = new ArrayList<>();
        int from = Math.max(0, words.starts()[i] - BEFORE);
        int to = Math.min(length, words.starts()[i] + AFTER);
        int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && from <= last[1]) {
          last[1] = Math.max(last[1], to);
        } else {
          merged.add(new int[] {from, to});
        }
      }
      previous = word;
    }
    return merged == null ? List.of() : merged;
  }

  /** Where the sentence holding {@code offset} starts. */
  static int sentenceStart(String text, int offset) {
    for (int i = offset - 1; i > 0; i--) {
      char c = text.charAt(i - 1);
      if ((c == '.' || c == '!' || c == '?' || c == ';') && Character.isWhitespace(text.charAt(i))) return i;
    }
    return 0;
  }

  /** The words before {@code offset} in its clause, lower case, nearest last. */
  static String[] wordsBefore(String text, int offset, int max) {
    int start = sentenceStart(text, offset);
    String clause = text.substring(start, offset);
    int cut = Math.max(Math.max(clause.lastIndexOf(','), clause.lastIndexOf(':')), Math.max(clause.lastIndexOf('('), clause.lastIndexOf('—')));
    if (cut >= 0) clause = clause.substring(cut + 1);
    String[] words = clause.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}'’\\- ]", " ").strip().split("\\s+");
    if (words.length <= max) return words;
    return java.util.Arrays.copyOfRange(words, words.length - max, words.length);
  }

  /** The first words after {@code offset}, lower case. */
  static String[] wordsAfter(String text, int offset, int max) {
    int end = offset;
    int n = 0;
    while (end < text.length() && n <= max) {
      char c = text.charAt(end);
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?') break;
      if (c == ' ') n++;
      end++;
    }
    String part = text.substring(offset, end).toLowerCase(Locale.ROOT).strip();
    return part.isEmpty() ? new String[0] : part.split("\\s+");
  }
}
