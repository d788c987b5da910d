package dev.casebook.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A controlled vocabulary: the allowed values of one front matter key, each with an optional
 * description. An open vocabulary allows any value.
 */
public record Vocabulary(String name, Map<String, String> terms) {

  public Vocabulary {
    terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
  }

  public static Vocabulary open(String name) {
    return new Vocabulary(name, Map.of());
  }

  public boolean isOpen() {
    return terms.isEmpty();
  }

  public boolean allows(String value) {
    return isOpen() || terms.containsKey(value);
  }

  /** The listed spelling of a value that differs only in case, if any. */
  public Optional<String> caseVariant(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return terms.keySet().stream().filter(t -> t.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
  }

  public String description(String term) {
    return terms.getOrDefault(term, "");
  }
}
