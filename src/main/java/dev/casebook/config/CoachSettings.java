package dev.casebook.config;

import dev.casebook.diag.SourcePosition;
import java.util.List;
import java.util.Map;

/**
 * The writing coach's settings ({@code coach:} in casebook.yml). Every rule is on by default.
 *
 * @param enabled false when {@code coach: off}
 * @param rules the settings written for each rule, by rule name; a rule not named has its defaults
 * @param vale the folder of Vale rule files to apply too, relative to the library; empty for none
 * @param valePosition where {@code vale} was written, for its problems
 */
public record CoachSettings(boolean enabled, Map<String, Rule> rules, String vale, SourcePosition valePosition) {
  public static final CoachSettings DEFAULT = new CoachSettings(true, Map.of(), "", SourcePosition.of(SiteConfig.FILE_NAME));

  /** The kind of value an option takes. */
  public enum OptionKind { NUMBER, LIST }

  /** Each rule's name and the options it takes (besides {@code strict}). */
  public static final Map<String, Map<String, OptionKind>> RULES = Map.of(
      "hindsight", Map.of(),
      "blame", Map.of(),
      "root-cause", Map.of(),
      "publish-readiness", Map.of("sections", OptionKind.LIST),
      "acronyms", Map.of("allow", OptionKind.LIST),
      "long-sentences", Map.of("max_words", OptionKind.NUMBER),
      "long-paragraphs", Map.of("max_words", OptionKind.NUMBER),
      "richness", Map.of());

  /**
   * One rule's settings.
   *
   * @param on whether the rule runs
   * @param strict whether, with {@code strict: true}, its hints are errors
   * @param numbers its number options, by name
   * @param lists its list options, by name
   */
  public record Rule(boolean on, boolean strict, Map<String, Integer> numbers, Map<String, List<String>> lists) {
    public static final Rule DEFAULT = new Rule(true, false, Map.of(), Map.of());

    public Rule {
      numbers = Map.copyOf(numbers);
      lists = Map.copyOf(lists);
    }

    public int number(String name, int otherwise) {
      return numbers.getOrDefault(name, otherwise);
    }

    public List<String> list(String name, List<String> otherwise) {
      return lists.getOrDefault(name, otherwise);
    }
  }

  public CoachSettings {
    rules = Map.copyOf(rules);
    vale = vale == null ? "" : vale;
  }

  /** The settings of the rule named {@code name}: its defaults when casebook.yml does not name it. */
  public Rule rule(String name) {
    return enabled ? rules.getOrDefault(name, Rule.DEFAULT) : new Rule(false, false, Map.of(), Map.of());
  }
}
