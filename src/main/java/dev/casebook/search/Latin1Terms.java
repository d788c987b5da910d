package dev.casebook.search;

/**
 * What each distinct raw token became after the pipeline, for tokens of Latin-1 text: looked up by a
 * slice of the lower-cased text's bytes, with the hash computed while the token was read, so that
 * known tokens (nearly all of them) cost no string at all. An open-addressing hash table.
 */
final class Latin1Terms {
  private byte[][] keys = new byte[1024][];
  private Object[] values = new Object[1024];
  private int[] hashes = new int[1024];
  private int size;

  /** The value stored for {@code text[start, end)} whose {@link #hash} is {@code hash}, or null. */
  Object get(byte[] text, int start, int end, int hash) {
    int mask = keys.length - 1;
    int length = end - start;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      byte[] key = keys[i];
      if (key == null) return null;
      if (hashes[i] == hash && key.length == length && same(key, text, start)) return values[i];
    }
  }

  private static boolean same(byte[] key, byte[] text, int start) {
    for (int k = 0; k < key.length; k++) if (key[k] != text[start + k]) return false;
    return true;
  }

  /** Stores {@code value} for {@code text[start, end)}, which is not in the table yet. */
  void put(byte[] text, int start, int end, int hash, Object value) {
    if (2 * (size + 1) > keys.length) grow();
    insert(java.util.Arrays.copyOfRange(text, start, end), hash, value);
    size++;
  }

  private void insert(byte[] key, int hash, Object value) {
    int mask = keys.length - 1;
    int i = hash & mask;
    while (keys[i] != null) i = (i + 1) & mask;
    keys[i] = key;
    hashes[i] = hash;
    values[i] = value;
  }

  private void grow() {
    byte[][] oldKeys = keys;
    Object[] oldValues = values;
    int[] oldHashes = hashes;
    keys = new byte[oldKeys.length * 2][];
    values = new Object[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != null) insert(oldKeys[i], oldHashes[i], oldValues[i]);
  }

  /** The table's hash of a token whose characters' running {@code 31 * h + c} is {@code h}. */
  static int hash(int h) {
    return h ^ (h >>> 16);
  }
}
