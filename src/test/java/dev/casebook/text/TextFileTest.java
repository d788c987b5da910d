package dev.casebook.text;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextFileTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final Diagnostics diagnostics = new Diagnostics();

  private Optional<String> decode(byte[] bytes) {
    return TextFile.decode("f.md", bytes, diagnostics);
  }

  private List<String> reported() {
    return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
  }

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String s) out.writeBytes(s.getBytes(UTF_8));
      else if (part instanceof byte[] b) out.writeBytes(b);
      else out.write((Integer) part);
    }
    return out.toByteArray();
  }

  @Test
  void decodesUtf8AsWritten() {
    String text = "---\ntitle: Z\u00fcrich \u2013 \u6771\u4eac \uD83D\uDD25\n---\n";

    assertEquals(Optional.of(text), decode(text.getBytes(UTF_8)));
    assertEquals(List.of(), reported());
  }

  @Test
  void dropsAUtf8ByteOrderMark() {
    assertEquals(Optional.of("---\nid: x\n"), decode(bytes(BOM, "---\nid: x\n")));
    assertEquals(List.of(), reported());
  }

  @Test
  void readsAByteOrderMarkAloneAsAnEmptyFile() {
    assertEquals(Optional.of(""), decode(BOM));
    assertEquals(List.of(), reported());
  }

  @Test
  void reportsLatin1TextAtTheFirstInvalidByte() {
    assertEquals(Optional.empty(), decode(bytes("---\ntitle: Caf", 0xE9, "\n")));
    assertEquals(List.of("f.md:2:11: error: file is not valid UTF-8 (byte 0xE9) (save it as UTF-8)"), reported());
  }

  @Test
  void countsTheColumnInCharactersNotBytes() {
    // "naïve " is six characters but seven bytes; the Windows-1252 quote after it is column 7.
    assertEquals(Optional.empty(), decode(bytes("line one\nna\u00efve ", 0x92, "quote", 0x92, "\n")));
    assertEquals(List.of("f.md:2:7: error: file is not valid UTF-8 (byte 0x92) (save it as UTF-8)"), reported());
  }

  @Test
  void countsLinesFromAfterTheByteOrderMark() {
    assertEquals(Optional.empty(), decode(bytes(BOM, "a\n", 0xFF)));
    assertEquals(List.of("f.md:2:1: error: file is not valid UTF-8 (byte 0xFF) (save it as UTF-8)"), reported());
  }

  @Test
  void reportsASequenceCutOffAtTheEndOfTheFile() {
    assertEquals(Optional.empty(), decode(bytes("price: 5", 0xE2, 0x82)));
    assertEquals(List.of("f.md:1:9: error: file is not valid UTF-8 (byte 0xE2) (save it as UTF-8)"), reported());
  }

  @Test
  void rejectsOverlongAndSurrogateEncodings() {
    assertEquals(Optional.empty(), TextFile.decode("overlong.md", bytes("a", 0xC0, 0xAF), diagnostics));
    assertEquals(Optional.empty(), TextFile.decode("surrogate.md", bytes(0xED, 0xA0, 0x80), diagnostics));
    assertEquals(List.of(
        "overlong.md:1:2: error: file is not valid UTF-8 (byte 0xC0) (save it as UTF-8)",
        "surrogate.md:1:1: error: file is not valid UTF-8 (byte 0xED) (save it as UTF-8)"), reported());
  }

  @Test
  void reportsUtf16AsNotUtf8() {
    assertEquals(Optional.empty(), decode(bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, "---\n".getBytes(UTF_16LE))));
    assertEquals(List.of("f.md:1:1: error: file is not valid UTF-8 (byte 0xFF) (save it as UTF-8)"), reported());
  }

  @Test
  void reportsANulByteWithItsLineAndCharacterColumn() {
    // b, é and the emoji are three characters (four UTF-16 chars): the NUL is in column 4.
    assertEquals(Optional.empty(), decode(bytes("a\nb\u00e9\uD83D\uDD25", 0, "c\n")));
    assertEquals(List.of("f.md:2:4: error: file contains a NUL byte (is it a binary file?)"), reported());
  }

  @Test
  void rejectsAFileOverTheSizeLimit() {
    byte[] big = new byte[TextFile.MAX_BYTES + 1];
    Arrays.fill(big, (byte) 'a');

    assertEquals(Optional.empty(), decode(big));
    assertEquals(List.of("f.md: error: file is too large (2097153 bytes; the limit is 2097152)"), reported());
  }

  @Test
  void acceptsAFileOfExactlyTheSizeLimit() {
    byte[] limit = new byte[TextFile.MAX_BYTES];
    Arrays.fill(limit, (byte) 'a');

    assertEquals(TextFile.MAX_BYTES, decode(limit).orElseThrow().length());
    assertEquals(List.of(), reported());
  }

  @Test
  void keepsAGenuineReplacementCharacter() {
    assertEquals(Optional.of("a \uFFFD b"), decode("a \uFFFD b".getBytes(UTF_8)));
    assertEquals(List.of(), reported());
  }

  @Test
  void decodesRandomBytesAsTheStrictDecoderDoes() {
    Object[] pieces = {"a", "\n", "caf\u00e9", "\u2013", "\uD83D\uDD25", "\uFFFD", "\u0000", 0xE9, 0x80, 0xC0, 0xED, 0xF4, 0xFF,
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF}, BOM};
    java.util.Random random = new java.util.Random(13);
    for (int n = 0; n < 5_000; n++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int i = random.nextInt(8); i > 0; i--) out.writeBytes(bytes(pieces[random.nextInt(pieces.length)]));
      byte[] input = out.toByteArray();
      Diagnostics strict = new Diagnostics();
      Optional<String> expected = decodedStrictly(input, strict);
      Diagnostics actual = new Diagnostics();
      assertEquals(expected, TextFile.decode("f.md", input, actual), Arrays.toString(input));
      assertEquals(strict.sorted().toString(), actual.sorted().toString(), Arrays.toString(input));
    }
  }

  /** Decoding with a reporting decoder alone, then looking for NUL: what a valid file must give. */
  private static Optional<String> decodedStrictly(byte[] bytes, Diagnostics diagnostics) {
    int start = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2] ? 3 : 0;
    try {
      String text = UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
      if (text.indexOf('\0') >= 0) return TextFile.decode("f.md", bytes, diagnostics);
      return Optional.of(text);
    } catch (java.nio.charset.CharacterCodingException e) {
      // Invalid: the report itself is checked by the other tests; here only that both agree.
      TextFile.decode("f.md", bytes, diagnostics);
      return Optional.empty();
    }
  }
}
