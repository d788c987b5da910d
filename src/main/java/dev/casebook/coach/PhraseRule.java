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
  private final String[] anchors;
  private final boolean asError;

  /**
   * @param anchors lower-case words one of which every match contains: a block without any of
   *     them is not matched against {@code pattern} at all, which keeps the rule fast
   */
  PhraseRule(Pattern pattern, String[] anchors, boolean asError) {
    this.pattern = pattern;
    this.anchors = anchors.clone();
    this.asError = asError;
  }

  private boolean mayMatch(String lowerCase) {
    for (String a : anchors) if (lowerCase.contains(a)) return true;
    return false;
  }

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
      String lower = writeUp.lowerCase(b);
      if (!mayMatch(lower)) continue;
      String voice = writeUp.voice(b);
      Matcher m = pattern.matcher(voice).useTransparentBounds(true).useAnchoringBounds(false);
      int lastEnd = 0;
      for (int[] region : regions(lower, voice.length())) {
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

  /**
   * The parts of a block around each anchor, merged where they overlap: the pattern runs only
   * there, not from every character of the block. The whole block when lower-casing changed its
   * length (offsets would not match).
   */
  private List<int[]> regions(String lower, int length) {
    if (lower.length() != length) return List.of(new int[] {0, length});
    List<int[]> hits = new ArrayList<>();
    for (String a : anchors) {
      for (int k = lower.indexOf(a); k >= 0; k = lower.indexOf(a, k + 1)) {
        hits.add(new int[] {Math.max(0, k - BEFORE), Math.min(length, k + AFTER)});
      }
    }
    hits.sort((x, y) -> Integer.compare(x[0], y[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] h : hits) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && h[0] <= last[1]) {
        last[1] = Math.max(last[1], h[1]);
      } else {
        merged.add(h);
      }
    }
    return merged;
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
