package dev.casebook.code;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the comments of a source file with a {@link CommentSyntax}. Consecutive lines that each
 * hold only a line comment make one comment, as do the lines of a block comment; a comment after
 * code on the same line stands alone. String literals are skipped on their line.
 */
final class Comments {
  private static final int MAX_TEXT = 400;

  private Comments() {}

  /**
   * A piece of a comment on one line.
   *
   * @param line 1-based
   * @param column 1-based column of {@code text}'s first character
   * @param text what follows the comment marker on that line
   */
  record Piece(int line, int column, String text) {}

  /** One comment: its pieces, in order. */
  record Comment(List<Piece> pieces) {
    /** The comment's words on one line, without markers and leading {@code *}; long ones are cut. */
    String text() {
      StringBuilder out = new StringBuilder();
      for (Piece p : pieces) {
        String t = clean(p.text());
        if (t.isEmpty()) continue;
        if (out.length() > 0) out.append(' ');
        out.append(t);
      }
      if (out.length() <= MAX_TEXT) return out.toString();
      int cut = out.lastIndexOf(" ", MAX_TEXT);
      return out.substring(0, cut > MAX_TEXT / 2 ? cut : MAX_TEXT) + " …";
    }

    private static String clean(String text) {
      String t = text.strip();
      int i = 0;
      while (i < t.length() && "*/!#-;".indexOf(t.charAt(i)) >= 0) i++;
      t = t.substring(i).strip();
      while (t.endsWith("*") || t.endsWith("-")) t = t.substring(0, t.length() - 1).stripTrailing();
      return t.replaceAll("\\s+", " ");
    }
  }

  static List<Comment> find(String text, CommentSyntax syntax) {
    List<Comment> out = new ArrayList<>();
    List<String> lines = lines(text);
    String starts = syntax.markerStarts();
    List<Piece> block = null;
    String[] openBlock = null;
    List<Piece> run = null;
    String runMarker = null;
    int runLine = -2;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      int lineNo = n + 1;
      int i = 0;
      boolean code = false;
      boolean lineComment = false;
      if (openBlock != null) {
        int end = line.indexOf(openBlock[1]);
        if (end < 0) {
          block.add(new Piece(lineNo, 1, line));
          continue;
        }
        block.add(new Piece(lineNo, 1, line.substring(0, end)));
        out.add(new Comment(block));
        block = null;
        i = end + openBlock[1].length();
        openBlock = null;
        code = true;
      }
      while (i < line.length()) {
        char c = line.charAt(i);
        if (starts.indexOf(c) < 0) {
          if (syntax.quotes().indexOf(c) >= 0) {
            i = afterString(line, i, c);
            code = true;
            continue;
          }
          if (!Character.isWhitespace(c)) code = true;
          i++;
          continue;
        }
        String[] startsBlock = blockAt(syntax, line, i);
        if (startsBlock != null) {
          int from = i + startsBlock[0].length();
          int end = line.indexOf(startsBlock[1], from);
          if (end < 0) {
            block = new ArrayList<>();
            block.add(new Piece(lineNo, from + 1, line.substring(from)));
            openBlock = startsBlock;
            break;
          }
          out.add(new Comment(List.of(new Piece(lineNo, from + 1, line.substring(from, end)))));
          i = end + startsBlock[1].length();
          code = true;
          continue;
        }
        String marker = lineMarkerAt(syntax, line, i);
        if (marker != null) {
          Piece piece = new Piece(lineNo, i + marker.length() + 1, line.substring(i + marker.length()));
          if (!code && run != null && marker.equals(runMarker) && runLine == lineNo - 1) {
            run.add(piece);
          } else {
            if (run != null) out.add(new Comment(run));
            run = new ArrayList<>();
            run.add(piece);
            runMarker = marker;
          }
          runLine = code ? -2 : lineNo;
          if (code) {
            out.add(new Comment(run));
            run = null;
          }
          lineComment = true;
          break;
        }
        if (!Character.isWhitespace(c)) code = true;
        i++;
      }
      if (!lineComment && run != null) {
        out.add(new Comment(run));
        run = null;
      }
    }
    if (run != null) out.add(new Comment(run));
    if (block != null) out.add(new Comment(block));
    return out;
  }

  /** The lines of {@code text}, split at {@code \n} with a {@code \r} before it dropped. */
  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (true) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      out.add(text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end));
      if (nl < 0) return out;
      start = nl + 1;
    }
  }

  /** The index after the string literal that starts at {@code start}, or the line's end. */
  private static int afterString(String line, int start, char quote) {
    for (int i = start + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i + 1;
      }
    }
    return line.length();
  }

  private static String[] blockAt(CommentSyntax syntax, String line, int i) {
    for (String[] b : syntax.blocks()) if (line.startsWith(b[0], i)) return b;
    return null;
  }

  /**
   * A line marker at {@code i}, unless it is glued to a word ({@code a#b}, {@code https://}); as
   * in YAML and shells, {@code #} and {@code ;} start a comment only after a space or at the start.
   */
  private static String lineMarkerAt(CommentSyntax syntax, String line, int i) {
    for (String m : syntax.lineMarkers()) {
      if (line.startsWith(m, i)) {
        char before = i == 0 ? ' ' : line.charAt(i - 1);
        if (m.equals("#") || m.equals(";")) return Character.isWhitespace(before) ? m : null;
        if (Character.isLetterOrDigit(before) || before == ':') return null;
        return m;
      }
    }
    return null;
  }
}
