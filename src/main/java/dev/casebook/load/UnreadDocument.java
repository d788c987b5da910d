package dev.casebook.load;

import dev.casebook.diag.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A write-up that could not be read into front matter and body (front matter unterminated, YAML
 * that does not parse, bytes that are not UTF-8, a file too large), whose text still shows its
 * id on an {@code id:} line. Other write-ups that cite that id are then not told it is unknown:
 * the mistake is in this file.
 *
 * @param id the id as written, unquoted
 * @param idPosition where the id is written
 * @param error the first error reported in the file
 */
public record UnreadDocument(String path, String id, SourcePosition idPosition, SourcePosition error) {
  /** How much of a file is searched for its id line. */
  static final int HEAD_BYTES = 64 * 1024;

  private static final Pattern ID_LINE = Pattern.compile("id:[ \\t]*(.*)");

  /**
   * The id on a top-level {@code id:} line of the front matter that {@code bytes} (the start of
   * the file) open with, if any; a comment after it and quotes around it are left out.
   */
  static Optional<UnreadDocument> recover(String path, byte[] bytes, SourcePosition error) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    String text = new String(bytes, start, Math.min(bytes.length, HEAD_BYTES) - start, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    if (lines.length < 2 || !lines[0].strip().equals("---")) return Optional.empty();
    for (int n = 1; n < lines.length; n++) {
      String line = lines[n].endsWith("\r") ? lines[n].substring(0, lines[n].length() - 1) : lines[n];
      if (line.stripTrailing().equals("---") || line.stripTrailing().equals("...")) break;
      Matcher m = ID_LINE.matcher(line);
      if (!m.matches()) continue;
      String value = m.group(1);
      int comment = value.indexOf(" #");
      if (comment >= 0) value = value.substring(0, comment);
      value = value.strip();
      if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
          && value.charAt(value.length() - 1) == value.charAt(0)) {
        value = value.substring(1, value.length() - 1).strip();
      }
      if (value.isEmpty()) return Optional.empty();
      return Optional.of(new UnreadDocument(path, value, new SourcePosition(path, n + 1, m.start(1) + 1), error));
    }
    return Optional.empty();
  }
}
