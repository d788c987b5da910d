package dev.casebook.yaml;

import dev.casebook.diag.SourcePosition;

/**
 * A scalar as written, with the type YAML resolves it to. Casebook reads typed fields
 * (dates, timestamps, lists of names) from {@link #text()} itself, so YAML 1.1 surprises such
 * as {@code no} becoming {@code false} never reach a page.
 */
public record YamlScalar(String text, Type type, SourcePosition position) implements YamlNode {

  public enum Type {
    STRING("a string"),
    INTEGER("a number"),
    FLOAT("a number"),
    BOOLEAN("a boolean"),
    NULL("empty"),
    TIMESTAMP("a timestamp");

    private final String description;

    Type(String description) {
      this.description = description;
    }
  }

  public boolean isNull() {
    return type == Type.NULL;
  }

  @Override
  public String describe() {
    return type.description;
  }

  @Override
  public Object toJava() {
    return switch (type) {
      case NULL -> null;
      case BOOLEAN -> Boolean.valueOf(YamlReader.isTrue(text));
      case INTEGER -> parseInteger();
      case FLOAT -> parseFloat();
      default -> text;
    };
  }

  private Object parseInteger() {
    try {
      return Long.valueOf(text.replace("_", ""));
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private Object parseFloat() {
    try {
      return Double.valueOf(text.replace("_", ""));
    } catch (NumberFormatException e) {
      return text;
    }
  }
}
