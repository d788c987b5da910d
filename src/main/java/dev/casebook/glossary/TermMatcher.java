package dev.casebook.glossary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a glossary's terms in text, in one pass: a trie of every spelling, entered only where a
 * word starts, so the work is the text's length times the longest spelling at most (spellings
 * are capped by {@link GlossaryReader#MAX_LENGTH}).
 *
 * <p>A match is a whole word or words: the characters on either side are not letters, digits,
 * {@code _} or {@code -}. Any run of white space in the text matches the single space of a
 * spelling. An acronym or a name with inner capitals matches only as written; other spellings in
 * any case. A plural matches too: {@code s} after any spelling ({@code SLOs}), {@code es} after
 * one ending in s, x, z, ch or sh that is not matched as written ({@code indexes}). Where spellings overlap, the longest
 * starting at the same place wins ({@code DNS resolver} over {@code DNS}). Immutable.
 */
public final class TermMatcher {
  /** A term found at {@code [start, end)} of the text. */
  public record Match(int start, int end, Glossary.Term term) {}

  private record Spelling(String text, boolean exactCase, Glossary.Term term) {}

  private static final class Node {
    final Map<Character, Node> next = new HashMap<>(4);
    List<Spelling> ends = List.of();
  }

  private final Node root = new Node();

  private TermMatcher(Glossary glossary) {
    for (Glossary.Term term : glossary.terms()) {
      for (String spelling : term.spellings()) add(normalize(spelling), term);
    }
  }

  public static TermMatcher of(Glossary glossary) {
    return new TermMatcher(glossary);
  }

  private void add(String spelling, Glossary.Term term) {
    if (spelling.isEmpty()) return;
    Node node = root;
    for (int i = 0; i < spelling.length(); i++) {
      node = node.next.computeIfAbsent(Character.toLowerCase(spelling.charAt(i)), c -> new Node());
    }
    List<Spelling> ends = new ArrayList<>(node.ends);
    ends.add(new Spelling(spelling, Glossary.exactCase(spelling), term));
    node.ends = List.copyOf(ends);
  }

  /** A spelling with its white space runs made single spaces, trimmed. */
  static String normalize(String spelling) {
    return String.join(" ", spelling.strip().split("\\s+"));
  }

  /** Every match in {@code text}, left to right, none overlapping. */
  public List<Match> find(CharSequence text) {
    List<Match> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!wordChar(text.charAt(i)) || (i > 0 && wordChar(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      Match m = longestAt(text, i);
      if (m != null) {
        out.add(m);
        i = m.end();
      } else {
        i++;
      }
    }
    return out;
  }

  private Match longestAt(CharSequence text, int start) {
    int n = text.length();
    Node node = root;
    Match best = null;
    int j = start;
    while (j < n) {
      char c = text.charAt(j);
      int after = j + 1;
      if (Character.isWhitespace(c)) {
        c = ' ';
        while (after < n && Character.isWhitespace(text.charAt(after))) after++;
      }
      node = node.next.get(Character.toLowerCase(c));
      if (node == null) break;
      j = after;
      for (Spelling s : node.ends) {
        int end = end(text, start, j, s);
        if (end >= 0 && (best == null || end > best.end())) best = new Match(start, end, s.term());
      }
    }
    return best;
  }

  /** Where a match of {@code s} in {@code [start, j)} ends, with its plural ending if any, or -1. */
  private static int end(CharSequence text, int start, int j, Spelling s) {
    if (s.exactCase() && !sameCase(text, start, j, s.text())) return -1;
    int n = text.length();
    if (j >= n || !wordChar(text.charAt(j))) return j;
    char c = text.charAt(j);
    boolean plainS = c == 's' || (!s.exactCase() && c == 'S');
    if (plainS && (j + 1 >= n || !wordChar(text.charAt(j + 1)))) return j + 1;
    if (!s.exactCase() && sibilant(s.text()) && j + 1 < n && Character.toLowerCase(c) == 'e' && Character.toLowerCase(text.charAt(j + 1)) == 's'
        && (j + 2 >= n || !wordChar(text.charAt(j + 2)))) {
      return j + 2;
    }
    return -1;
  }

  /** Whether a spelling's plural takes {@code es}: it ends in s, x, z, ch or sh. */
  private static boolean sibilant(String spelling) {
    String s = spelling.toLowerCase(java.util.Locale.ROOT);
    return s.endsWith("s") || s.endsWith("x") || s.endsWith("z") || s.endsWith("ch") || s.endsWith("sh");
  }

  /** Whether {@code text[start, end)} is {@code spelling} as written, white space aside. */
  private static boolean sameCase(CharSequence text, int start, int end, String spelling) {
    int k = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (k < spelling.length() && spelling.charAt(k) == ' ') k++;
        continue;
      }
      if (k >= spelling.length() || spelling.charAt(k) != c) return false;
      k++;
    }
    return k == spelling.length();
  }

  static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
