package dev.casebook.validate;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.casebook.cli.Main;
import dev.casebook.text.TextFile;
import dev.casebook.testing.GitRepo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The fixture libraries under {@code src/test/resources/invalid} and {@code valid}, copied to a
 * temporary folder before use, and a way to run the real command line on them.
 *
 * <p>A few mistakes cannot be stored as text in the repository (bytes that are not UTF-8, NUL
 * bytes, a file over the size limit, a symbolic link); {@link #GENERATED} writes those files
 * into the copy.
 */
public final class LibraryFixtures {
  private LibraryFixtures() {}

  /** The front matter of a write-up that is fine, with the given id and title. */
  public static String validWriteUp(String id, String title) {
    return "---\nid: " + id + "\ntitle: " + title + "\ndate: 2024-03-05\n---\n\nBody.\n";
  }

  @FunctionalInterface
  interface Generator {
    void writeInto(Path library) throws IOException;
  }

  /** Files written into a case's copy, by case name. */
  static final Map<String, Generator> GENERATED = Map.of(
      "not-utf8", library -> {
        write(library, "incidents/INC-2024-001-latin1.md",
            "---\nid: INC-2024-001\ntitle: Caf\u00e9 outage\ndate: 2024-03-05\n---\n\nSaved as Latin-1.\n"
                .getBytes(ISO_8859_1));
        // UTF-8 text with Windows-1252 quotes pasted in: the column counts characters, not bytes.
        write(library, "incidents/INC-2024-002-cp1252-quote.md", concat(
            "---\nid: INC-2024-002\ntitle: Pasted text\ndate: 2024-03-05\n---\n\nA na\u00efve ".getBytes(UTF_8),
            new byte[] {(byte) 0x92}, "fix".getBytes(UTF_8), new byte[] {(byte) 0x92}, ".\n".getBytes(UTF_8)));
        write(library, "incidents/INC-2024-003-utf16.md", concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            validWriteUp("INC-2024-003", "Saved as UTF-16").getBytes(UTF_16LE)));
      },
      "nul-byte", library -> {
        write(library, "incidents/INC-2024-001.md",
            "---\nid: INC-2024-001\ntitle: A NUL byte in the body\ndate: 2024-03-05\n---\n\nBody \0text.\n".getBytes(UTF_8));
        // The emoji is one character (two UTF-16 chars): the NUL after it is in column 14.
        write(library, "incidents/INC-2024-002.md",
            "---\nid: INC-2024-002\ntitle: Fire \uD83D\uDD25\0 drill\ndate: 2024-03-05\n---\n\nBody.\n".getBytes(UTF_8));
      },
      "oversized-file", library -> {
        write(library, "incidents/INC-2024-001-huge.md", sized("INC-2024-001", TextFile.MAX_BYTES + 1));
        write(library, "incidents/INC-2024-002-at-limit.md", sized("INC-2024-002", TextFile.MAX_BYTES));
      },
      "code-checkout", library -> {
        // shop/ is a git repository: src/Pool.java gains three header lines (moving every line
        // down), then its line 15 changes and src/Old.java is deleted.
        String first;
        String pool = GitRepo.lines(20).replace("line 5\n", "// Capped since INC-2024-001; see also INC-2024-099.\n");
        try (GitRepo repo = GitRepo.init(library.resolve("shop"))) {
          first = repo.write("src/Pool.java", pool).write("src/Old.java", GitRepo.lines(5)).commitAll("first");
          repo.write("src/Pool.java", "// header\n// header\n// header\n" + pool).commitAll("header");
          repo.write("src/Pool.java", "// header\n// header\n// header\n" + pool.replace("line 15\n", "line fifteen\n"))
              .delete("src/Old.java").commitAll("change");
        }
        Files.createDirectories(library.resolve("incidents"));
        Files.writeString(library.resolve("incidents/INC-2024-001.md"), String.join("\n",
            "---", "id: INC-2024-001", "title: Pool exhaustion", "date: 2024-03-05", "code:",
            "  - {repo: shop, path: src/Pool.java, lines: 10-12, commit: " + first + "}",
            "  - {repo: shop, path: src/Pool.java, lines: 14-16, commit: " + first + "}",
            "  - {repo: shop, path: src/Old.java, lines: 2, commit: " + first + "}",
            "  - {repo: shop, path: src/Missing.java, lines: 1}",
            "  - {repo: shop, path: src/Pool.java, lines: 20-30, commit: " + first.substring(0, 12) + "}",
            "  - {repo: shop, path: src/Pool.java, lines: 1, commit: deadbeef}",
            "---", "", "Body.", ""));
      },
      "symlink-outside-library", library -> {
        Path outside = library.resolveSibling("outside.md");
        Files.writeString(outside, validWriteUp("INC-2024-002", "Outside the library"));
        Files.createSymbolicLink(library.resolve("incidents/INC-2024-002-leak.md"), outside);
      });

  /** The folder of a fixture on the test class path, such as {@code invalid/mixed} or {@code valid}. */
  public static Path resource(String name) {
    URL url = LibraryFixtures.class.getResource("/" + name);
    if (url == null) throw new IllegalArgumentException("no test resource '" + name + "'");
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The names of the invalid cases, sorted. */
  public static List<String> invalidCases() throws IOException {
    try (Stream<Path> dirs = Files.list(resource("invalid"))) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Copies fixture {@code name} to {@code target} and writes its generated files, if any. */
  public static Path copy(String name, Path target) throws IOException {
    Path from = resource(name);
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path to = target.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    String caseName = name.startsWith("invalid/") ? name.substring("invalid/".length()) : null;
    Generator generator = caseName == null ? null : GENERATED.get(caseName);
    if (generator != null) generator.writeInto(target);
    return target;
  }

  /** What one run of the command line printed and returned. */
  public record Run(int exitCode, String out, String err) {
    public List<String> outLines() {
      return out.lines().toList();
    }
  }

  /** Runs {@code casebook args...} through {@link Main#run}, as the shell would. */
  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
      code = Main.run(args, o, e);
    }
    return new Run(code, out.toString(), err.toString());
  }

  /** Every file and folder under {@code root}, by relative path, with the files' contents. */
  public static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> !p.equals(root)).forEach(p -> {
        String rel = root.relativize(p).toString().replace('\\', '/');
        try {
          out.put(rel, Files.isDirectory(p) ? "<folder>" : Files.readString(p, UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return out;
  }

  private static void write(Path library, String path, byte[] bytes) throws IOException {
    Path file = library.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) out.writeBytes(part);
    return out.toByteArray();
  }

  /** A valid write-up padded with body lines to exactly {@code size} bytes. */
  private static byte[] sized(String id, int size) {
    StringBuilder text = new StringBuilder(validWriteUp(id, "A very long write-up"));
    String line = "All work and no play makes a very long write-up.\n";
    while (text.length() + line.length() <= size) text.append(line);
    text.append("x".repeat(size - text.length()));
    byte[] bytes = text.toString().getBytes(UTF_8);
    if (bytes.length != size) throw new IllegalStateException("sized() made " + bytes.length + " bytes");
    return bytes;
  }
}
