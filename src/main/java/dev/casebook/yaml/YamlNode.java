package dev.casebook.yaml;

import dev.casebook.diag.SourcePosition;

/** A YAML value with the position it was written at: a scalar, a list or a mapping. */
public sealed interface YamlNode permits YamlScalar, YamlList, YamlMap {

  SourcePosition position();

  /** A word for error messages: "a string", "a list", "a mapping", ... */
  String describe();

  /** The plain Java value: String, Long, Double, Boolean, null, List or Map. */
  Object toJava();
}
