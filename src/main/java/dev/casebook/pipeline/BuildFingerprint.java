package dev.casebook.pipeline;

import dev.casebook.memo.ValueDigest;
import dev.casebook.render.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.Stream;

/**
 * What every output of a build depends on besides its own key: the Casebook build that renders
 * it (its jar, or its classes) and the library's theme overrides. The build cache keeps nothing
 * across a change of either.
 */
final class BuildFingerprint {
  private static volatile String code;

  private BuildFingerprint() {}

  /** The fingerprint of this Casebook with {@code theme}, in hexadecimal. */
  static String of(Theme theme) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(code().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      // The default theme is in the jar; where it is a folder (a development build), its files count.
      if (Files.isDirectory(theme.builtInRoot())) digestTree(theme.builtInRoot(), md);
      md.update((byte) 1);
      if (theme.overrideRoot().isPresent()) digestTree(theme.overrideRoot().get(), md);
      return ValueDigest.hex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The digest of the jar or classes folder this class was loaded from; once per process. */
  private static String code() throws IOException, NoSuchAlgorithmException {
    String known = code;
    if (known != null) return known;
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update(SiteBuild.GENERATOR.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try {
      Path location = Path.of(BuildFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(location)) {
        // A jar: its central directory lists every entry with its CRC-32 and sizes, which is enough
        // to tell one build from another without reading the whole file.
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(location.toFile())) {
          jar.stream().sorted(java.util.Comparator.comparing(java.util.zip.ZipEntry::getName)).forEach(e -> {
            md.update(e.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update(java.nio.ByteBuffer.allocate(24).putLong(e.getCrc()).putLong(e.getSize()).putLong(e.getCompressedSize()).array());
          });
        }
      } else {
        digestTree(location, md);
      }
    } catch (java.net.URISyntaxException | RuntimeException e) {
      md.update((byte) 0); // unknown location: the version alone
    }
    code = ValueDigest.hex(md.digest());
    return code;
  }

  /** Every regular file under {@code root} (or {@code root} itself), by relative path and content. */
  private static void digestTree(Path root, MessageDigest md) throws IOException {
    if (!Files.exists(root)) return;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    byte[] buffer = new byte[1 << 16];
    for (Path file : files) {
      md.update(root.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update((byte) 0);
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
        while (in.read(buffer) >= 0) {
          // the stream feeds the digest
        }
      }
      md.update((byte) 0);
    }
  }
}
