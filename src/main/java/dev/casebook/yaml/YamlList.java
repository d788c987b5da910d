package dev.casebook.yaml;

import dev.casebook.diag.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/** A YAML sequence. */
public record YamlList(List<YamlNode> items, SourcePosition position) implements YamlNode {

  public YamlList {
    items = List.copyOf(items);
  }

  @Override
  public String describe() {
    return "a list";
  }

  @Override
  public Object toJava() {
    List<Object> out = new ArrayList<>(items.size());
    for (YamlNode item : items) out.add(item.toJava());
    return java.util.Collections.unmodifiableList(out);
  }
}
