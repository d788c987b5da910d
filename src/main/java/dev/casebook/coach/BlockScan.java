package dev.casebook.coach;

import java.util.Arrays;

/**
 * What one pass over a prose block's characters finds for every rule at once: the words that
 * may anchor a phrase rule's phrase (looked up in one {@link Anchors} table for all of them), the
 * sentences with their words for the length rules, whether two capitals follow each other for
 * the acronym rule, and whether the block has a double quote or a colon, which decide whether
 * the author's voice must be told apart from what they quote. No rule reads the block's
 * characters again, but around what this found.
 *
 * <p>Words are runs of letters and digits, apostrophes inside; sentences end at '.', '!' or '?'
 * followed by white space or the end, and their words are runs of characters other than white
 * space.
 */
final class BlockScan {
  /** The longest word an anchor is. */
  static final int SHORT_WORD = 12;
  /** The key of a word that no anchor has: too long, or not ASCII in its first four letters. */
  static final int NO_KEY = -1;
  /** Values per anchor found: start, end, previous word's start and end (-1 when none), rule bits. */
  private static final int FIELDS = 5;
  private static final int[] NO_ANCHORS = new int[0];
  /** The marks: a double quote, straight or curly ('"' or '“'), and a colon. */
  private static final int QUOTE = 1;
  private static final int COLON = 2;

  private final String text;
  private final int[] anchors;
  private final int anchorCount;
  private final int[] sentenceStarts;
  private final int[] sentenceWords;
  private final int totalWords;
  private final boolean twoCapitals;
  private final int marks;

