package dev.casebook.render;

import java.util.Locale;

/**
 * The text of an HTML or XML template as the site needs it: without the indentation that makes the
 * template readable. Every line keeps its newline (so a template error still names the right line)
 * but loses its leading spaces and tabs, which a browser collapses anyway; the lines of a
 * {@code <pre>} or {@code <textarea>} written in the template itself keep theirs. What the template
 * inserts (a write-up's body, with its code blocks) is not touched: only the template's own text is.
 */
final class TemplateText {
  private TemplateText() {}

  static String unindent(String template) {
    StringBuilder out = new StringBuilder(template.length());
    String lower = template.toLowerCase(Locale.ROOT);
    int verbatimUntil = -1; // inside <pre> or <textarea> up to this index
    int n = template.length();
    boolean lineStart = true;
    for (int i = 0; i < n; i++) {
      char c = template.charAt(i);
      if (lineStart && i >= verbatimUntil && (c == ' ' || c == '\t')) continue;
      lineStart = c == '\n';
      if (c == '<' && i >= verbatimUntil) {
        for (String tag : new String[] {"pre", "textarea"}) {
          if (opens(lower, i, tag)) {
            int close = lower.indexOf("</" + tag, i);
            verbatimUntil = close < 0 ? n : close;
          }
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Whether {@code <tag} starts at {@code at}, followed by the end of the tag's name. */
  private static boolean opens(String lower, int at, String tag) {
    if (!lower.startsWith(tag, at + 1)) return false;
    int after = at + 1 + tag.length();
    if (after >= lower.length()) return false;
    char c = lower.charAt(after);
    return c == '>' || c == '/' || Character.isWhitespace(c);
  }
}
