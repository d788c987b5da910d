package dev.casebook.load;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlReader;
import java.util.Optional;

/** Splits a write-up into YAML front matter between {@code ---} lines and the Markdown body. */
public final class FrontMatterSplitter {
  private FrontMatterSplitter() {}

  public static Optional<SourceDocument> split(String path, String text, Diagnostics diagnostics) {
    int firstEnd = lineEnd(text, 0);
    if (!isFence(text, 0, firstEnd, false)) {
      diagnostics.error(SourcePosition.at(path, 1),
          "missing front matter", "a write-up starts with a '---' line, then YAML with at least id, title and date");
      return Optional.empty();
    }
    int yamlStart = next(text, firstEnd);
    int line = 2;
    int pos = yamlStart;
    while (pos < text.length()) {
      int end = lineEnd(text, pos);
      if (isFence(text, pos, end, true)) {
        String yaml = text.substring(yamlStart, pos);
        String body = text.substring(Math.min(next(text, end), text.length()));
        int bodyLine = line + 1;
        return parse(path, yaml, diagnostics).map(fm -> new SourceDocument(path, fm, body, bodyLine));
      }
      pos = next(text, end);
      line++;
    }
    diagnostics.error(SourcePosition.at(path, 1),
        "unterminated front matter", "close it with a '---' line before the body");
    return Optional.empty();
  }

  private static Optional<YamlMap> parse(String path, String yaml, Diagnostics diagnostics) {
    Diagnostics yamlProblems = new Diagnostics();
    Optional<YamlNode> root = YamlReader.read(yaml, path, 1, yamlProblems);
    diagnostics.addAll(yamlProblems.sorted());
    if (root.isEmpty()) {
      // Empty, or only comments: say so, unless the YAML itself could not be read.
      if (!yamlProblems.hasErrors()) {
        diagnostics.error(SourcePosition.at(path, 2), "front matter is empty", "add at least id, title and date");
      }
      return Optional.empty();
    }
    if (root.get() instanceof YamlMap map) return Optional.of(map);
    diagnostics.error(root.get().position(),
        "front matter must be a mapping of keys to values, not " + root.get().describe());
    return Optional.empty();
  }

  private static boolean isFence(String text, int start, int end, boolean closing) {
    String line = text.substring(start, end).stripTrailing();
    return line.equals("---") || (closing && line.equals("..."));
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    int end = nl < 0 ? text.length() : nl;
    return end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  private static int next(String text, int lineEnd) {
    if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') lineEnd++;
    return lineEnd < text.length() ? lineEnd + 1 : text.length();
  }
}
