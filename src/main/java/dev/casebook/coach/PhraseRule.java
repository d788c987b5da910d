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
  /** How far before an anchor a phrase may start ("the underlying root cause", "a mistake by"), unless a rule says less. */
  static final int BEFORE = 60;
  /** How far after an anchor's start a phrase may end ("root cause of the outage last week was"), unless a rule says less. */
  static final int AFTER = 120;

  /** White space, between words. */
  static final Pattern SPACES = Pattern.compile("\\s+");
  /** What is not part of a word. */
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}'’\\- ]");

  private final Pattern pattern;
  private final boolean asError;
  /** Every word {@link #anchor} may accept. */
  private final java.util.Collection<String> anchors;

  /** {@code anchors} holds every word {@link #anchor} may accept. */
  PhraseRule(Pattern pattern, boolean asError, java.util.Collection<String> anchors) {
    this.pattern = pattern;
    this.asError = asError;
    this.anchors = java.util.List.copyOf(anchors);
  }

  /** Every word {@link #anchor} may accept: the write-up's scan ({@link BlockScan}) notes where they are. */
  java.util.Collection<String> anchors() {
    return anchors;
  }

  /**
   * Whether a match may contain this word (lower case; {@code previous} is the word before it, or
   * empty): the pattern runs only around such words, not from every character, which keeps the
   * rule fast. Every match must contain one, and it must be one of the anchors the constructor got.
   */
  abstract boolean anchor(String word, String previous);

  /** Whether this match is the judgement the rule is about, not a neutral use of the words. */
  abstract boolean judges(String voice, Matcher match);

  /** What is wrong with {@code phrase}, in one line. */
  abstract String explain(String phrase);

  /** The better way to say it. */
  abstract String better();

  /**
   * How far before an anchor's start a phrase may start: the pattern runs only from there, so a
   * rule whose phrases start at or just before their anchor says so and costs less.
   */
  int before() {
    return BEFORE;
  }

  /** How far after an anchor's start a phrase may end. */
  int after() {
    return AFTER;
  }

  /** Whether headings are read too. */
  boolean readsHeadings() {
    return false;
  }

  @Override
  public void check(WriteUp writeUp, Hints hints) {
    int bit = writeUp.anchors.bit(this);
    if (bit == 0) return;
    var blocks = writeUp.prose.blocks();
    Matcher m = null;
    for (int b = 0; b < blocks.size(); b++) {
      ProseBlock block = blocks.get(b);
      if (block.kind() == ProseBlock.Kind.HEADING && !readsHeadings()) continue;
      List<int[]> regions = regions(writeUp.scan(b), bit, block.text().length());
      if (regions.isEmpty()) continue;
      String voice = writeUp.voice(b);
      if (m == null) {
        m = pattern.matcher(voice).useTransparentBounds(true).useAnchoringBounds(false);
      } else {
        m.reset(voice);
      }
      // The leftmost phrase from each place a phrase may start, as a search would find it, but
      // trying only those places.
      int lastEnd = 0;
      for (int[] region : regions) {
        for (int at = Math.max(region[0], lastEnd); at < region[1]; at++) {
          if (!mayStart(voice, at)) continue;
          m.region(at, region[1]);
          if (!m.lookingAt()) continue;
          lastEnd = m.end();
          at = lastEnd - 1;
          if (voice.substring(m.start(), m.end()).indexOf(ProseBlock.HIDDEN) >= 0 || !judges(voice, m)) continue;
          String phrase = block.text().substring(m.start(), m.end()).strip().toLowerCase(Locale.ROOT);
          hints.add(name(), asError, writeUp.at(block, m.start()), explain(phrase), better());
        }
      }
    }
  }

  /**
   * Whether a phrase may start at {@code at}: every rule's pattern starts at a word boundary
   * ({@code \b}) with a letter, a digit, '_' or '-', at an opening parenthesis, or at the start of
   * the block ({@code \A}). A superset of the places: the pattern decides.
   */
  static boolean mayStart(String text, int at) {
    char c = text.charAt(at);
    if (c == '(' || c == '-') return true;
    if (!wordChar(c)) return at == 0;
    return at == 0 || !wordChar(text.charAt(at - 1));
  }

  /** A character {@code \b} counts as part of a word: a letter, a digit or '_'. */
  private static boolean wordChar(char c) {
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return Character.isLetterOrDigit(c);
  }

  /** The parts of a block around each of this rule's anchor words, merged where they overlap. */
  private List<int[]> regions(BlockScan scan, int bit, int length) {
    List<int[]> merged = null;
    for (int i = 0; i < scan.anchors(); i++) {
      if ((scan.bits(i) & bit) == 0 || !anchor(scan.word(i), scan.previous(i))) continue;
      if (merged == null) merged = new ArrayList<>();
      int start = scan.start(i);
      int from = Math.max(0, start - before());
      int to = Math.min(length, start + after());
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && from <= last[1]) {
        last[1] = Math.max(last[1], to);
      } else {
        merged.add(new int[] {from, to});
      }
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
    String[] words = SPACES.split(NOT_WORD.matcher(clause.toLowerCase(Locale.ROOT)).replaceAll(" ").strip());
    if (words.length <= max) return words;
    return java.util.Arrays.copyOfRange(words, words.length - max, words.length);
  }

  /** The ASCII letters of a lower-case word ("slo," gives "slo"). */
  static String letters(String word) {
    StringBuilder out = null;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean letter = c >= 'a' && c <= 'z';
      if (!letter && out == null) out = new StringBuilder(word.substring(0, i));
      else if (letter && out != null) out.append(c);
    }
    return out == null ? word : out.toString();
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
    return part.isEmpty() ? new String[0] : SPACES.split(part);
  }
}
