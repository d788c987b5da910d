package dev.casebook.search;

import com.fasterxml.jackson.core.SerializableString;
import java.util.List;

/**
 * An index's refs as its JSON needs them, prepared once and shared by the index and its
 * partitions ({@link TermPartitions}), which all have the same fields and refs: writing a thousand
 * partitions then prepares ten thousand refs once, not a thousand times.
 */
final class RefStrings {
  /** Each ref as a JSON string. */
  final SerializableString[] refs;
  /** Each ref's value as a JavaScript array index, -1 for a ref that is not one. */
  final long[] arrayIndexRefs;
  final boolean anyArrayIndexRef;
  /** Each ref as JSON (quoted) when Jackson writes it without escapes, else null. */
  final char[][] plainRefs;
  /** Per field and ref, the field vector's key {@code "field/ref"} as JSON (quoted) when plain, else null. */
  final char[][][] plainVectorKeys;

  private RefStrings(List<String> fields, List<String> refList) {
    int n = refList.size();
    refs = new SerializableString[n];
    arrayIndexRefs = new long[n];
    plainRefs = new char[n][];
    boolean any = false;
    for (int i = 0; i < n; i++) {
      String ref = refList.get(i);
      refs[i] = JsStrings.forJson(ref);
      arrayIndexRefs[i] = JsKeys.arrayIndex(ref);
      any |= arrayIndexRefs[i] >= 0;
      plainRefs[i] = plain(ref) ? ("\"" + ref + "\"").toCharArray() : null;
    }
    anyArrayIndexRef = any;
    plainVectorKeys = new char[fields.size()][n][];
    for (int f = 0; f < fields.size(); f++) {
      for (int i = 0; i < n; i++) {
        String key = fields.get(f) + "/" + refList.get(i);
        plainVectorKeys[f][i] = plain(key) && !JsStrings.needsOwnEscaping(key) ? ("\"" + key + "\"").toCharArray() : null;
      }
    }
  }

  /** Prepares the refs of an index with these fields. */
  static RefStrings of(List<String> fields, List<String> refs) {
    return new RefStrings(fields, refs);
  }

  /** Whether Jackson writes {@code s} as it is, only quoted. */
  static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f || Character.isSurrogate(c)) return false;
    }
    return true;
  }
}
