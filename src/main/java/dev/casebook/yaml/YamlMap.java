package dev.casebook.yaml;

import dev.casebook.diag.SourcePosition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping with string keys, in the order written. Duplicate keys never get this far. */
public record YamlMap(List<Entry> entries, SourcePosition position) implements YamlNode {

  /** One {@code key: value} pair; {@code keyPosition} is the key's own line and column. */
  public record Entry(String key, SourcePosition keyPosition, YamlNode value) {}

  public YamlMap {
    entries = List.copyOf(entries);
  }

  public Optional<Entry> entry(String key) {
    for (Entry e : entries) if (e.key().equals(key)) return Optional.of(e);
    return Optional.empty();
  }

  public Optional<YamlNode> get(String key) {
    return entry(key).map(Entry::value);
  }

  @Override
  public String describe() {
    return "a mapping";
  }

  @Override
  public Object toJava() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Entry e : entries) out.put(e.key(), e.value().toJava());
    return Collections.unmodifiableMap(out);
  }
}
