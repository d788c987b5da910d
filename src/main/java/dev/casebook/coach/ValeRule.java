package dev.casebook.coach;

import dev.casebook.diag.SourcePosition;
import dev.casebook.markdown.ProseBlock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of a team's Vale rules ({@code existence} or {@code substitution}), applied to the prose
 * its scope names, reporting where each match starts with the rule's own message.
 *
 * @param name {@code Style.Rule}, as Vale names it
 * @param pattern what the rule looks for
 * @param swaps for a substitution, each pattern and its replacement, in the order written; empty for existence
 * @param exceptions matches that are left alone
 * @param message the message, with {@code %s} for the match (existence) or the replacement and the match (substitution)
 * @param error whether the rule's level is {@code error}
 * @param scopes where it applies: text, paragraph, sentence, heading, heading.h1 to heading.h6, list, table, raw
 * @param link the rule's link, or empty
 * @param file where the rule was written
 */
record ValeRule(String name, Pattern pattern, List<Swap> swaps, List<Pattern> exceptions, String message, boolean error,
    List<String> scopes, String link, SourcePosition file) {

  /** One entry of a substitution's {@code swap}. */
  record Swap(Pattern pattern, String replacement) {}

  /** The hints of this rule about a write-up, through {@code hints}. */
  void check(WriteUp writeUp, Hints hints, boolean asError) {
    try {
      if (scopes.contains("raw")) {
        for (int line = 1; line <= writeUp.lineCount(); line++) {
          String text = writeUp.line(line);
          int at = line;
          find(text, (start, found, replacement) -> hints.add(name, asError,
              new SourcePosition(writeUp.incident.source().path(), writeUp.incident.source().bodyLine() + at - 1, start + 1),
              message(found, replacement), link.isEmpty() ? null : "see " + link));
        }
      }
      for (ProseBlock block : writeUp.prose.blocks()) {
        if (!applies(block)) continue;
        find(block.text(), (start, found, replacement) -> hints.add(name, asError, writeUp.at(block, start),
            message(found, replacement), link.isEmpty() ? null : "see " + link));
      }
    } catch (BoundedText.TooSlow | StackOverflowError e) {
      hints.add(name, false, file, "this Vale rule's pattern took too long on " + writeUp.incident.source().path()
          + " and was stopped", "simplify the pattern: nested repetition like (a+)+ can take exponential time");
    }
  }

  private boolean applies(ProseBlock block) {
    for (String scope : scopes) {
      boolean yes = switch (scope) {
        case "text" -> true;
        case "paragraph", "sentence" -> block.kind() == ProseBlock.Kind.PARAGRAPH;
        case "heading" -> block.kind() == ProseBlock.Kind.HEADING;
        case "list" -> block.inList() && block.kind() == ProseBlock.Kind.PARAGRAPH;
        case "table", "table.cell" -> block.kind() == ProseBlock.Kind.TABLE_CELL;
        default -> scope.startsWith("heading.h") && block.kind() == ProseBlock.Kind.HEADING
            && scope.equals("heading.h" + block.level());
      };
      if (yes) return true;
    }
    return false;
  }

  private interface Found {
    void at(int start, String text, String replacement);
  }

  private void find(String text, Found found) {
    Matcher m = pattern.matcher(new BoundedText(text));
    while (m.find()) {
      if (m.end() == m.start()) continue;
      String match = text.substring(m.start(), m.end());
      if (match.indexOf(ProseBlock.HIDDEN) >= 0 || excepted(match)) continue;
      String replacement = null;
      if (!swaps.isEmpty()) {
        replacement = replacement(match);
        if (replacement == null || replacement.equals(match)) continue;
      }
      found.at(m.start(), match, replacement);
    }
  }

  private boolean excepted(String match) {
    for (Pattern e : exceptions) if (e.matcher(new BoundedText(match)).matches()) return true;
    return false;
  }

  private String replacement(String match) {
    for (Swap s : swaps) {
      Matcher m = s.pattern().matcher(new BoundedText(match));
      if (!m.matches()) continue;
      try {
        return m.replaceFirst(s.replacement());
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        return s.replacement();
      }
    }
    return null;
  }

  /** The message with its {@code %s} filled in, as Vale does. */
  private String message(String match, String replacement) {
    Object[] args = replacement == null ? new Object[] {match} : new Object[] {replacement, match};
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    while (i < message.length()) {
      if (message.startsWith("%s", i) && next < args.length) {
        out.append(args[next++]);
        i += 2;
      } else {
        out.append(message.charAt(i++));
      }
    }
    return out.toString().replace("%%", "%");
  }
}
