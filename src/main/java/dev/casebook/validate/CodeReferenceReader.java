package dev.casebook.validate;

import dev.casebook.config.CodeRepository;
import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.Suggestions;
import dev.casebook.model.CodeReference;
import dev.casebook.yaml.YamlFields;
import dev.casebook.yaml.YamlList;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a write-up's {@code code} front matter: a list of {@code {repo, path, lines, commit}}
 * mappings. Whether the file and lines exist is checked later, against the checkout.
 */
final class CodeReferenceReader {
  static final List<String> KEYS = List.of("repo", "path", "lines", "commit");
  private static final Pattern LINES = Pattern.compile("(\\d{1,9})(?:\\s*-\\s*(\\d{1,9}))?");
  private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,40}");

  private final SiteConfig config;
  private final Diagnostics diagnostics;
  private final YamlFields fields;

  CodeReferenceReader(SiteConfig config, Diagnostics diagnostics) {
    this.config = config;
    this.diagnostics = diagnostics;
    this.fields = new YamlFields(diagnostics);
  }

  List<CodeReference> read(YamlMap.Entry entry) {
    if (entry.value() instanceof YamlScalar s && s.isNull()) return List.of();
    if (!(entry.value() instanceof YamlList list)) {
      diagnostics.error(entry.value().position(), "'code' must be a list of references, not " + entry.value().describe(),
          "for example: code: [{repo: shop, path: src/Pool.java, lines: 40-58}]");
      return List.of();
    }
    List<CodeReference> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (item instanceof YamlMap map) {
        reference(map).ifPresent(out::add);
      } else {
        diagnostics.error(item.position(), "every item of 'code' must be a mapping with repo, path and lines, not " + item.describe());
      }
    }
    return out;
  }

  private Optional<CodeReference> reference(YamlMap map) {
    for (YamlMap.Entry e : map.entries()) {
      if (!KEYS.contains(e.key())) {
        diagnostics.error(e.keyPosition(), "unknown key '" + e.key() + "' in a code reference",
            Optional.ofNullable(Suggestions.didYouMean(e.key(), KEYS)).orElse("known: " + String.join(", ", KEYS)));
      }
    }
    Optional<String> repo = required(map, "repo").filter(name -> {
      if (config.codeRepository(name).isPresent()) return true;
      List<String> names = config.code().stream().map(CodeRepository::name).toList();
      String hint = Suggestions.didYouMean(name, names);
      if (hint == null) hint = names.isEmpty() ? "declare it in the 'code' list of casebook.yml" : "declared: " + String.join(", ", names);
      diagnostics.error(map.entry("repo").get().value().position(), "unknown code repository '" + name + "'", hint);
      return false;
    });
    Optional<String> path = required(map, "path").flatMap(p -> path(p, map.entry("path").get()));
    Optional<int[]> lines = required(map, "lines").flatMap(l -> lines(l, map.entry("lines").get()));
    String commit = map.entry("commit").flatMap(e -> fields.string(e).filter(c -> {
      if (COMMIT.matcher(c).matches()) return true;
      diagnostics.error(e.value().position(), "commit '" + c + "' is not a commit id", "write 7 to 40 hexadecimal digits, such as 3f2c1ab");
      return false;
    })).map(c -> c.toLowerCase(java.util.Locale.ROOT)).orElse(null);
    if (repo.isEmpty() || path.isEmpty() || lines.isEmpty()) return Optional.empty();
    if (map.entry("commit").isPresent() && commit == null) return Optional.empty();
    java.util.Map<String, dev.casebook.diag.SourcePosition> at = new java.util.HashMap<>();
    for (YamlMap.Entry e : map.entries()) at.put(e.key(), e.value().position());
    return Optional.of(new CodeReference(repo.get(), path.get(), lines.get()[0], lines.get()[1], commit, at));
  }

  private Optional<String> required(YamlMap map, String key) {
    Optional<YamlMap.Entry> entry = map.entry(key);
    if (entry.isEmpty()) {
      diagnostics.error(map.position(), "code reference is missing '" + key + "'");
      return Optional.empty();
    }
    YamlNode value = entry.get().value();
    // A number (lines: 42) is as good as text.
    if (value instanceof YamlScalar s && !s.isNull() && !s.text().isBlank()) return Optional.of(s.text().strip());
    if (value instanceof YamlScalar) {
      diagnostics.error(entry.get().keyPosition(), "'" + key + "' is empty");
      return Optional.empty();
    }
    return fields.string(entry.get());
  }

  /** A file inside the repository: relative, without {@code ..}. */
  private Optional<String> path(String p, YamlMap.Entry entry) {
    String path = p.replace('\\', '/');
    while (path.startsWith("./")) path = path.substring(2);
    boolean climbs = List.of(path.split("/")).contains("..");
    if (path.startsWith("/") || climbs || path.matches("^[A-Za-z]:.*") || path.isEmpty() || path.endsWith("/")) {
      diagnostics.error(entry.value().position(), "path '" + p + "' must be a file inside the repository",
          "write it relative to the repository root, without '..', such as src/Pool.java");
      return Optional.empty();
    }
    return Optional.of(path.replaceAll("/+", "/"));
  }

  private Optional<int[]> lines(String l, YamlMap.Entry entry) {
    Matcher m = LINES.matcher(l);
    String problem = null;
    if (!m.matches()) {
      problem = "'lines' must be a line (42) or a range (40-58), not '" + l + "'";
    } else {
      int start = Integer.parseInt(m.group(1));
      int end = m.group(2) == null ? start : Integer.parseInt(m.group(2));
      if (start < 1) {
        problem = "lines are numbered from 1, not " + start;
      } else if (end < start) {
        problem = "line range " + l + " ends before it starts";
      } else {
        return Optional.of(new int[] {start, end});
      }
    }
    diagnostics.error(entry.value().position(), problem);
    return Optional.empty();
  }
}
