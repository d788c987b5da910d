package dev.casebook.text;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Decodes a library text file strictly: UTF-8 only (a BOM is fine), no NUL bytes, bounded size. */
public final class TextFile {
  /** The largest text file a library may hold. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  private TextFile() {}

  public static Optional<String> decode(String file, byte[] bytes, Diagnostics diagnostics) {
    if (bytes.length > MAX_BYTES) {
      diagnostics.error(SourcePosition.of(file),
          "file is too large (" + bytes.length + " bytes; the limit is " + MAX_BYTES + ")");
      return Optional.empty();
    }
    int start = hasBom(bytes) ? 3 : 0;
    String text = lenient(bytes, start);
    if (text == null) {
      Optional<String> strict = strict(file, bytes, start, diagnostics);
      if (strict.isEmpty()) return strict;
      text = strict.get();
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      diagnostics.error(positionOfChar(file, text, nul), "file contains a NUL byte", "is it a binary file?");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /**
   * The text when {@code bytes} are valid UTF-8 without U+FFFD, decoded the fast way (which would
   * put U+FFFD in place of anything invalid); null when the strict decoder has to decide.
   */
  private static String lenient(byte[] bytes, int start) {
    String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    return text.indexOf('\uFFFD') < 0 ? text : null;
  }

  /** Decodes with a decoder that reports the first invalid byte. */
  private static Optional<String> strict(String file, byte[] bytes, int start, Diagnostics diagnostics) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      text = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    } catch (CharacterCodingException e) {
      int offset = firstInvalidOffset(bytes, start);
      diagnostics.error(positionOfByte(file, bytes, start, offset),
          "file is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[offset] & 0xff) + ")",
          "save it as UTF-8");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  private static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
  }

  private static int firstInvalidOffset(byte[] bytes, int start) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return Math.min(in.position(), bytes.length - 1);
  }

  private static SourcePosition positionOfByte(String file, byte[] bytes, int start, int offset) {
    int line = 1;
    int lineStart = start;
    for (int i = start; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = 1;
    for (int i = lineStart; i < offset; i++) {
      if ((bytes[i] & 0xC0) != 0x80) column++; // count characters, not UTF-8 continuation bytes
    }
    return new SourcePosition(file, line, column);
  }

  private static SourcePosition positionOfChar(String file, String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new SourcePosition(file, line, text.codePointCount(lineStart, index) + 1);
  }
}
