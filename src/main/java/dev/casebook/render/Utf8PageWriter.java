package dev.casebook.render;

import java.io.Writer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A writer that encodes a page to UTF-8 as the template writes it, into one growing byte array. A
 * page's characters are encoded once, on their way in, rather than kept as UTF-16 characters,
 * made into a String and encoded at the end: pages with arrows (←, →) in them would be held as
 * UTF-16, twice the size of their bytes. The bytes are those of {@code String.getBytes(UTF_8)}
 * for the same text, lone surrogates included (each one becomes {@code ?}). A page is written by
 * one thread.
 */
final class Utf8PageWriter extends Writer {
  /** Each rendering thread keeps its last buffer for the next page, unless it grew very large. */
  private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();
  private static final int KEPT = 1 << 20;
  /** Strings are copied out this many characters at a time to be encoded. */
  private static final int CHUNK = 2048;

  private byte[] bytes;
  private int length;
  private char[] chunk;
  private final char[] one = new char[1];
  /** A high surrogate that ended the last write, waiting for the low one; 0 if none. */
  private char high;

  Utf8PageWriter() {
    byte[] spare = SPARE.get();
    if (spare != null) SPARE.remove();
    bytes = spare != null ? spare : new byte[64 * 1024];
  }

  /** The page's bytes so far. */
  byte[] toByteArray() {
    if (high != 0) {
      high = 0;
      ensure(1);
      bytes[length++] = '?';
    }
    return Arrays.copyOf(bytes, length);
  }

  /** Hands the buffer to the next page of this thread; the writer is not used after. */
  void recycle() {
    if (bytes.length <= KEPT) SPARE.set(bytes);
    bytes = null;
  }

  @Override
  public void write(int c) {
    one[0] = (char) c;
    encode(one, 0, 1);
  }

  @Override
  public void write(char[] buffer, int offset, int count) {
    Objects.checkFromIndexSize(offset, count, buffer.length);
    encode(buffer, offset, offset + count);
  }

  @Override
  public void write(String s, int offset, int count) {
    Objects.checkFromIndexSize(offset, count, s.length());
    if (chunk == null) chunk = new char[CHUNK];
    for (int from = offset, end = offset + count; from < end; from += CHUNK) {
      int to = Math.min(end, from + CHUNK);
      s.getChars(from, to, chunk, 0);
      encode(chunk, 0, to - from);
    }
  }

  @Override
  public void write(String s) {
    write(s, 0, s.length());
  }

  @Override
  public Writer append(CharSequence s) {
    String text = String.valueOf(s);
    write(text, 0, text.length());
    return this;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  private void ensure(int more) {
    if (length + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
  }

  private void encode(char[] chars, int from, int to) {
    ensure(3 * (to - from) + 1); // at most 3 bytes a character, and a '?' for a high surrogate left from before
    byte[] b = bytes;
    int n = length;
    int i = from;
    if (high != 0 && i < to) {
      if (Character.isLowSurrogate(chars[i])) {
        n = pair(b, n, high, chars[i]);
        i++;
      } else {
        b[n++] = '?';
      }
      high = 0;
    }
    for (; i < to; i++) {
      char c = chars[i];
      if (c < 0x80) {
        b[n++] = (byte) c;
      } else if (c < 0x800) {
        b[n++] = (byte) (0xC0 | c >> 6);
        b[n++] = (byte) (0x80 | c & 0x3F);
      } else if (!Character.isSurrogate(c)) {
        b[n++] = (byte) (0xE0 | c >> 12);
        b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
        b[n++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 == to) {
        high = c; // the low surrogate may come with the next write
      } else if (Character.isHighSurrogate(c) && Character.isLowSurrogate(chars[i + 1])) {
        n = pair(b, n, c, chars[++i]);
      } else {
        b[n++] = '?';
      }
    }
    length = n;
  }

  private static int pair(byte[] b, int n, char high, char low) {
    int cp = Character.toCodePoint(high, low);
    b[n++] = (byte) (0xF0 | cp >> 18);
    b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
    b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
    b[n++] = (byte) (0x80 | cp & 0x3F);
    return n;
  }
}
