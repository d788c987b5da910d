package dev.casebook.text;

import java.util.Locale;

/**
 * Characters that must never reach storage or a report as they are: C0 and C1 controls, DEL,
 * bidirectional marks, embeddings, overrides and isolates, and the line and paragraph separators.
 * They can hide or reorder what a terminal, spreadsheet or page shows. The collector refuses them
 * on the way in; the reports show any that an older database holds as {@code \\uXXXX}.
 */
public final class UnsafeText {
  private UnsafeText() {}

  /** Whether this code point is a control, bidirectional or separator character. */
  public static boolean unsafe(int cp) {
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c || cp == 0x200e || cp == 0x200f
        || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
  }

  /** The index of the first unsafe character, or -1. */
  public static int find(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (unsafe(s.charAt(i))) return i;
    }
    return -1;
  }

  /** The text with every unsafe character written as {@code \\uXXXX}; null stays null. */
  public static String neutralize(String s) {
    if (s == null || find(s) < 0) return s;
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (unsafe(c)) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      else b.append(c);
    }
    return b.toString();
  }
}
