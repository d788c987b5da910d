package dev.casebook.search;

/**
 * lunr.js's trimmer: removes leading and trailing runs of JavaScript's {@code \W}, which without
 * the {@code u} flag is every UTF-16 unit other than {@code [A-Za-z0-9_]}. Non-ASCII letters are
 * therefore trimmed too ({@code café} becomes {@code caf}) and a token made only of them becomes
 * the empty string, which lunr keeps and indexes.
 */
public final class Trimmer {
  private Trimmer() {}

  /** Whether {@code c} is a JavaScript {@code \w} character. */
  public static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** {@code token} without its leading and trailing non-word characters. */
  public static String trim(String token) {
    int end = token.length();
    int start = 0;
    while (start < end && !isWordChar(token.charAt(start))) start++;
    while (end > start && !isWordChar(token.charAt(end - 1))) end--;
    return start == 0 && end == token.length() ? token : token.substring(start, end);
  }
}
