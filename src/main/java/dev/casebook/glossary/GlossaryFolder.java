package dev.casebook.glossary;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.diag.Suggestions;
import dev.casebook.text.TextFile;
import dev.casebook.yaml.YamlFields;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The library's {@code glossary/} folder: one Markdown file a term, its front matter naming it
 * ({@code term}, and maybe {@code aliases} and {@code see}) and its body the definition. Only the
 * folder's own {@code .md} files are read, in the order of their names; symbolic links are not.
 */
final class GlossaryFolder {
  static final String FOLDER = "glossary";
  static final List<String> KEYS = List.of("term", "aliases", "see");

  /** One file's term: its name and where it is written, its definition, and its front matter. */
  record File(String name, SourcePosition namePosition, String definition, YamlMap fields) {}

  private GlossaryFolder() {}

  static List<File> read(Path root, Diagnostics diagnostics) {
    Path folder = root.resolve(FOLDER);
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return List.of();
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .sorted().toList();
    } catch (IOException e) {
      diagnostics.error(SourcePosition.of(FOLDER), "cannot read the glossary folder: " + e.getMessage());
      return List.of();
    }
    List<File> out = new ArrayList<>();
    for (Path p : files) file(FOLDER + "/" + p.getFileName(), p, diagnostics).ifPresent(out::add);
    return out;
  }

  private static Optional<File> file(String path, Path file, Diagnostics diagnostics) {
    Optional<String> text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length > TextFile.MAX_BYTES) {
        diagnostics.error(SourcePosition.of(path), "glossary file is larger than " + TextFile.MAX_BYTES / (1024 * 1024) + " MB");
        return Optional.empty();
      }
      text = TextFile.decode(path, bytes, diagnostics);
    } catch (IOException e) {
      diagnostics.error(SourcePosition.of(path), "cannot read: " + e.getMessage());
      return Optional.empty();
    }
    if (text.isEmpty()) return Optional.empty();
    String[] lines = text.get().split("\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      diagnostics.error(SourcePosition.at(path, 1), "missing front matter",
          "a glossary file starts with a '---' line, then 'term:' and the term, then '---' and its definition");
      return Optional.empty();
    }
    int close = 1;
    while (close < lines.length && !lines[close].strip().equals("---")) close++;
    if (close >= lines.length) {
      diagnostics.error(SourcePosition.at(path, 1), "unterminated front matter", "close it with a '---' line before the definition");
      return Optional.empty();
    }
    String yaml = String.join("\n", java.util.Arrays.asList(lines).subList(1, close));
    String definition = String.join("\n", java.util.Arrays.asList(lines).subList(close + 1, lines.length)).strip();
    Optional<YamlNode> root = YamlReader.read(yaml, path, 1, diagnostics);
    if (root.isEmpty()) {
      diagnostics.error(SourcePosition.at(path, 1), "glossary file has no 'term'");
      return Optional.empty();
    }
    if (!(root.get() instanceof YamlMap map)) {
      diagnostics.error(root.get().position(), "front matter must be a mapping of keys to values, not " + root.get().describe());
      return Optional.empty();
    }
    for (YamlMap.Entry e : map.entries()) {
      if (!KEYS.contains(e.key())) {
        diagnostics.error(e.keyPosition(), "unknown key '" + e.key() + "' in a glossary file",
            Optional.ofNullable(Suggestions.didYouMean(e.key(), KEYS)).orElse("known: " + String.join(", ", KEYS)));
      }
    }
    Optional<YamlMap.Entry> term = map.entry("term");
    Optional<String> name = term.flatMap(new YamlFields(diagnostics)::string);
    if (name.isEmpty()) {
      if (term.isEmpty() || term.get().value() instanceof dev.casebook.yaml.YamlScalar) {
        diagnostics.error(term.map(YamlMap.Entry::keyPosition).orElse(SourcePosition.at(path, 2)), "glossary file has no 'term'");
      }
      return Optional.empty();
    }
    return Optional.of(new File(name.get(), term.get().value().position(), definition, map));
  }
}