  /** What a character is, as bits: a word's first character, a word's character, a capital, white space, a sentence's end. */
  private static final int WORD = 1;
  private static final int INSIDE = 2;
  private static final int CAPITAL = 4;
  private static final int SPACE = 8;
  private static final int END = 16;
  /** The bits of each ASCII character. */
  private static final byte[] ASCII = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      int bits = 0;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) bits |= WORD | INSIDE;
      if (c >= 'A' && c <= 'Z') bits |= CAPITAL;
      if (WriteUp.whitespace(c)) bits |= SPACE;
      if (c == '.' || c == '!' || c == '?') bits |= END;
      ASCII[c] = (byte) bits;
    }
    ASCII['\''] |= INSIDE;
  }

  /** The bits of a character. */
  private static int bits(char c) {
    return c < 128 ? ASCII[c] : bitsBeyondAscii(c);
  }

  /** The bits of a character beyond ASCII: rare in most text, and kept out of the scan's loop. */
  private static int bitsBeyondAscii(char c) {
    if (Character.isLetterOrDigit(c)) return WORD | INSIDE;
    if (c == '’') return INSIDE;
    return Character.isWhitespace(c) ? SPACE : 0;
  }

  private BlockScan(String text, int[] anchors, int anchorCount, int[] sentenceStarts, int[] sentenceWords, int totalWords,
      boolean twoCapitals, int marks) {
    this.text = text;
    this.anchors = anchors;
    this.anchorCount = anchorCount;
    this.sentenceStarts = sentenceStarts;
    this.sentenceWords = sentenceWords;
    this.totalWords = totalWords;
    this.twoCapitals = twoCapitals;
    this.marks = marks;
  }

  /**
   * Room one thread reuses from block to block while it scans: the block's characters and what
   * the scan finds, before it keeps them in arrays of their own size.
   */
  static final class Buffers {
    private char[] chars = new char[512];
    private int[] anchors = new int[FIELDS * 16];
    private int[] starts = new int[32];
    private int[] counts = new int[32];

    /** {@code text}'s characters, at the start of an array that stays this one's until the next call. */
    char[] chars(String text) {
      int n = text.length();
      if (chars.length < n) chars = new char[Math.max(n, chars.length * 2)];
      text.getChars(0, n, chars, 0);
      return chars;
    }
  }

  /** Scans {@code text} once, noting the words {@code table} holds. */
  static BlockScan of(String text, Anchors table) {
    return of(text, table, new Buffers());
  }

  /** As {@link #of(String, Anchors)}, with {@code buffers}' room. */
  static BlockScan of(String text, Anchors table, Buffers buffers) {
    int n = text.length();
    char[] chars = buffers.chars(text);
    int[] anchors = buffers.anchors;
    int anchorCount = 0;
    int[] starts = buffers.starts;
    int[] counts = buffers.counts;
    boolean[] pairs = table.pairs();
    int sentences = 0;
    int total = 0;
    int sentenceStart = 0;
    int words = 0;
    boolean capitals = false;
    // Where the last capital was: two capitals follow each other when the next is right after it.
    int capital = -2;
    int marks = 0;
    int previousStart = -1;
    int previousEnd = -1;
    int i = 0;
    while (i < n) {
      char c = chars[i];
      if (c == ' ') {
        i++;
        continue;
      }
      int bits = bits(c);
      if ((bits & SPACE) != 0) {
        i++;
        continue;
      }
      // A run of characters other than white space, [run, i) once read: a word for the length
      // rules, holding the words of letters and digits that may anchor a phrase.
      int run = i;
      boolean end;
      while (true) {
        if ((bits & WORD) != 0) {
          int wordStart = i;
          if ((bits & CAPITAL) != 0) capital = i;
          while (++i < n) {
            c = chars[i];
            if (c >= 'a' && c <= 'z') continue;
            if (c == ' ') {
              bits = SPACE;
              break;
            }
            bits = bits(c);
            if ((bits & INSIDE) == 0) break;
            if ((bits & CAPITAL) != 0) {
              if (capital == i - 1) capitals = true;
              capital = i;
            }
          }
          // Only a word whose first two letters, in lower case, are an anchor's is looked up.
          char first = chars[wordStart];
          char second = wordStart + 1 < i ? chars[wordStart + 1] : 0;
          if (first < 128 && second < 128
              && pairs[(first >= 'A' && first <= 'Z' ? first + 32 : first) << 7 | (second >= 'A' && second <= 'Z' ? second + 32 : second)]) {
            if (anchorCount * FIELDS == anchors.length) anchors = buffers.anchors = Arrays.copyOf(anchors, anchors.length * 2);
            anchorCount = anchor(table, key(chars, wordStart, i), wordStart, i, previousStart, previousEnd, anchors, anchorCount);
          }
          previousStart = wordStart;
          previousEnd = i;
          if (i == n || (bits & SPACE) != 0) {
            end = false;
            break;
          }
        }
        // Neither white space nor in a word: punctuation, an apostrophe, a hidden part.
        if (c == '"' || c == '“') marks |= QUOTE;
        else if (c == ':') marks |= COLON;
        end = (bits & END) != 0;
        if (++i == n) break;
        c = chars[i];
        bits = bits(c);
        if ((bits & SPACE) != 0) break;
      }
      total++;
      // The run ends a sentence when its last character does; that character alone is no word.
      if (!end) {
        words++;
        continue;
      }
      if (i - run > 1) words++;
      if (sentences == starts.length) {
        starts = buffers.starts = Arrays.copyOf(starts, sentences * 2);
        counts = buffers.counts = Arrays.copyOf(counts, sentences * 2);
      }
      starts[sentences] = sentenceStart;
      counts[sentences++] = words;
      words = 0;
      sentenceStart = i;
    }
    if (sentences == starts.length) {
      starts = buffers.starts = Arrays.copyOf(starts, sentences * 2);
      counts = buffers.counts = Arrays.copyOf(counts, sentences * 2);
    }
    starts[sentences] = sentenceStart;
    counts[sentences++] = words;
    return new BlockScan(text, anchorCount == 0 ? NO_ANCHORS : Arrays.copyOf(anchors, anchorCount * FIELDS), anchorCount,
        Arrays.copyOf(starts, sentences), Arrays.copyOf(counts, sentences), total, capitals, marks);
  }

  /** Notes the word {@code [start, end)} in {@code anchors}, which has room, when {@code table} has its key: the new count. */
  private static int anchor(Anchors table, int key, int start, int end, int previousStart, int previousEnd, int[] anchors,
      int count) {
    int bits = table.bits(key);
    if (bits == 0) return count;
    int at = count * FIELDS;
    anchors[at] = start;
    anchors[at + 1] = end;
    anchors[at + 2] = previousStart;
    anchors[at + 3] = previousEnd;
    anchors[at + 4] = bits;
    return count + 1;
  }

  /** The key of the word {@code chars[start, end)}: its first four characters in lower case, when they are ASCII, packed in an int. */
  private static int key(char[] chars, int start, int end) {
    if (end - start > SHORT_WORD) return NO_KEY;
    int key = 0;
    for (int j = start; j < start + 4; j++) {
      char c = j < end ? chars[j] : 0;
      if (c >= 128) return NO_KEY;
      key = key << 8 | (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return key;
  }

  /** The key of a lower-case word, as {@link #key(char[], int, int)} gives it for the word in a text. */
  static int key(String word) {
    return key(word.toCharArray(), 0, word.length());
  }

  /** How many anchor words the block has, for any rule. */
  int anchors() {
    return anchorCount;
  }

  /** The rules' bits ({@link Anchors#bit}) of anchor word {@code i}. */
  int bits(int i) {
    return anchors[i * FIELDS + 4];
  }

  /** Where anchor word {@code i} starts in the block. */
  int start(int i) {
    return anchors[i * FIELDS];
  }

  /** Anchor word {@code i} in lower case. */
  String word(int i) {
    return lowerCase(anchors[i * FIELDS], anchors[i * FIELDS + 1]);
  }

  /** The word before anchor word {@code i} in lower case; empty when there is none or it is longer than any anchor. */
  String previous(int i) {
    int start = anchors[i * FIELDS + 2];
    return start < 0 ? "" : lowerCase(start, anchors[i * FIELDS + 3]);
  }

  private String lowerCase(int start, int end) {
    int length = end - start;
    if (length > SHORT_WORD) return "";
    char[] buffer = new char[length];
    for (int j = 0; j < length; j++) {
      char c = text.charAt(start + j);
      buffer[j] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c < 128 ? c : Character.toLowerCase(c);
    }
    return new String(buffer);
  }

  /** Where each sentence starts. */
  int[] sentenceStarts() {
    return sentenceStarts;
  }

  /** How many words each sentence has. */
  int[] sentenceWords() {
    return sentenceWords;
  }

  /** How many words the block has. */
  int totalWords() {
    return totalWords;
  }

  /** Whether two capitals follow each other somewhere: the block may hold an acronym. */
  boolean twoCapitals() {
    return twoCapitals;
  }

  /** Whether the block has a double quote, straight or curly ('"' or '“'). */
  boolean quotes() {
    return (marks & QUOTE) != 0;
  }

  /** Whether the block has a colon. */
  boolean colon() {
    return (marks & COLON) != 0;
  }
}
