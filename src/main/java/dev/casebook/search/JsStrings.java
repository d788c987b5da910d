package dev.casebook.search;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Strings as JavaScript sees them: {@link #valueOf} converts a document value the way {@code
 * String(value)} does, and {@link #forJson} gives a string Jackson writes exactly as {@code
 * JSON.stringify} does.
 *
 * <p>Jackson's defaults already agree with {@code JSON.stringify} for almost every string. They
 * differ on control characters (Jackson writes {@code \u001F}, JavaScript {@code \u001f}) and on
 * surrogates (Jackson escapes every surrogate, JavaScript writes pairs as UTF-8 and escapes only
 * lone ones). Strings containing either are pre-escaped here.
 */
final class JsStrings {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsStrings() {}

  /** {@code String(value)} in JavaScript, with {@code null} as the empty string (lunr's asString). */
  static String valueOf(Object value) {
    if (value == null) return "";
    if (value instanceof String s) return s;
    if (value instanceof Double || value instanceof Float) return JsNumbers.toString(((Number) value).doubleValue());
    if (value instanceof Number n) return n.toString();
    if (value instanceof Collection<?> c) return joined(c);
    if (value instanceof Map<?, ?>) return "[object Object]";
    return value.toString();
  }

  private static String joined(Collection<?> values) {
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (Object element : values) {
      if (!first) out.append(',');
      first = false;
      out.append(valueOf(element));
    }
    return out.toString();
  }

  /** Whether Jackson's default string escaping would differ from {@code JSON.stringify} for {@code s}. */
  static boolean needsOwnEscaping(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || Character.isSurrogate(c)) return true;
    }
    return false;
  }

  /** {@code s} ready for a Jackson generator, pre-escaped when Jackson would spell it differently. */
  static SerializableString forJson(String s) {
    return needsOwnEscaping(s) ? new Escaped(s) : new SerializedString(s);
  }

  /** The inside of {@code JSON.stringify(s)}: the escaped characters without the quotes. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
          if (pair) {
            out.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c)) {
            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A string whose escaped form is computed here rather than by Jackson. */
  private static final class Escaped implements SerializableString {
    private final String value;
    private final char[] chars;
    private final byte[] utf8;
    private final byte[] rawUtf8;

    Escaped(String value) {
      this.value = value;
      String escaped = escape(value);
      this.chars = escaped.toCharArray();
      this.utf8 = escaped.getBytes(StandardCharsets.UTF_8);
      this.rawUtf8 = value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String getValue() {
      return value;
    }

    @Override
    public int charLength() {
      return value.length();
    }

    @Override
    public char[] asQuotedChars() {
      return chars.clone();
    }

    @Override
    public byte[] asUnquotedUTF8() {
      return rawUtf8.clone();
    }

    @Override
    public byte[] asQuotedUTF8() {
      return utf8.clone();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
      return copy(utf8, buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
      if (offset + chars.length > buffer.length) return -1;
      System.arraycopy(chars, 0, buffer, offset, chars.length);
      return chars.length;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
      return copy(rawUtf8, buffer, offset);
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
      if (offset + value.length() > buffer.length) return -1;
      value.getChars(0, value.length(), buffer, offset);
      return value.length();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
      out.write(utf8);
      return utf8.length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
      out.write(rawUtf8);
      return rawUtf8.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
      return put(utf8, buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
      return put(rawUtf8, buffer);
    }

    private static int copy(byte[] bytes, byte[] buffer, int offset) {
      if (offset + bytes.length > buffer.length) return -1;
      System.arraycopy(bytes, 0, buffer, offset, bytes.length);
      return bytes.length;
    }

    private static int put(byte[] bytes, ByteBuffer buffer) {
      if (bytes.length > buffer.remaining()) return -1;
      buffer.put(bytes);
      return bytes.length;
    }

    @Override
    public String toString() {
      return value;
    }
  }
}
