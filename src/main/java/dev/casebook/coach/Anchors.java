package dev.casebook.coach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The anchor words of every phrase rule that is on, in one table: a block's scan ({@link
 * BlockScan}) looks each word up once, whichever rules want it, and notes the rules' bits. A word
 * is looked up by its key, its first four letters packed in an int; the table answers with the
 * bits of the rules that have an anchor with that key, and each rule then decides on the whole
 * word.
 */
final class Anchors {
  /** No phrase rule is on. */
  static final Anchors NONE = new Anchors(List.of());

  private final List<PhraseRule> rules;
  /**
   * An open-addressing hash table: each key at its hash or after it, {@link BlockScan#NO_KEY}
   * where there is none, and the rules' bits of each key at the same place.
   */
  private final int[] keys;
  private final int[] bits;
  private final int shift;
  /**
   * The first two characters of the keys, in lower case, at {@code first << 7 | second} (second 0
   * for a word of one letter): a word that starts otherwise, in either case, is no anchor.
   */
  private final boolean[] pairs = new boolean[128 * 128];

  Anchors(List<PhraseRule> rules) {
    if (rules.size() > 31) throw new IllegalArgumentException("too many phrase rules");
    this.rules = List.copyOf(rules);
    Map<Integer, Integer> byKey = new HashMap<>();
    for (int r = 0; r < rules.size(); r++) {
      for (String anchor : rules.get(r).anchors()) byKey.merge(BlockScan.key(anchor), 1 << r, (a, b) -> a | b);
    }
    byKey.remove(BlockScan.NO_KEY);
    // At most a quarter full, so that a word that is no anchor is told so after a probe or two.
    int size = Integer.highestOneBit(Math.max(16, byKey.size() * 4) - 1) << 1;
    shift = 32 - Integer.numberOfTrailingZeros(size);
    keys = new int[size];
    bits = new int[size];
    Arrays.fill(keys, BlockScan.NO_KEY);
    for (var e : byKey.entrySet()) {
      int at = slot(e.getKey());
      while (keys[at] != BlockScan.NO_KEY) at = (at + 1) & (size - 1);
      keys[at] = e.getKey();
      bits[at] = e.getValue();
      pairs[(e.getKey() >>> 24) << 7 | ((e.getKey() >>> 16) & 0xFF)] = true;
    }
  }

  private int slot(int key) {
    return (key * 0x9E3779B9) >>> shift;
  }

  /** The table of the phrase rules among {@code rules}. */
  static Anchors of(List<Rule> rules) {
    List<PhraseRule> phrases = new ArrayList<>();
    for (Rule r : rules) if (r instanceof PhraseRule p) phrases.add(p);
    return phrases.isEmpty() ? NONE : new Anchors(phrases);
  }

  /** The bits of the rules that have an anchor with this key; 0 for none. */
  int bits(int key) {
    if (key < 0) return 0;
    int mask = keys.length - 1;
    for (int at = slot(key); ; at = (at + 1) & mask) {
      int k = keys[at];
      if (k == key) return bits[at];
      if (k == BlockScan.NO_KEY) return 0;
    }
  }

  /**
   * Whether a word starting with {@code first} and {@code second} (0 for a word of one letter)
   * may be an anchor: they are a key's first two, in either case.
   */
  boolean pair(char first, char second) {
    if (first >= 128 || second >= 128) return false;
    return pairs[lower(first) << 7 | lower(second)];
  }

  /** The table {@link #pair} reads, for a scan's loop: not to be changed. */
  boolean[] pairs() {
    return pairs;
  }

  private static int lower(char c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }

  /** The bit of {@code rule}; 0 when it is not in the table. */
  int bit(PhraseRule rule) {
    for (int r = 0; r < rules.size(); r++) if (rules.get(r) == rule) return 1 << r;
    return 0;
  }
}
