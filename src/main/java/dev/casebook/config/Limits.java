package dev.casebook.config;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.Suggestions;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How many items each list of a write-up's front matter may have ({@code limits:} in
 * {@code casebook.yml}), so that no write-up makes the build's work or the site grow out of
 * proportion to it. A list over its limit is an error at its key.
 *
 * @param max by front matter key
 */
public record Limits(Map<String, Integer> max) {
  /** The defaults, far above what real write-ups use. */
  public static final Limits DEFAULT = new Limits(defaults());
  /** The highest limit that can be set. */
  public static final int CEILING = 10_000;

  public Limits {
    max = Map.copyOf(max);
  }

  private static Map<String, Integer> defaults() {
    Map<String, Integer> d = new LinkedHashMap<>();
    d.put("tags", 50);
    d.put("services", 30);
    d.put("teams", 30);
    d.put("authors", 50);
    d.put("responders", 100);
    d.put("related", 50);
    d.put("code", 100);
    return d;
  }

  /** The keys that have a limit, in the order the documentation lists them. */
  public static java.util.List<String> keys() {
    return java.util.List.copyOf(defaults().keySet());
  }

  /** The most items the list at front matter key {@code key} may have, or empty when it has no limit. */
  public Optional<Integer> of(String key) {
    return Optional.ofNullable(max.get(key));
  }

  /** The message for a list at {@code key} with {@code size} items, over its limit. */
  public String tooMany(String key, int size) {
    return String.format(Locale.ROOT, "%s has %,d items; at most %,d (limits.%s in %s)", key, size, max.get(key), key,
        SiteConfig.FILE_NAME);
  }

  /** Reads {@code limits: {tags: 50, ...}}; keys not given keep their default. */
  static Limits read(YamlMap.Entry entry, Diagnostics diagnostics) {
    if (entry.value() instanceof YamlScalar s && s.isNull()) return DEFAULT;
    if (!(entry.value() instanceof YamlMap map)) {
      diagnostics.error(entry.value().position(), "'limits' must be a mapping of list to its most items, not "
          + entry.value().describe(), "for example limits: {tags: 50}");
      return DEFAULT;
    }
    Map<String, Integer> out = new LinkedHashMap<>(DEFAULT.max());
    for (YamlMap.Entry e : map.entries()) {
      if (!out.containsKey(e.key())) {
        diagnostics.error(e.keyPosition(), "unknown limit '" + e.key() + "'",
            Optional.ofNullable(Suggestions.didYouMean(e.key(), keys())).orElse("known: " + String.join(", ", keys())));
        continue;
      }
      Integer value = null;
      if (e.value() instanceof YamlScalar s && s.text().strip().matches("[0-9]{1,9}")) value = Integer.parseInt(s.text().strip());
      if (value == null || value < 1 || value > CEILING) {
        diagnostics.error(e.value().position(), String.format(Locale.ROOT, "limits.%s must be a whole number from 1 to %,d, not %s",
            e.key(), CEILING, e.value() instanceof YamlScalar s ? "'" + s.text().strip() + "'" : e.value().describe()));
      } else {
        out.put(e.key(), value);
      }
    }
    return new Limits(out);
  }
}
