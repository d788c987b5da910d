package dev.casebook.coach;

import java.util.Arrays;

/**
 * What one pass over a prose block's characters finds for every rule at once: the words that
 * may anchor a phrase rule's phrase (looked up in one {@link Anchors} table for all of them), the
 * sentences with their words for the length rules, and whether two capitals follow each other
 * for the acronym rule. No rule reads the block's characters again, but around what this found.
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

  private final String text;
  private final int[] anchors;
  private final int anchorCount;
  private final int[] sentenceStarts;
  private final int[] sentenceWords;
  private final int totalWords;
  private final boolean twoCapitals;

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
      boolean twoCapitals) {
    this.text = text;
    this.anchors = anchors;
    this.anchorCount = anchorCount;
    this.sentenceStarts = sentenceStarts;
    this.sentenceWords = sentenceWords;
    this.totalWords = totalWords;
    this.twoCapitals = twoCapitals;
  }

  /** Scans {@code text} once, noting the words {@code table} holds. */
  static BlockScan of(String text, Anchors table) {
    int n = text.length();
    char[] chars = new char[n];
    text.getChars(0, n, chars, 0);
    int[] anchors = new int[FIELDS * 4];
    int anchorCount = 0;
    int[] starts = new int[8];
    int[] counts = new int[8];
    int sentences = 0;
    int total = 0;
    boolean inAll = false;
    int sentenceStart = 0;
    int words = 0;
    boolean in = false;
    boolean capitals = false;
    boolean lastCapital = false;
    // The word being read: where it starts (-1 outside a word).
    int wordStart = -1;
    int previousStart = -1;
    int previousEnd = -1;
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      if (c >= 'a' && c <= 'z' && wordStart >= 0 && in && inAll) {
        // Inside a word, lower-case letters change nothing but the capitals.
        while (++i < n && (c = chars[i]) >= 'a' && c <= 'z') continue;
        lastCapital = false;
        if (i == n) break;
      }
      int bits = bits(c);
      // The words, and the phrase rules' anchors among them: only a word whose first letter is an
      // anchor's is looked up.
      if (wordStart < 0 || (bits & INSIDE) == 0) {
        if (wordStart >= 0) {
          if (table.initial(chars[wordStart])) {
            if (anchorCount * FIELDS == anchors.length) anchors = Arrays.copyOf(anchors, anchors.length * 2);
            anchorCount = anchor(table, key(chars, wordStart, i), wordStart, i, previousStart, previousEnd, anchors, anchorCount);
          }
          previousStart = wordStart;
          previousEnd = i;
          wordStart = -1;
        }
        if ((bits & WORD) != 0) wordStart = i;
      }
      // Two capitals in a row, for the acronym rule.
      boolean capital = (bits & CAPITAL) != 0;
      if (capital && lastCapital) capitals = true;
      lastCapital = capital;
      // Sentences and their words, for the length rules.
      boolean space = (bits & SPACE) != 0;
      if (!space && !inAll) total++;
      inAll = !space;
      if ((bits & END) == 0 || (i + 1 < n && (bits(chars[i + 1]) & SPACE) == 0)) {
        if (!space && !in) words++;
        in = !space;
        continue;
      }
      if (sentences == starts.length) {
        starts = Arrays.copyOf(starts, sentences * 2);
        counts = Arrays.copyOf(counts, sentences * 2);
      }
      starts[sentences] = sentenceStart;
      counts[sentences++] = words;
      words = 0;
      in = false;
      sentenceStart = i + 1;
    }
    if (wordStart >= 0 && table.initial(chars[wordStart])) {
      if (anchorCount * FIELDS == anchors.length) anchors = Arrays.copyOf(anchors, anchors.length * 2);
      anchorCount = anchor(table, key(chars, wordStart, n), wordStart, n, previousStart, previousEnd, anchors, anchorCount);
    }
    if (sentences == starts.length) {
      starts = Arrays.copyOf(starts, sentences + 1);
      counts = Arrays.copyOf(counts, sentences + 1);
    }
    starts[sentences] = sentenceStart;
    counts[sentences++] = words;
    return new BlockScan(text, anchors, anchorCount, Arrays.copyOf(starts, sentences), Arrays.copyOf(counts, sentences), total,
        capitals);
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
}
