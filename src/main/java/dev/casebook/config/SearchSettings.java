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
 *   related:                     # groups of words a reader may write for one another
 *     - [expired, expiry, lapsed]
 *   default_related: true        # also the built-in groups ({@link #DEFAULT_RELATED}); true by default
 *   compress: true               # the search files hold the gzip of their JSON, in base64; true by default
 * </pre>
 * A word of a query that is a member of a group of synonyms is also searched as every other member of
 * its group; a member of several words is searched as its words. A word that is a member of a group of
 * related words is also searched as the other members, each weighing less than the word itself (the
 * search engine's {@code RELATED_WEIGHT}). Matching ignores case.
 *
 * @param synonyms the library's groups of synonyms, lower-cased, each of two or more distinct members
 * @param defaultSynonyms whether the built-in groups of synonyms apply too, except those that share a
 *     member with one of the library's (the library's group replaces it)
 * @param related the library's groups of related words, as {@code synonyms}
 * @param defaultRelated whether the built-in groups of related words apply too, except those that
 *     share a member with one of the library's
 * @param compress whether the search files other than the manifest hold the gzip of their JSON in base64
 *     (false: the JSON itself, larger on disk, for debugging or another client)
 */
public record SearchSettings(List<List<String>> synonyms, boolean defaultSynonyms, List<List<String>> related,
    boolean defaultRelated, boolean compress) {
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

  /**
   * Words that incident write-ups and their readers use for one another without meaning quite the
   * same (an outage and an unreachable service, a deleted and a wiped disk), and forms that lunr's
   * stemmer does not join (lost and loss, died and dying). Each member also finds the others at a
   * lower weight. Measured on real postmortems (docs/search-quality.md, third round).
   */
  public static final List<List<String>> DEFAULT_RELATED = List.of(
      List.of("outage", "unavailable", "unreachable", "inaccessible", "down"),
      List.of("slow", "slowness", "latency", "degraded", "degradation"),
      List.of("expired", "expiry", "expiration", "lapsed", "expire"),
      List.of("removed", "deleted", "wiped", "erased", "purged", "deletion", "removal"),
      List.of("restart", "reboot", "restarted", "rebooted"),
      List.of("crash", "crashed", "died", "dying", "die", "dead"),
      List.of("hang", "hung", "froze", "frozen", "freeze", "stuck", "unresponsive"),
      List.of("overload", "overloaded", "overwhelmed", "saturated", "saturation", "swamped"),
      List.of("typo", "mistyped", "mistake"),
      List.of("disk", "drive", "storage"),
      List.of("retry", "retries", "backoff"),
      List.of("lost", "loss", "lose"),
      List.of("broke", "broken", "break"),
      List.of("ran", "run"),
      List.of("fell", "fall"),
      List.of("bug", "defect", "flaw", "glitch"),
      List.of("leak", "leaked", "exposed", "exposure"),
      List.of("hijacked", "compromised", "breach", "takeover"),
      List.of("deploy", "deployment", "rollout", "release"),
      List.of("rollback", "revert", "reverted"),
      List.of("full", "filled", "exhausted", "capacity"),
      List.of("cooling", "overheating", "temperature"),
      List.of("fire", "blaze"),
      List.of("leftover", "orphaned", "stale"),
      List.of("machine", "server", "host"),
      List.of("alert", "alarm", "paged"),
      List.of("corrupt", "corrupted", "corruption"),
      List.of("backup", "backups", "snapshot"),
      List.of("primary", "master", "leader"),
      List.of("replica", "replication", "secondary"),
      List.of("timeout", "timeouts", "timed"),
      List.of("password", "credential", "credentials", "secret"),
      List.of("power", "electricity", "electrical"),
      List.of("memory", "ram"),
      List.of("traffic", "load"),
      List.of("attack", "attacker", "malicious"),
      List.of("queue", "backlog"),
      List.of("permission", "permissions", "access"),
      List.of("network", "connectivity"));

  public static final SearchSettings DEFAULT = new SearchSettings(List.of(), true, List.of(), true, true);

  public SearchSettings(List<List<String>> synonyms, boolean defaultSynonyms, List<List<String>> related, boolean defaultRelated) {
    this(synonyms, defaultSynonyms, related, defaultRelated, true);
  }

  /** The most groups a library may declare. */
  public static final int MAX_GROUPS = 1000;
  /** The longest member of a group, in characters. */
  public static final int MAX_LENGTH = 64;

  public SearchSettings {
    synonyms = copy(synonyms);
    related = copy(related);
  }

  private static List<List<String>> copy(List<List<String>> groups) {
    List<List<String>> copy = new ArrayList<>(groups.size());
    for (List<String> group : groups) copy.add(List.copyOf(group));
    return List.copyOf(copy);
  }

  /** The groups of synonyms that apply: the library's, then the built-in ones that share no member with them. */
  public List<List<String>> groups() {
    return applying(synonyms, defaultSynonyms ? DEFAULT_SYNONYMS : List.of());
  }

  /** The groups of related words that apply: the library's, then the built-in ones that share no member with them. */
  public List<List<String>> relatedGroups() {
    return applying(related, defaultRelated ? DEFAULT_RELATED : List.of());
  }

  private static List<List<String>> applying(List<List<String>> own, List<List<String>> builtIn) {
    List<List<String>> out = new ArrayList<>(own);
    Set<String> taken = new java.util.HashSet<>();
    for (List<String> g : own) taken.addAll(g);
    for (List<String> g : builtIn) {
      if (g.stream().noneMatch(taken::contains)) out.add(g);
    }
    return out;
  }

  /**
   * What the search engine looks a query word up in for its synonyms: each member of one word (lower
   * case), in UTF-16 order, with the other members of its group, in the group's order.
   */
  public Map<String, List<String>> expansions() {
    return expansionsOf(groups());
  }

  /** What the search engine looks a query word up in for its related words, as {@link #expansions()}. */
  public Map<String, List<String>> relatedExpansions() {
    return expansionsOf(relatedGroups());
  }

  private static Map<String, List<String>> expansionsOf(List<List<String>> groups) {
    Map<String, List<String>> out = new TreeMap<>();
    for (List<String> group : groups) {
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
