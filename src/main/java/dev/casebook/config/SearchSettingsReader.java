package dev.casebook.config;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.diag.Suggestions;
import dev.casebook.yaml.YamlFields;
import dev.casebook.yaml.YamlList;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code search:} section of casebook.yml ({@link SearchSettings}). Every mistake is
 * reported at the line of the value it is about, and the group it is in is left out.
 */
final class SearchSettingsReader {
  private static final List<String> KEYS = List.of("synonyms", "default_synonyms", "related", "default_related", "compress");
  private static final String EXAMPLE = "for example: search: {synonyms: [[k8s, kubernetes], [lb, load balancer]]}";

  /** A list of groups as its messages name it: its key, one member, the members of its groups, an example. */
  private record Kind(String key, String member, String members, String example) {}

  private static final Kind SYNONYMS = new Kind("synonyms", "synonym", "synonyms", EXAMPLE);
  private static final Kind RELATED = new Kind("related", "related word", "related words",
      "for example: search: {related: [[expired, expiry, lapsed], [slow, latency]]}");

  private final Diagnostics diagnostics;
  private final YamlFields fields;

  SearchSettingsReader(Diagnostics diagnostics, YamlFields fields) {
    this.diagnostics = diagnostics;
    this.fields = fields;
  }

  SearchSettings read(YamlMap.Entry entry) {
    if (entry.value() instanceof YamlScalar s && s.isNull()) return SearchSettings.DEFAULT;
    if (!(entry.value() instanceof YamlMap map)) {
      diagnostics.error(entry.value().position(), "'search' must be a mapping of settings, not " + entry.value().describe(), EXAMPLE);
      return SearchSettings.DEFAULT;
    }
    for (YamlMap.Entry e : map.entries()) {
      if (!KEYS.contains(e.key())) {
        diagnostics.error(e.keyPosition(), "unknown search setting '" + e.key() + "'",
            Optional.ofNullable(Suggestions.didYouMean(e.key(), KEYS)).orElse("known: " + String.join(", ", KEYS)));
      }
    }
    boolean defaults = map.entry("default_synonyms").flatMap(fields::bool).orElse(true);
    List<List<String>> groups = map.entry("synonyms").map(e -> groups(e, SYNONYMS)).orElse(List.of());
    boolean relatedDefaults = map.entry("default_related").flatMap(fields::bool).orElse(true);
    List<List<String>> related = map.entry("related").map(e -> groups(e, RELATED)).orElse(List.of());
    boolean compress = map.entry("compress").flatMap(fields::bool).orElse(true);
    return new SearchSettings(groups, defaults, related, relatedDefaults, compress);
  }

  private List<List<String>> groups(YamlMap.Entry entry, Kind kind) {
    if (entry.value() instanceof YamlScalar s && s.isNull()) return List.of();
    if (!(entry.value() instanceof YamlList list)) {
      diagnostics.error(entry.value().position(), "'" + kind.key() + "' must be a list of groups of words, not " + entry.value().describe(), kind.example());
      return List.of();
    }
    if (list.items().size() > SearchSettings.MAX_GROUPS) {
      diagnostics.error(list.items().get(SearchSettings.MAX_GROUPS).position(),
          "'" + kind.key() + "' has more than " + SearchSettings.MAX_GROUPS + " groups");
      return List.of();
    }
    // Each member, lower-cased, with where it was first written: a word may be in one group only.
    Map<String, SourcePosition> seen = new HashMap<>();
    List<List<String>> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlList group)) {
        diagnostics.error(item.position(), "every group of '" + kind.key() + "' must be a list of two or more words, not " + item.describe(),
            "for example [cert, certificate]");
        continue;
      }
      group(group, seen, kind).ifPresent(out::add);
    }
    return out;
  }

  private Optional<List<String>> group(YamlList group, Map<String, SourcePosition> seen, Kind kind) {
    List<String> members = new ArrayList<>();
    boolean ok = true;
    for (YamlNode node : group.items()) {
      if (!(node instanceof YamlScalar s) || s.isNull()) {
        diagnostics.error(node.position(), "a " + kind.member() + " must be a word or a few words, not " + node.describe());
        ok = false;
        continue;
      }
      String member = SearchSettings.normalize(s.text());
      if (member.isEmpty() || !member.codePoints().anyMatch(Character::isLetterOrDigit)) {
        diagnostics.error(s.position(), kind.member() + " '" + s.text() + "' has no letter or digit");
        ok = false;
      } else if (member.length() > SearchSettings.MAX_LENGTH) {
        diagnostics.error(s.position(), kind.member() + " '" + s.text() + "' is longer than " + SearchSettings.MAX_LENGTH + " characters");
        ok = false;
      } else if (members.contains(member)) {
        diagnostics.error(s.position(), "'" + s.text() + "' is listed twice in this group");
        ok = false;
      } else {
        SourcePosition first = seen.putIfAbsent(member, s.position());
        if (first != null) {
          diagnostics.error(s.position(), "'" + s.text() + "' is already in another group of " + kind.members() + ", at " + first,
              "a word belongs to one group: put the words of both groups in one");
          ok = false;
        } else {
          members.add(member);
        }
      }
    }
    if (ok && members.size() < 2) {
      diagnostics.error(group.position(), "a group of " + kind.members() + " needs two or more words, not " + members.size(),
          "for example [cert, certificate]");
      ok = false;
    }
    return ok ? Optional.of(members) : Optional.empty();
  }
}
