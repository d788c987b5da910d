package dev.casebook.coach;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.text.TextFile;
import dev.casebook.yaml.YamlList;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlReader;
import dev.casebook.yaml.YamlScalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Reads a folder of Vale rules (a Vale "style": one {@code .yml} file per rule, named
 * {@code Style.File}). The {@code existence} and {@code substitution} extension points are
 * supported; other rule files are reported and skipped.
 */
final class ValeStyle {
  private static final Set<String> SCOPES = Set.of("text", "paragraph", "sentence", "heading", "heading.h1", "heading.h2",
      "heading.h3", "heading.h4", "heading.h5", "heading.h6", "list", "table", "table.cell", "raw");
  /** Keys Vale knows that change nothing here: the rule still works as written. */
  private static final Set<String> KNOWN = Set.of("extends", "message", "level", "ignorecase", "nonword", "tokens", "raw",
      "append", "exceptions", "swap", "scope", "link", "description", "action", "vocab", "capitalize");

  private ValeStyle() {}

  /** The rules in {@code folder} (relative to {@code root}); problems go to {@code diagnostics} at the files' lines. */
  static List<ValeRule> load(Path root, String folder, SourcePosition setting, Diagnostics diagnostics) {
    Path dir = root.resolve(folder).normalize();
    if (!dir.startsWith(root.normalize()) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      diagnostics.error(setting, "no folder '" + folder + "' for the Vale rules", "name a folder of Vale .yml rule files inside the library");
      return List.of();
    }
    String style = dir.getFileName().toString();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".yml") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .sorted().toList();
    } catch (IOException e) {
      diagnostics.error(setting, "cannot read the Vale folder: " + e.getMessage());
      return List.of();
    }
    List<ValeRule> rules = new ArrayList<>();
    for (Path file : files) {
      String relative = root.normalize().relativize(file).toString().replace('\\', '/');
      String name = style + "." + file.getFileName().toString().replaceFirst("\\.yml$", "");
      try {
        TextFile.decode(relative, Files.readAllBytes(file), diagnostics)
            .flatMap(text -> YamlReader.read(text, relative, 0, diagnostics))
            .ifPresent(node -> rule(name, relative, node, diagnostics).ifPresent(rules::add));
      } catch (IOException e) {
        diagnostics.error(SourcePosition.of(relative), "cannot read: " + e.getMessage());
      }
    }
    return List.copyOf(rules);
  }

  /** What the folder's rule files say, to tell when they changed. */
  static List<String> fingerprint(Path root, String folder) {
    List<String> out = new ArrayList<>();
    try (Stream<Path> list = Files.list(root.toAbsolutePath().normalize().resolve(folder).normalize())) {
      for (Path p : list.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList()) {
        out.add(p.getFileName() + "\0" + Files.readString(p, java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      out.add("unreadable");
    }
    return out;
  }

  private static java.util.Optional<ValeRule> rule(String name, String file, YamlNode node, Diagnostics diagnostics) {
    if (!(node instanceof YamlMap map)) {
      diagnostics.error(node.position(), "a Vale rule must be a mapping, not " + node.describe());
      return java.util.Optional.empty();
    }
    for (YamlMap.Entry e : map.entries()) {
      if (!KNOWN.contains(e.key())) diagnostics.warning(e.keyPosition(), "Vale rule key '" + e.key() + "' is not supported; it is ignored");
    }
    String extendsWhat = text(map, "extends");
    if (!extendsWhat.equals("existence") && !extendsWhat.equals("substitution")) {
      diagnostics.warning(map.entry("extends").map(e -> e.value().position()).orElse(map.position()),
          "Vale rule type '" + extendsWhat + "' is not supported (only existence and substitution); " + name + " is skipped");
      return java.util.Optional.empty();
    }
    String message = text(map, "message");
    if (message.isEmpty()) message = name + ": '%s'";
    String level = text(map, "level");
    if (!level.isEmpty() && !Set.of("suggestion", "warning", "error").contains(level)) {
      diagnostics.error(map.entry("level").get().value().position(), "level must be suggestion, warning or error, not '" + level + "'");
    }
    boolean ignoreCase = bool(map, "ignorecase", diagnostics);
    boolean nonword = bool(map, "nonword", diagnostics);
    List<String> scopes = new ArrayList<>();
    for (YamlScalar s : scalars(map, "scope", diagnostics)) {
      String scope = s.text().strip();
      if (SCOPES.contains(scope)) {
        scopes.add(scope);
      } else {
        diagnostics.warning(s.position(), "Vale scope '" + scope + "' is not supported; " + name + " is skipped",
            "supported: " + String.join(", ", new java.util.TreeSet<>(SCOPES)));
        return java.util.Optional.empty();
      }
    }
    if (scopes.isEmpty()) scopes.add("text");
    int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
    String bound = nonword ? "" : "\\b";
    try {
      List<Pattern> exceptions = new ArrayList<>();
      for (YamlScalar s : scalars(map, "exceptions", diagnostics)) exceptions.add(Pattern.compile(s.text(), flags));
      List<ValeRule.Swap> swaps = new ArrayList<>();
      String regex;
      if (extendsWhat.equals("existence")) {
        List<String> tokens = scalars(map, "tokens", diagnostics).stream().map(YamlScalar::text).toList();
        String raw = String.join("", scalars(map, "raw", diagnostics).stream().map(YamlScalar::text).toList());
        String tokenRegex = tokens.isEmpty() ? "" : bound + "(?:" + String.join("|", tokens) + ")" + bound;
        boolean append = bool(map, "append", diagnostics);
        regex = tokens.isEmpty() ? raw : append ? tokenRegex + raw : tokenRegex;
      } else {
        List<String> keys = new ArrayList<>();
        if (map.get("swap").orElse(null) instanceof YamlMap swap) {
          for (YamlMap.Entry e : swap.entries()) {
            String replacement = e.value() instanceof YamlScalar s && !s.isNull() ? s.text() : "";
            swaps.add(new ValeRule.Swap(Pattern.compile(e.key(), flags), replacement));
            keys.add(e.key());
          }
        }
        regex = keys.isEmpty() ? "" : bound + "(?:" + String.join("|", keys) + ")" + bound;
      }
      if (regex.isEmpty()) {
        diagnostics.error(map.position(), "Vale rule " + name + " has nothing to look for",
            extendsWhat.equals("existence") ? "add tokens: or raw:" : "add swap:");
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new ValeRule(name, Pattern.compile(regex, flags), swaps, exceptions, message,
          level.equals("error"), scopes, text(map, "link"), map.position()));
    } catch (PatternSyntaxException e) {
      diagnostics.error(map.position(), "Vale rule " + name + " has a regular expression Casebook cannot read: " + e.getDescription());
      return java.util.Optional.empty();
    }
  }

  private static String text(YamlMap map, String key) {
    return map.get(key).filter(YamlScalar.class::isInstance).map(n -> ((YamlScalar) n).text().strip()).orElse("");
  }

  private static boolean bool(YamlMap map, String key, Diagnostics diagnostics) {
    var entry = map.entry(key);
    if (entry.isEmpty()) return false;
    String t = entry.get().value() instanceof YamlScalar s ? s.text().strip() : "";
    if (!t.equals("true") && !t.equals("false")) diagnostics.error(entry.get().value().position(), "'" + key + "' must be true or false");
    return t.equals("true");
  }

  /** One scalar or a list of them. */
  private static List<YamlScalar> scalars(YamlMap map, String key, Diagnostics diagnostics) {
    YamlNode value = map.get(key).orElse(null);
    if (value == null || value instanceof YamlScalar s && s.isNull()) return List.of();
    if (value instanceof YamlScalar s) return List.of(s);
    List<YamlScalar> out = new ArrayList<>();
    if (value instanceof YamlList list) {
      for (YamlNode item : list.items()) {
        if (item instanceof YamlScalar s) {
          out.add(s);
        } else {
          diagnostics.error(item.position(), "every item of '" + key + "' must be a single value");
        }
      }
    } else {
      diagnostics.error(value.position(), "'" + key + "' must be a list");
    }
    return out;
  }
}
