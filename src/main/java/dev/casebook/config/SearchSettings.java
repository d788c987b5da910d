package dev.casebook.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The search settings of casebook.yml ({@code search:}):
 * <pre>
 * search:
 *   synonyms:                    # groups of words that mean the same to a reader
 *     - [k8s, kubernetes]
 *     - [lb, load balancer]
 *   default_synonyms: true       # also the built-in groups ({@link #DEFAULT_SYNONYMS}); true by default
 * </pre>
 * A word of a query that is a member of a group is also searched as every other member of its group;
 * a member of several words is searched as its words. Matching ignores case.
 *
 * @param synonyms the library's groups, lower-cased, each of two or more distinct members
 * @param defaultSynonyms whether the built-in groups apply too, except those that share a member with
 *     one of the library's (the library's group replaces it)
 */
public record SearchSettings(List<List<String>> synonyms, boolean defaultSynonyms) {
  /**
   * Abbreviations and spellings common in incident write-ups, searched with what they stand for.
   * Measured on real postmortems (docs/search-quality.md).
   */
  public static final List<List<String>> DEFAULT_SYNONYMS = List.of(
      List.of("k8s", "kubernetes"),
      List.of("db", "database"),
      List.of("dbs", "databases"),
      List.of("cert", "certificate"),
      List.of("certs", "certificates"),
      List.of("config", "configuration"),
      List.of("auth", "authentication"),
      List.of("dc", "datacenter", "datacentre", "data center"),
      List.of("lb", "load balancer"),
      List.of("oom", "out of memory"),
      List.of("ddos", "denial of service"),
      List.of("ssl", "tls"),
      List.of("postgres", "postgresql", "pg"),
      List.of("outage", "downtime"),
      List.of("login", "signin"),
      List.of("vm", "virtual machine", "instance"),
      List.of("vms", "virtual machines", "instances"));

  public static final SearchSettings DEFAULT = new SearchSettings(List.of(), true);

  /** The most groups a library may declare. */
  public static final int MAX_GROUPS = 1000;
  /** The longest member of a group, in characters. */
  public static final int MAX_LENGTH = 64;

  public SearchSettings {
    List<List<String>> copy = new ArrayList<>(synonyms.size());
    for (List<String> group : synonyms) copy.add(List.copyOf(group));
    synonyms = List.copyOf(copy);
  }

  /** The groups that apply: the library's, then the built-in ones that share no member with them. */
  public List<List<String>> groups() {
    List<List<String>> out = new ArrayList<>(synonyms);
    if (!defaultSynonyms) return out;
    Set<String> taken = new java.util.HashSet<>();
    for (List<String> g : synonyms) taken.addAll(g);
    for (List<String> g : DEFAULT_SYNONYMS) {
      if (g.stream().noneMatch(taken::contains)) out.add(g);
    }
    return out;
  }

  /**
   * What the search engine looks a query word up in: each member of one word (lower case), in
   * UTF-16 order, with the other members of its group, in the group's order.
   */
  public Map<String, List<String>> expansions() {
    Map<String, List<String>> out = new TreeMap<>();
    for (List<String> group : groups()) {
      for (String member : group) {
        if (member.contains(" ")) continue;
        Set<String> others = new LinkedHashSet<>(group);
        others.remove(member);
        out.put(member, List.copyOf(others));
      }
    }
    return out;
  }

  /**
   * A member as the engine compares it: lower case, its words (split at whitespace and hyphens, as
   * lunr splits text) joined by one space.
   */
  public static String normalize(String member) {
    return String.join(" ", member.strip().toLowerCase(Locale.ROOT).split("[\\s\\-]+")).strip();
  }
}
