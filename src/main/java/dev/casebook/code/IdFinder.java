package dev.casebook.code;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds incident ids in text the way write-ups' mentions are found: a word of letters, digits,
 * {@code .}, {@code _} and {@code -} that has a digit and matches the library's id pattern (or is a
 * known id, without one). Before that, a cheap test on a file's bytes: the literal text every id
 * starts with (taken from the id pattern, or shared by every known id) must be in it.
 */
public final class IdFinder {
  private final Predicate<String> looksLikeId;
  private final byte[] prefix;

  /** A mention of an id: the word and where it starts in the text. */
  public record Mention(String id, int offset) {}

  IdFinder(Predicate<String> looksLikeId, String prefix) {
    this.looksLikeId = looksLikeId;
    this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
  }

  /** Ids matching {@code idPattern}, or exactly the {@code knownIds} when it is null. */
  public static IdFinder of(Pattern idPattern, Collection<String> knownIds) {
    if (idPattern != null) return new IdFinder(w -> idPattern.matcher(w).matches(), literalPrefix(idPattern.pattern()));
    java.util.Set<String> ids = java.util.Set.copyOf(knownIds);
    return new IdFinder(ids::contains, commonPrefix(ids));
  }

  /** Whether the bytes may hold an id: they contain the literal text every id starts with. */
  public boolean mayContain(byte[] bytes, int length) {
    if (prefix.length == 0) return true;
    byte first = prefix[0];
    outer:
    for (int i = 0, last = length - prefix.length; i <= last; i++) {
      if (bytes[i] != first) continue;
      for (int j = 1; j < prefix.length; j++) if (bytes[i + j] != prefix[j]) continue outer;
      return true;
    }
    return false;
  }

  /** The ids mentioned in {@code text}, in order. */
  public List<Mention> find(String text) {
    List<Mention> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i < text.length() && isWordChar(text.charAt(i))) continue;
      int end = i;
      while (end > start && ".-_".indexOf(text.charAt(end - 1)) >= 0) end--;
      if (end > start && Character.isLetterOrDigit(text.charAt(start)) && hasDigit(text, start, end)) {
        String word = text.substring(start, end);
        if (looksLikeId.test(word)) out.add(new Mention(word, start));
      }
      start = i + 1;
    }
    return out;
  }

  /**
   * The literal text a regular expression's matches start with: {@code INC-} of
   * {@code INC-\d{4}-\d{3}}; empty when it starts with anything but plain letters, digits,
   * {@code -} and {@code _}, or could match them zero times.
   */
  static String literalPrefix(String regex) {
    int i = 0;
    while (i < regex.length() && (Character.isLetterOrDigit(regex.charAt(i)) || regex.charAt(i) == '-' || regex.charAt(i) == '_')) i++;
    if (i < regex.length() && "?*{|".indexOf(regex.charAt(i)) >= 0) i = Math.max(0, i - 1);
    if (regex.indexOf('|') >= 0) return "";
    return regex.substring(0, i);
  }

  static String commonPrefix(Collection<String> words) {
    String prefix = null;
    for (String w : words) {
      if (prefix == null) {
        prefix = w;
      } else {
        int n = 0;
        while (n < prefix.length() && n < w.length() && prefix.charAt(n) == w.charAt(n)) n++;
        prefix = prefix.substring(0, n);
      }
    }
    return prefix == null ? "" : prefix;
  }

  private static boolean hasDigit(String s, int start, int end) {
    for (int i = start; i < end; i++) if (s.charAt(i) >= '0' && s.charAt(i) <= '9') return true;
    return false;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
  }
}
