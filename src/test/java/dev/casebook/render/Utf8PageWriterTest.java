package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8PageWriterTest {
  /** Writes {@code text} in pieces of random sizes, by each of the writer's methods, as a template would. */
  private static byte[] written(String text, Random random) {
    Utf8PageWriter out = new Utf8PageWriter();
    int at = 0;
    while (at < text.length()) {
      int count = Math.min(text.length() - at, random.nextInt(6) == 0 ? 3000 : random.nextInt(5));
      switch (random.nextInt(4)) {
        case 0 -> out.write(text, at, count);
        case 1 -> out.write(text.toCharArray(), at, count);
        case 2 -> out.append(text.substring(at, at + count));
        default -> {
          count = 1;
          out.write(text.charAt(at));
        }
      }
      at += count;
    }
    byte[] bytes = out.toByteArray();
    out.recycle();
    return bytes;
  }

  @Test
  void writesTheBytesOfGetBytes() {
    for (String text : new String[] {"", "plain ascii", "é ü ß · ← → ↩ 😀", "\uD83D", "\uDE00", "a\uD83Db", "\uDE00\uD83D",
        "x".repeat(5000) + "→" + "😀".repeat(2000)}) {
      assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), written(text, new Random(1)), text);
    }
  }

  @Test
  void randomTextsWriteTheBytesOfGetBytes() {
    char[] pieces = {'a', '<', '"', 'é', '·', '←', '\uD83D', '\uDE00', '\uFFFF', '\u07FF', '\u0800'};
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) text.append(pieces[random.nextInt(pieces.length)]);
      assertArrayEquals(text.toString().getBytes(StandardCharsets.UTF_8), written(text.toString(), random), text.toString());
    }
  }
}
