package dev.casebook.config;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.Suggestions;
import dev.casebook.yaml.YamlFields;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code coach:} section of casebook.yml:
 * <pre>
 * coach:
 *   vale: styles/Acme          # a folder of Vale rules
 *   rules:
 *     hindsight: off           # on, off, or a mapping of settings
 *     long-sentences: {max_words: 40, strict: true}
 * </pre>
 * or {@code coach: off}.
 */
final class CoachSettingsReader {
  private static final List<String> KEYS = List.of("rules", "vale");

  private final Diagnostics diagnostics;
  private final YamlFields fields;

  CoachSettingsReader(Diagnostics diagnostics, YamlFields fields) {
    this.diagnostics = diagnostics;
    this.fields = fields;
  }

  CoachSettings read(YamlMap.Entry entry) {
    YamlNode value = entry.value();
    if (value instanceof YamlScalar s) {
      Optional<Boolean> on = onOff(s);
      if (on.isPresent()) return new CoachSettings(on.get(), Map.of(), "", CoachSettings.DEFAULT.valePosition());
      diagnostics.error(value.position(), "'coach' must be on, off or a mapping of settings, not " + value.describe(),
          "for example coach: {rules: {hindsight: off}}");
      return CoachSettings.DEFAULT;
    }
    if (!(value instanceof YamlMap map)) {
      diagnostics.error(value.position(), "'coach' must be on, off or a mapping of settings, not " + value.describe());
      return CoachSettings.DEFAULT;
    }
    unknown(map, KEYS, "coach setting");
    Map<String, CoachSettings.Rule> rules = new HashMap<>();
    Optional<YamlMap.Entry> rulesEntry = map.entry("rules");
    if (rulesEntry.isPresent()) {
      if (rulesEntry.get().value() instanceof YamlMap ruleMap) {
        unknown(ruleMap, List.copyOf(new java.util.TreeSet<>(CoachSettings.RULES.keySet())), "coach rule");
        for (YamlMap.Entry e : ruleMap.entries()) {
          Map<String, CoachSettings.OptionKind> options = CoachSettings.RULES.get(e.key());
          if (options != null) rules.put(e.key(), rule(e, options));
        }
      } else if (!(rulesEntry.get().value() instanceof YamlScalar s && s.isNull())) {
        diagnostics.error(rulesEntry.get().value().position(), "'rules' must be a mapping of rule names to on, off or settings, not "
            + rulesEntry.get().value().describe());
      }
    }
    String vale = "";
    Optional<YamlMap.Entry> valeEntry = map.entry("vale");
    if (valeEntry.isPresent()) {
      vale = fields.string(valeEntry.get()).filter(f -> {
        Path p = Path.of(f).normalize();
        if (!p.isAbsolute() && !p.startsWith("..") && !p.toString().isEmpty()) return true;
        diagnostics.error(valeEntry.get().value().position(), "folder '" + f + "' must be inside the library");
        return false;
      }).map(f -> Path.of(f).normalize().toString().replace('\\', '/')).orElse("");
    }
    return new CoachSettings(true, rules, vale,
        valeEntry.map(e -> e.value().position()).orElse(CoachSettings.DEFAULT.valePosition()));
  }

  private CoachSettings.Rule rule(YamlMap.Entry entry, Map<String, CoachSettings.OptionKind> options) {
    if (entry.value() instanceof YamlScalar s) {
      Optional<Boolean> on = onOff(s);
      if (on.isEmpty()) {
        diagnostics.error(s.position(), "coach rule '" + entry.key() + "' must be on, off or a mapping of settings, not '"
            + s.text().strip() + "'");
      }
      return new CoachSettings.Rule(on.orElse(true), false, Map.of(), Map.of());
    }
    if (!(entry.value() instanceof YamlMap map)) {
      diagnostics.error(entry.value().position(), "coach rule '" + entry.key() + "' must be on, off or a mapping of settings, not "
          + entry.value().describe());
      return CoachSettings.Rule.DEFAULT;
    }
    List<String> known = new java.util.ArrayList<>(new java.util.TreeSet<>(options.keySet()));
    known.add("on");
    known.add("strict");
    unknown(map, known, "setting of coach rule '" + entry.key() + "'");
    boolean on = map.entry("on").flatMap(fields::bool).orElse(true);
    boolean strict = map.entry("strict").flatMap(fields::bool).orElse(false);
    Map<String, Integer> numbers = new HashMap<>();
    Map<String, List<String>> lists = new HashMap<>();
    for (YamlMap.Entry e : map.entries()) {
      CoachSettings.OptionKind kind = options.get(e.key());
      if (kind == CoachSettings.OptionKind.LIST) {
        lists.put(e.key(), fields.stringList(e));
      } else if (kind == CoachSettings.OptionKind.NUMBER) {
        fields.string(e).ifPresent(text -> {
          try {
            int n = Integer.parseInt(text);
            if (n > 0) {
              numbers.put(e.key(), n);
              return;
            }
          } catch (NumberFormatException ignored) {
            // reported below
          }
          diagnostics.error(e.value().position(), "'" + e.key() + "' must be a whole number above 0, not '" + text + "'");
        });
      }
    }
    return new CoachSettings.Rule(on, strict, numbers, lists);
  }

  private static Optional<Boolean> onOff(YamlScalar s) {
    return switch (s.text().strip()) {
      case "on", "true" -> Optional.of(true);
      case "off", "false" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private void unknown(YamlMap map, List<String> known, String what) {
    for (YamlMap.Entry e : map.entries()) {
      if (!known.contains(e.key())) {
        diagnostics.error(e.keyPosition(), "unknown " + what + " '" + e.key() + "'",
            Optional.ofNullable(Suggestions.didYouMean(e.key(), known)).orElse("known: " + String.join(", ", known)));
      }
    }
  }
}
