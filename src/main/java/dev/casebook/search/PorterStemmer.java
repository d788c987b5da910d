package dev.casebook.search;

/**
 * The English stemmer of lunr.js 2.3.9: Martin Porter's JavaScript Porter stemmer, quirks
 * included. It differs from the Porter paper and from most ports: step 2 has the {@code logi} and
 * {@code bli} departures, step 1c turns a final {@code y} into {@code i} only after a consonant that
 * is not the first letter ({@code cry} &rarr; {@code cri}, {@code say} stays), a leading {@code y} is
 * a consonant, words shorter than 3 units are left alone, the longest listed suffix wins, and when
 * step 4's suffix matches but its measure test fails the {@code (s|t)ion} rule is not tried.
 *
 * <p>lunr runs regular expressions over UTF-16 code units. This class matches the same patterns on
 * code units directly, so surrogate pairs count as two characters exactly as in JavaScript, and a
 * JavaScript {@code .} does not match a line terminator.
 */
public final class PorterStemmer {
  private static final int CONSONANT = 0; // [^aeiou]
  private static final int CONSONANT_NOT_Y = 1; // [^aeiouy]
  private static final int VOWEL_OR_Y = 2; // [aeiouy]
  private static final int VOWEL = 3; // [aeiou]
  private static final int NOT_AEIOUWXY = 4; // [^aeiouwxy]
  private static final int STAR = 8;

  /** [C]VC...: measure greater than 0. */
  private static final Shape MGR0 = new Shape(false, 2, 0, consonants(), vowels(), consonants());
  /** [C]VC[V]: measure exactly 1. */
  private static final Shape MEQ1 = new Shape(true, 2, 2, consonants(), vowels(), consonants(), vowels());
  /** [C]VCVC...: measure greater than 1. */
  private static final Shape MGR1 = new Shape(false, 2, 0, consonants(), vowels(), consonants(), vowels(), consonants());
  /** [C]v: the stem contains a vowel. */
  private static final Shape HAS_VOWEL = new Shape(false, 2, 0, consonants(), new int[] {VOWEL_OR_Y});
  /** Cv followed by a final consonant other than w, x or y. */
  private static final Shape CVC = new Shape(true, 0, 0, consonants(), new int[] {VOWEL_OR_Y, NOT_AEIOUWXY});

