package dev.casebook.search;

/**
 * JavaScript's ordering of an object's own keys: keys that are array indices ({@code "0"}, {@code
 * "42"}, up to 2<sup>32</sup>&minus;2, no leading zeros) come first in ascending numeric order,
 * then every other key in insertion order. {@code JSON.stringify} writes keys in that order.
 */
final class JsKeys {
  private static final long MAX_ARRAY_INDEX = 4_294_967_294L;

  private JsKeys() {}

  /** The numeric value of {@code key} if it is an array index, otherwise -1. */
  static long arrayIndex(String key) {
    int n = key.length();
    if (n == 0 || n > 10) return -1;
    if (n > 1 && key.charAt(0) == '0') return -1;
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value <= MAX_ARRAY_INDEX ? value : -1;
  }

  /** Whether {@code key} would be reordered by JavaScript. */
  static boolean isArrayIndex(String key) {
    return arrayIndex(key) >= 0;
  }
}
