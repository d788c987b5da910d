package dev.casebook.search;

/**
 * What each distinct raw token became after the pipeline, looked up by a slice of the field text
 * so that known tokens (nearly all of them) cost no substring. An open-addressing hash table.
 */
final class TokenTerms {
  private String[] keys = new String[1024];
  private Object[] values = new Object[1024];
  private int[] hashes = new int[1024];
  private int size;

  /** The value stored for {@code text.substring(start, end)}, or null. */
  Object get(String text, int start, int end) {
    int hash = hash(text, start, end);
    int mask = keys.length - 1;
    int length = end - start;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      String key = keys[i];
      if (key == null) return null;
      if (hashes[i] == hash && key.length() == length && key.regionMatches(0, text, start, length)) return values[i];
    }
  }

  /** Stores {@code value} for {@code key}, which is not in the table yet. */
  void put(String key, Object value) {
    if (2 * (size + 1) > keys.length) grow();
    insert(key, hash(key, 0, key.length()), value);
    size++;
  }

  private void insert(String key, int hash, Object value) {
    int mask = keys.length - 1;
    int i = hash & mask;
    while (keys[i] != null) i = (i + 1) & mask;
    keys[i] = key;
    hashes[i] = hash;
    values[i] = value;
  }

  private void grow() {
    String[] oldKeys = keys;
    Object[] oldValues = values;
    int[] oldHashes = hashes;
    keys = new String[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != null) insert(oldKeys[i], oldHashes[i], oldValues[i]);
  }

  private static int hash(String text, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) h = 31 * h + text.charAt(i);
    return h ^ (h >>> 16);
  }
}
