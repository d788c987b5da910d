package dev.casebook.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The text of a library as the edit sequence sees it: write-ups by id, their front matter fields
 * and flow lists, and the files that may cite them. Plain string work, so that an edit changes
 * exactly the lines a person would.
 */
final class LibraryText {
  static final Pattern ID = Pattern.compile("INC-\\d{4}-\\d{3}");

  private LibraryText() {}

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Regular files under {@code folder} (none when it does not exist), in path order. */
  static List<Path> files(Path folder) {
    if (!Files.isDirectory(folder)) return List.of();
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The write-ups under {@code folder} by id (files named {@code <id>-<slug>.md}). */
  static TreeMap<String, Path> writeUps(Path folder) {
    TreeMap<String, Path> out = new TreeMap<>();
    for (Path p : files(folder)) {
      String name = p.getFileName().toString();
      if (!name.endsWith(".md") || name.equals("README.md")) continue;
      field(read(p), "id").ifPresent(id -> out.put(id, p));
    }
    return out;
  }

  /** The value of a front matter field written on one line, unquoted. */
  static Optional<String> field(String text, String key) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + ": (.*)$").matcher(frontMatter(text));
    if (!m.find()) return Optional.empty();
    String v = m.group(1).trim();
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
    return Optional.of(v);
  }

  /**
   * The text with a front matter field set: its line (and the indented lines of a block value)
   * replaced, or added before the closing line.
   */
  static String setField(String text, String key, String value) {
    String fm = frontMatter(text);
    String line = key + ": " + value;
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + ": .*$(\\n[ \\t]+\\S.*$)*").matcher(fm);
    String changed = m.find() ? fm.substring(0, m.start()) + line + fm.substring(m.end()) : fm + line + "\n";
    return changed + text.substring(fm.length());
  }

  /** A flow list field ({@code tags: [a, b]}); empty when absent. */
  static List<String> list(String text, String key) {
    String v = field(text, key).orElse("[]");
    if (!v.startsWith("[") || !v.endsWith("]")) throw new IllegalStateException(key + " is not a flow list: " + v);
    String inner = v.substring(1, v.length() - 1).trim();
    if (inner.isEmpty()) return new ArrayList<>();
    return new ArrayList<>(Arrays.stream(inner.split(",")).map(String::trim).toList());
  }

  static String setList(String text, String key, List<String> values) {
    return setField(text, key, "[" + String.join(", ", values) + "]");
  }

  /** The front matter with its opening line, up to and excluding its closing {@code ---} line. */
  static String frontMatter(String text) {
    if (!text.startsWith("---\n")) return "";
    int end = text.indexOf("\n---\n", 3);
    return end < 0 ? "" : text.substring(0, end + 1);
  }

  private static final Pattern LINK = Pattern.compile("(!?\\[[^\\]]*\\]\\()([^)\\s#:]+)(#[^)\\s]*)?\\)");

  /**
   * The text of a Markdown file that moved from {@code oldFolder} to {@code newFolder}, with every
   * relative link to a file that exists, or that {@code moved} maps to where it went, written
   * from the new folder.
   */
  static String relink(String text, Path oldFolder, Path newFolder, java.util.function.UnaryOperator<Path> moved) {
    return LINK.matcher(text).replaceAll(m -> {
      if (m.group(2).startsWith("/")) return Matcher.quoteReplacement(m.group());
      Path target = oldFolder.resolve(m.group(2)).normalize();
      Path to = moved.apply(target);
      if (to == null && (!Files.exists(target) || oldFolder.equals(newFolder))) return Matcher.quoteReplacement(m.group());
      String fragment = m.group(3) == null ? "" : m.group(3);
      return Matcher.quoteReplacement(m.group(1) + relativeLink(newFolder, to != null ? to : target) + fragment + ")");
    });
  }

  /** The text without the links whose destination {@code gone} accepts: a link leaves its text, an image goes. */
  static String unlink(String text, java.util.function.Predicate<String> gone) {
    return LINK.matcher(text).replaceAll(m -> !gone.test(m.group(2)) ? Matcher.quoteReplacement(m.group())
        : m.group(1).startsWith("!") ? "" : Matcher.quoteReplacement(m.group(1).substring(1, m.group(1).length() - 2)));
  }

  /** The path of {@code to} as a link from a file in {@code fromFolder} writes it. */
  static String relativeLink(Path fromFolder, Path to) {
    return fromFolder.relativize(to).toString().replace('\\', '/');
  }
}
