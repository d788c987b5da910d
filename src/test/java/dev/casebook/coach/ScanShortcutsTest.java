package dev.casebook.coach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The coach's fast paths against plain definitions, on random text: the one pass over a block
 * ({@link BlockScan}), a skeleton's filler lines ({@link Skeleton#isFiller}) and a summary's
 * placeholders ({@link PublishReadinessRule#placeholder}) must say what the slow way says.
 */
class ScanShortcutsTest {
  private static final Anchors ALL = new Anchors(List.of(new HindsightRule(false), new BlameRule(false), new RootCauseRule(false)));

  /** Pieces random text is made of: anchors in any case, other words, every kind of space and punctuation the scan tells apart. */
  private static final String[] PIECES = {"should", "Should've", "could’ve", "couldn't", "ROOT", "root", "cause", "error", "Errors",
      "by", "made", "fat", "finger", "lack", "in", "for", "the", "be", "our", "shouldn’t", "failure", "missed", "overlooked",
      "human", "was", "a", "an", "SLO", "DBA", "AB", "A1B", "x", "é", "İstanbul", "ßig", "3.5", "e.g.", "misconfigurations",
      "rootcauseanalysis", "\uD83D\uDE00", "2nd", "it's", "'quoted'", "o’clock", "ÉCOLE", "٣", "_", "-", "(", ")", ",", ";", ":",
      ".", "!", "?", "...", "\"", "“", "”", "'", "’", "/", "@", "#", String.valueOf(dev.casebook.markdown.ProseBlock.HIDDEN)};
  private static final String[] SPACES = {" ", " ", " ", "", "  ", "\t", "\n", "\u00a0", "\u2003", "\u001c", "\r\n"};

  private static String randomText(Random random) {
    StringBuilder out = new StringBuilder();
    int pieces = random.nextInt(60);
    for (int i = 0; i < pieces; i++) {
      out.append(PIECES[random.nextInt(PIECES.length)]);
      out.append(SPACES[random.nextInt(SPACES.length)]);
    }
    // Now and then the text ends inside a word, or with a sentence's end.
    if (random.nextBoolean()) out.append(PIECES[random.nextInt(PIECES.length)]);
    return out.toString();
  }

  @Test
  void theScanFindsWhatThePlainDefinitionsSay() {
    Random random = new Random(20261207);
    BlockScan.Buffers buffers = new BlockScan.Buffers();
    for (int round = 0; round < 5000; round++) {
      String text = randomText(random);
      // One set of buffers for all, as a write-up's blocks share them, and fresh ones.
      BlockScan scan = round % 2 == 0 ? BlockScan.of(text, ALL, buffers) : BlockScan.of(text, ALL);
      String where = "'" + text + "'";
      assertEquals(anchorsByDefinition(text), anchors(scan), where);
      List<int[]> sentences = sentencesByDefinition(text);
      assertArrayEquals(sentences.get(0), scan.sentenceStarts(), where);
      assertArrayEquals(sentences.get(1), scan.sentenceWords(), where);
      assertEquals(sentences.get(2)[0], scan.totalWords(), where);
      assertEquals(text.matches("(?s).*[A-Z]{2}.*"), scan.twoCapitals(), where);
      assertEquals(text.indexOf('"') >= 0 || text.indexOf('“') >= 0, scan.quotes(), where);
      assertEquals(text.indexOf(':') >= 0, scan.colon(), where);
    }
  }

  private static List<String> anchors(BlockScan scan) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < scan.anchors(); i++) out.add(scan.previous(i) + ">" + scan.word(i) + "@" + scan.start(i) + "#" + scan.bits(i));
    return out;
  }

  /**
   * Words are runs of letters and digits with apostrophes inside; a word is an anchor when the
   * table has its key, noted with the word before it (empty when that one is longer than any anchor).
   */
  private static List<String> anchorsByDefinition(String text) {
    List<String> out = new ArrayList<>();
    String previous = "";
    int i = 0;
    while (i < text.length()) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '’')) i++;
      String word = text.substring(start, i);
      int bits = ALL.bits(BlockScan.key(word));
      if (bits != 0) out.add(previous + ">" + lower(word) + "@" + start + "#" + bits);
      previous = lower(word);
    }
    return out;
  }

  private static String lower(String word) {
    if (word.length() > BlockScan.SHORT_WORD) return "";
    StringBuilder out = new StringBuilder();
    for (char c : word.toCharArray()) out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c < 128 ? c : Character.toLowerCase(c));
    return out.toString();
  }

  /**
   * Sentences end after a run of characters other than white space whose last is '.', '!' or
   * '?'; their words are such runs, but for the end alone; the text's end closes the last one.
   * The starts, the words of each, and the runs in all.
   */
  private static List<int[]> sentencesByDefinition(String text) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    List<Integer> counts = new ArrayList<>();
    int words = 0;
    int runs = 0;
    int i = 0;
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) i++;
      runs++;
      char last = text.charAt(i - 1);
      boolean end = last == '.' || last == '!' || last == '?';
      if (!end || i - start > 1) words++;
      if (end) {
        counts.add(words);
        starts.add(i);
        words = 0;
      }
    }
    counts.add(words);
    return List.of(starts.stream().mapToInt(Integer::intValue).toArray(), counts.stream().mapToInt(Integer::intValue).toArray(),
        new int[] {runs});
  }

  @Test
  void fillerLinesAreThoseWhoseNormalFormIsAFillers() {
    Set<String> fillers = Set.of("*tell the story.*", "| 14:02 | the first sign of trouble |", "- a condition that contributed",
        "ﬁx it", "éclair time", "k");
    Skeleton skeleton = new Skeleton(fillers);
    Random random = new Random(7);
    List<String> seeds = new ArrayList<>(fillers);
    seeds.addAll(List.of("*Tell the story.*", "| 04:51 | A connection-pool change begins. |", "- another condition", "K", "\u212A",
        "ÉCLAIR TIME", "plain prose that goes on and on", "*"));
    for (int round = 0; round < 20000; round++) {
      StringBuilder line = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
      // Change the case of some letters, double or change some spaces, pad the ends, cut a character.
      for (int k = random.nextInt(4); k > 0 && line.length() > 0; k--) {
        int at = random.nextInt(line.length());
        char c = line.charAt(at);
        switch (random.nextInt(5)) {
          case 0 -> line.setCharAt(at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
          case 1 -> { if (c == ' ') line.insert(at, random.nextBoolean() ? ' ' : '\t'); }
          case 2 -> line.insert(0, SPACES[random.nextInt(SPACES.length)]);
          case 3 -> line.append(SPACES[random.nextInt(SPACES.length)]);
          default -> line.deleteCharAt(at);
        }
      }
      String text = line.toString();
      String stripped = text.strip();
      boolean expected = !stripped.isEmpty() && fillers.contains(Skeleton.normalize(stripped));
      assertEquals(expected, skeleton.isFiller(text), "'" + text + "'");
      String body = "x\n" + text + "\ny";
      assertEquals(expected, skeleton.isFiller(body, 2, 2 + text.length()), "'" + text + "' in a body");
    }
    assertEquals(new Skeleton(Set.of("a", "b")), new Skeleton(Set.of("b", "a")));
    assertEquals(new Skeleton(Set.of("a", "b")).hashCode(), new Skeleton(Set.of("b", "a")).hashCode());
  }

  @Test
  void aSummaryHasAPlaceholderWhenThePatternFindsOne() {
    String[] pieces = {"todo", "ToDo", "TBD", "tbc", "FixMe", "xxx", "XxX", "lorem ipsum", "Lorem Ipsum", "lorem  ipsum", "{{", "{",
        "}}", "to", "do", "tod", "mastodon", "xx", "tbdx", "the fix", "\u212A", "İ", "ſ", "é", " ", " ", ".", "-", "_"};
    Random random = new Random(11);
    for (int round = 0; round < 20000; round++) {
      StringBuilder s = new StringBuilder();
      for (int k = random.nextInt(8); k > 0; k--) s.append(pieces[random.nextInt(pieces.length)]);
      String summary = s.toString();
      assertEquals(PublishReadinessRule.PLACEHOLDER.matcher(summary).find(), PublishReadinessRule.placeholder(summary), "'" + summary + "'");
    }
    assertEquals(true, PublishReadinessRule.placeholder("Checkout TODO: fill in".toLowerCase(Locale.ROOT)));
  }
}
