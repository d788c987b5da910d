package dev.casebook.coach;

import dev.casebook.markdown.ProseBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A write-up's sections: each heading, and whether anything but skeleton prompts follows it. */
final class Sections {
  /** One heading and its section. */
  record Section(String title, int level, int line, boolean empty, String words) {
    /** A heading's section; {@code words} is the title {@link #normalize normalized}. */
    Section(String title, int level, int line, boolean empty) {
      this(title, level, line, empty, normalize(title));
    }

    /** Whether the heading names {@code name}, ignoring case and punctuation ("Contributors" names "Contributors:"). */
    boolean named(String name) {
      return namedAs(normalize(name));
    }

    /** As {@link #named}, with the name {@link #normalize normalized} already. */
    boolean namedAs(String wanted) {
      String mine = words;
      if (wanted.isEmpty()) return false;
      if (mine.startsWith(wanted) && (mine.length() == wanted.length() || mine.charAt(wanted.length()) == ' ')) return true;
      // The usual other names of the two sections the coach asks for by default.
      if (wanted.equals("what made it difficult")) return DIFFICULT.matcher(mine).find();
      if (wanted.equals("contributors")) return CONTRIBUTORS.matcher(mine).find();
      return false;
    }
  }

  private static final java.util.regex.Pattern DIFFICULT = java.util.regex.Pattern.compile("\\b(?:difficult|hard|challeng)");
  private static final java.util.regex.Pattern CONTRIBUTORS = java.util.regex.Pattern.compile("\\b(?:contribut|factors)");

  /** A table's separator row or a thematic break: not content. */
  private static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile("[|:\\-\\s]+|[-*_=]{3,}");

  private Sections() {}

  static List<Section> of(WriteUp writeUp, Skeleton skeleton) {
    List<ProseBlock> headings = new ArrayList<>();
    for (ProseBlock b : writeUp.prose.blocks()) if (b.kind() == ProseBlock.Kind.HEADING) headings.add(b);
    Set<Integer> headingLines = new HashSet<>();
    for (ProseBlock h : headings) headingLines.add(h.lineAt(0));
    List<Section> out = new ArrayList<>();
    for (int i = 0; i < headings.size(); i++) {
      ProseBlock h = headings.get(i);
      int from = h.lineAt(0);
      int to = writeUp.lineCount() + 1;
      for (int j = i + 1; j < headings.size(); j++) {
        if (headings.get(j).level() <= h.level()) {
          to = headings.get(j).lineAt(0);
          break;
        }
      }
      boolean empty = true;
      for (int line = from + 1; line < to && line <= writeUp.lineCount() && empty; line++) {
        String text = writeUp.line(line).strip();
        if (text.isEmpty() || headingLines.contains(line) || text.startsWith("<!--") || RULE.matcher(text).matches()
            || skeleton.isFiller(text)) {
          continue;
        }
        empty = false;
      }
      out.add(new Section(h.text().strip(), h.level(), from, empty));
    }
    return out;
  }

  /** The letters and numbers of {@code s} in lower case, each run of anything else one space between them. */
  static String normalize(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean gap = false;
    for (int i = 0; i < lower.length(); ) {
      int c = lower.codePointAt(i);
      i += Character.charCount(c);
      if (!letterOrNumber(c)) {
        gap = true;
        continue;
      }
      if (gap && out.length() > 0) out.append(' ');
      gap = false;
      out.appendCodePoint(c);
    }
    return out.toString();
  }

  /** Unicode's letters ({@code \p{L}}) and numbers ({@code \p{N}}). */
  private static boolean letterOrNumber(int c) {
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
          Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }
}
