package dev.casebook.coach;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code casebook new} puts in a write-up for its author to replace: the prompts and
 * placeholder rows of the theme's {@code new-incident.md}, line by line. Headings, table headers
 * and blank lines are kept by authors and are not counted.
 */
final class Skeleton {
  static final Skeleton NONE = new Skeleton(Set.of());

  private final Set<String> fillers;
  /** The length of the longest filler by its first character. */
  private final java.util.Map<Character, Integer> longest;
  /** The same for ASCII first characters, by character; 0 where no filler starts with it. */
  private final int[] longestAscii = new int[128];
  /** Whether a filler has this length, by length. */
  private final boolean[] lengths;
  /**
   * The first and last characters of the fillers, both ASCII, at {@code first << 7 | last}; and
   * the ASCII first characters of fillers that end beyond ASCII, for which the last says nothing.
   */
  private final boolean[] ends = new boolean[128 * 128];
  private final boolean[] anyEnd = new boolean[128];

  /** The skeleton of these fillers (normalized lines). */
  Skeleton(Set<String> fillers) {
    this.fillers = Set.copyOf(fillers);
    java.util.Map<Character, Integer> byFirst = new java.util.HashMap<>();
    int max = 0;
    for (String f : this.fillers) {
      byFirst.merge(f.charAt(0), f.length(), Math::max);
      max = Math.max(max, f.length());
    }
    this.longest = java.util.Map.copyOf(byFirst);
    for (var e : longest.entrySet()) if (e.getKey() < 128) longestAscii[e.getKey()] = e.getValue();
    this.lengths = new boolean[max + 1];
    for (String f : this.fillers) {
      lengths[f.length()] = true;
      char first = f.charAt(0);
      char last = f.charAt(f.length() - 1);
      if (first < 128 && last < 128) ends[first << 7 | last] = true;
      else if (first < 128) anyEnd[first] = true;
    }
  }

  /** Two skeletons are equal when they have the same fillers. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Skeleton other && fillers.equals(other.fillers);
  }

  @Override
  public int hashCode() {
    return fillers.hashCode();
  }

  @Override
  public String toString() {
    return "Skeleton" + fillers;
  }

  /** The skeleton of a {@code new-incident.md} template's text. */
  static Skeleton of(String template) {
    String[] lines = template.split("\r?\n", -1);
    int start = 0;
    if (lines.length > 0 && lines[0].strip().equals("---")) {
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].strip().equals("---")) {
          start = i + 1;
          break;
        }
      }
    }
    Set<String> fillers = new HashSet<>();
    for (int i = start; i < lines.length; i++) {
      String line = lines[i].strip();
      boolean header = i + 1 < lines.length && separator(lines[i + 1].strip());
      if (line.isEmpty() || line.startsWith("#") || separator(line) || header || line.contains("{{")) continue;
      fillers.add(normalize(line));
    }
    return new Skeleton(fillers);
  }

  /** Whether a body line is one of the skeleton's prompts or placeholders, left as it was. */
  boolean isFiller(String line) {
    return isFiller(line, 0, line.length());
  }

  /**
   * Whether the line {@code text[start, end)} is one of the skeleton's prompts or placeholders, left
   * as it was. Most lines are told apart by their first character and their length, without
   * making a string of them.
   */
  boolean isFiller(String text, int start, int end) {
    if (fillers.isEmpty()) return false;
    while (start < end && WriteUp.whitespace(text.charAt(start))) start++;
    if (start == end) return false;
    while (WriteUp.whitespace(text.charAt(end - 1))) end--;
    char first = text.charAt(start);
    // A line more than twice as long as the longest filler with its first character is not one.
    int max;
    if (first < 128) {
      first = lower(first);
      max = longestAscii[first];
    } else {
      Integer m = longest.get(Character.toLowerCase(first));
      max = m == null ? 0 : m;
    }
    if (max == 0 || end - start > max * 2) return false;
    // Lower case keeps an ASCII character where it is, last: with an ASCII first, it must end a filler that starts so.
    char last = text.charAt(end - 1);
    if (first < 128 && last < 128 && !anyEnd[first] && !ends[first << 7 | lower(last)]) return false;
    // White space collapsed, an ASCII line keeps its length in lower case: that length must be a filler's.
    int length = 0;
    boolean ascii = true;
    boolean space = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      boolean s = c == ' ' || (c >= '\t' && c <= '\r');
      if (!s || !space) length++;
      space = s;
      if (c >= 128) ascii = false;
    }
    if (ascii && (length >= lengths.length || !lengths[length])) return false;
    return fillers.contains(normalize(text.substring(start, end)));
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  private static boolean separator(String line) {
    return line.startsWith("|") && line.matches("[|:\\-\\s]+") && line.contains("-");
  }

  /**
   * The line with each run of white space ({@code \s}: space, tab, line feed, vertical tab, form
   * feed, carriage return) made one space, in lower case.
   */
  static String normalize(String line) {
    StringBuilder out = new StringBuilder(line.length());
    boolean space = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean s = c == ' ' || (c >= '\t' && c <= '\r');
      if (!s) out.append(c);
      else if (!space) out.append(' ');
      space = s;
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
