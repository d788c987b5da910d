package dev.casebook.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How the JSON value of a search file is written into its script: as it is, or (the default,
 * casebook.yml's {@code search: compress}) as a JavaScript string holding the base64 of its gzip.
 * A page decodes that with {@code atob} and a {@code DecompressionStream("gzip")}
 * (search-engine.js's {@code decode}); what comes out is the JSON, byte for byte.
 *
 * <p>The gzip is the same for the same JSON: its header has no time and no name (Java's
 * {@link GZIPOutputStream} writes modification time 0 and operating system 0), and the deflate level
 * is fixed at {@value #LEVEL}, so that two builds write the same bytes.
 */
final class SearchPayload {
  /**
   * The deflate level. On the search files of 10,000 generated write-ups, level 5 makes them as small
   * as zlib's default (6), to a thousandth, at about one and a half times its speed; level 4 is
   * faster still but makes them 3 % larger. Level 9 made them 2.5 % smaller than 6 and the first
   * result 4–5 % cheaper over HTTP, but took a third of a small build's time (docs/search-index.md).
   */
  static final int LEVEL = 5;

  /** What writes the JSON value. */
  interface Json {
    void writeTo(OutputStream out) throws IOException;
  }

  private SearchPayload() {}

  /** Writes the value {@code json} writes, compressed or not, between a script's prefix and suffix. */
  static void write(OutputStream out, boolean compress, Json json) throws IOException {
    if (!compress) {
      json.writeTo(out);
      return;
    }
    out.write('"');
    OutputStream base64 = Base64.getEncoder().wrap(new KeptOpen(out));
    try (GZIPOutputStream gzip = new GZIPOutputStream(base64, 1 << 16) {
      {
        def.setLevel(LEVEL);
      }
    }) {
      json.writeTo(gzip);
    }
    out.write('"');
  }

  /** The JSON text of a compressed value: the value as its script's string holds it (without the quotes). */
  static String decode(String base64) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A stream that passes writes on and is not closed with the streams around it. */
  private static final class KeptOpen extends OutputStream {
    private final OutputStream out;

    KeptOpen(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() {}
  }
}
