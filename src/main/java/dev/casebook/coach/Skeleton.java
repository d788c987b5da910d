package dev.casebook.coach;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code casebook new} puts in a write-up for its author to replace: the prompts and
 * placeholder rows of the theme's {@code new-incident.md}, line by line. Headings, table headers
 * and blank lines are kept by authors and are not counted.
 */
record Skeleton(Set<String> fillers, java.util.Map<Character, Integer> longest) {
  static final Skeleton NONE = new Skeleton(Set.of());

  Skeleton {
    fillers = Set.copyOf(fillers);
    longest = java.util.Map.copyOf(longest);
  }

  /** The skeleton of these fillers; {@code longest} is the longest filler by first character. */
  Skeleton(Set<String> fillers) {
    this(fillers, longestByFirst(fillers));
  }

  private static java.util.Map<Character, Integer> longestByFirst(Set<String> fillers) {
    java.util.Map<Character, Integer> out = new java.util.HashMap<>();
    for (String f : fillers) out.merge(f.charAt(0), f.length(), Math::max);
    return out;
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
    if (fillers.isEmpty()) return false;
    int at = 0;
    while (at < line.length() && Character.isWhitespace(line.charAt(at))) at++;
    if (at == line.length()) return false;
    char first = Character.toLowerCase(line.charAt(at));
    // A line more than twice as long as the longest filler with its first character is not one.
    Integer max = longest.get(first);
    if (max == null) return false;
    String text = line.strip();
    return text.length() <= max * 2 && fillers.contains(normalize(text));
  }

  private static boolean separator(String line) {
    return line.startsWith("|") && line.matches("[|:\\-\\s]+") && line.contains("-");
  }

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private static String normalize(String line) {
    return SPACES.matcher(line).replaceAll(" ").toLowerCase(Locale.ROOT);
  }
}