  private static final String[][] STEP2 = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
    {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"},
    {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"},
    {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
    {"logi", "log"},
  };
  private static final String[][] STEP3 = {
    {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""},
    {"ness", ""},
  };
  private static final String[][] STEP4 = {
    {"al", ""}, {"ance", ""}, {"ence", ""}, {"er", ""}, {"ic", ""}, {"able", ""}, {"ible", ""},
    {"ant", ""}, {"ement", ""}, {"ment", ""}, {"ent", ""}, {"ou", ""}, {"ism", ""}, {"ate", ""},
    {"iti", ""}, {"ous", ""}, {"ive", ""}, {"ize", ""},
  };

  private PorterStemmer() {}

  /** The stem lunr.js gives for {@code word}. */
  public static String stem(String word) {
    if (word.length() < 3) return word;
    Word w = new Word(word);
    boolean leadingY = w.chars[0] == 'y';
    if (leadingY) w.chars[0] = 'Y';
    step1a(w);
    step1b(w);
    step1c(w);
    replaceSuffix(w, STEP2, MGR0);
    replaceSuffix(w, STEP3, MGR0);
    step4(w);
    step5(w);
    if (leadingY) w.chars[0] = 'y';
    return w.toString();
  }

  private static void step1a(Word w) {
    if ((w.endsWith("sses") && w.hasStem(4)) || (w.endsWith("ies") && w.hasStem(3))) {
      w.len -= 2;
    } else if (w.len >= 3 && w.last() == 's' && w.chars[w.len - 2] != 's' && w.hasStem(2)) {
      w.len -= 1;
    }
  }

  private static void step1b(Word w) {
    if (w.endsWith("eed") && w.hasStem(3)) {
      if (MGR0.test(w.chars, w.len - 3)) w.dropLastUnlessLineTerminator();
      return;
    }
    int suffix = w.endsWith("ed") ? 2 : w.endsWith("ing") ? 3 : 0;
    if (suffix == 0 || !w.hasStem(suffix) || !HAS_VOWEL.test(w.chars, w.len - suffix)) return;
    w.len -= suffix;
    if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) {
      w.append('e');
    } else if (w.len >= 2 && w.last() == w.chars[w.len - 2] && "aeiouylsz".indexOf(w.last()) < 0) {
      w.dropLastUnlessLineTerminator();
    } else if (CVC.test(w.chars, w.len)) {
      w.append('e');
    }
  }

  private static void step1c(Word w) {
    if (w.len >= 3 && w.last() == 'y' && !isVowel(w.chars[w.len - 2]) && w.dotsMatch(w.len - 2)) {
      w.chars[w.len - 1] = 'i';
    }
  }

  private static void step4(Word w) {
    String[] rule = w.longestSuffix(STEP4);
    if (rule != null) {
      int stem = w.len - rule[0].length();
      if (MGR1.test(w.chars, stem)) w.len = stem;
    } else if ((w.endsWith("sion") || w.endsWith("tion")) && w.hasStem(4)) {
      if (MGR1.test(w.chars, w.len - 3)) w.len -= 3;
    }
  }

  private static void step5(Word w) {
    if (w.last() == 'e' && w.hasStem(1)) {
      int stem = w.len - 1;
      if (MGR1.test(w.chars, stem) || (MEQ1.test(w.chars, stem) && !CVC.test(w.chars, stem))) w.len = stem;
    }
    if (w.endsWith("ll") && MGR1.test(w.chars, w.len)) w.dropLastUnlessLineTerminator();
  }

  /** Steps 2 and 3: the longest listed suffix is replaced if the rest passes {@code measure}. */
  private static void replaceSuffix(Word w, String[][] rules, Shape measure) {
    String[] rule = w.longestSuffix(rules);
    if (rule == null) return;
    int stem = w.len - rule[0].length();
    if (measure.test(w.chars, stem)) {
      w.len = stem;
      for (int i = 0; i < rule[1].length(); i++) w.append(rule[1].charAt(i));
    }
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private static boolean inClass(int cls, char c) {
    return switch (cls) {
      case CONSONANT -> !isVowel(c);
      case CONSONANT_NOT_Y -> !isVowel(c) && c != 'y';
      case VOWEL_OR_Y -> isVowel(c) || c == 'y';
      case VOWEL -> isVowel(c);
      default -> !isVowel(c) && c != 'w' && c != 'x' && c != 'y';
    };
  }

  /** lunr's C: {@code [^aeiou][^aeiouy]*}. */
  private static int[] consonants() {
    return new int[] {CONSONANT, CONSONANT_NOT_Y | STAR};
  }

  /** lunr's V: {@code [aeiouy][aeiou]*}. */
  private static int[] vowels() {
    return new int[] {VOWEL_OR_Y, VOWEL | STAR};
  }

  /**
   * One of the stemmer's measure patterns, {@code ^(C)?V C ...}, matched by simulating its small
   * automaton over the code units: bit i of the state set means "the first i atoms matched".
   * {@code optionalHead} atoms may be skipped at the start and {@code optionalTail} at the end.
   */
  private static final class Shape {
    private final int[] atoms;
    private final boolean anchoredEnd;
    private final long start;
    private final long accept;

    Shape(boolean anchoredEnd, int optionalHead, int optionalTail, int[]... parts) {
      int n = 0;
      for (int[] part : parts) n += part.length;
      this.atoms = new int[n];
      int i = 0;
      for (int[] part : parts) for (int atom : part) atoms[i++] = atom;
      this.anchoredEnd = anchoredEnd;
      this.start = closure(1L | (1L << optionalHead));
      this.accept = (1L << n) | (1L << (n - optionalTail));
    }

    /** Whether the pattern matches {@code chars[0, len)} (a prefix of it unless anchored). */
    boolean test(char[] chars, int len) {
      long states = start;
      if (!anchoredEnd && (states & accept) != 0) return true;
      for (int i = 0; i < len && states != 0; i++) {
        char c = chars[i];
        long next = 0;
        for (int j = 0; j < atoms.length; j++) {
          if ((states & (1L << j)) == 0 || !inClass(atoms[j] & 7, c)) continue;
          next |= (atoms[j] & STAR) != 0 ? 1L << j : 1L << (j + 1);
        }
        states = closure(next);
        if (!anchoredEnd && (states & accept) != 0) return true;
      }
      return anchoredEnd && (states & accept) != 0;
    }

    private long closure(long states) {
      for (int j = 0; j < atoms.length; j++) {
        if ((states & (1L << j)) != 0 && (atoms[j] & STAR) != 0) states |= 1L << (j + 1);
      }
      return states;
    }
  }

  /** The word being stemmed: a code-unit buffer that only shrinks or grows at its end. */
  private static final class Word {
    final char[] chars;
    int len;
    /** Index of the first JavaScript line terminator, which a regex {@code .} cannot match. */
    final int firstLineTerminator;

    Word(String word) {
      chars = new char[word.length() + 2];
      word.getChars(0, word.length(), chars, 0);
      len = word.length();
      int lt = -1;
      for (int i = 0; i < len && lt < 0; i++) if (isLineTerminator(chars[i])) lt = i;
      firstLineTerminator = lt < 0 ? Integer.MAX_VALUE : lt;
    }

    char last() {
      return chars[len - 1];
    }

    boolean endsWith(String suffix) {
      int n = suffix.length();
      if (n > len) return false;
      for (int i = 0; i < n; i++) if (chars[len - n + i] != suffix.charAt(i)) return false;
      return true;
    }

    /** Whether a {@code ^(.+?)} group can match the {@code stemLength} units before a suffix. */
    boolean hasStem(int suffixLength) {
      int stem = len - suffixLength;
      return stem >= 1 && dotsMatch(stem);
    }

    /** Whether a run of JavaScript {@code .} can match {@code chars[0, end)}. */
    boolean dotsMatch(int end) {
      return firstLineTerminator >= end;
    }

    /** The rule with the longest suffix that ends the word after a non-empty stem, or null. */
    String[] longestSuffix(String[][] rules) {
      String[] best = null;
      for (String[] rule : rules) {
        if ((best == null || rule[0].length() > best[0].length()) && endsWith(rule[0]) && hasStem(rule[0].length())) {
          best = rule;
        }
      }
      return best;
    }

    void append(char c) {
      chars[len++] = c;
    }

    /** JavaScript's {@code replace(/.$/, "")}. */
    void dropLastUnlessLineTerminator() {
      if (!isLineTerminator(last())) len--;
    }

    @Override
    public String toString() {
      return new String(chars, 0, len);
    }

    private static boolean isLineTerminator(char c) {
      return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }
  }
}
