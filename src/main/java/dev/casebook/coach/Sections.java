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
  record Section(String title, int level, int line, boolean empty) {
    /** Whether the heading names {@code name}, ignoring case and punctuation ("Contributors" names "Contributors:"). */
    boolean named(String name) {
      String mine = normalize(title);
      String wanted = normalize(name);
      if (wanted.isEmpty()) return false;
      if (mine.equals(wanted) || mine.startsWith(wanted + " ")) return true;
      // The usual other names of the two sections the coach asks for by default.
      if (wanted.equals("what made it difficult")) return DIFFICULT.matcher(mine).find();
      if (wanted.equals("contributors")) return CONTRIBUTORS.matcher(mine).find();
      return false;
    }
  }

  private static final java.util.regex.Pattern DIFFICULT = java.util.regex.Pattern.compile("\\b(?:difficult|hard|challeng)");
  private static final java.util.regex.Pattern CONTRIBUTORS = java.util.regex.Pattern.compile("\\b(?:contribut|factors)");
  private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

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
      int to = writeUp.lines().length + 1;
      for (int j = i + 1; j < headings.size(); j++) {
        if (headings.get(j).level() <= h.level()) {
          to = headings.get(j).lineAt(0);
          break;
        }
      }
      boolean empty = true;
      for (int line = from + 1; line < to && line <= writeUp.lines().length && empty; line++) {
        String text = writeUp.lines()[line - 1].strip();
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

  static String normalize(String s) {
    return NOT_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
