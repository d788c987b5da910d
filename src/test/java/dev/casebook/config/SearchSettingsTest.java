package dev.casebook.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search:} in casebook.yml: groups of synonyms and of related words, the built-in ones, and every mistake at its line. */
class SearchSettingsTest {
  @TempDir Path tmp;

  private record Loaded(SiteConfig config, List<String> errors) {}

  private Loaded load(String yaml) throws IOException {
    Path library = Files.createDirectories(tmp.resolve("lib-" + Math.abs(yaml.hashCode())));
    Files.writeString(library.resolve(SiteConfig.FILE_NAME), yaml);
    Diagnostics diagnostics = new Diagnostics();
    SiteConfig config = ConfigLoader.load(library, diagnostics);
    return new Loaded(config, diagnostics.sorted().stream().filter(Diagnostic::isError)
        .map(d -> d.position() + ": " + d.message()).toList());
  }

  @Test
  void withoutSettingsTheBuiltInGroupsApply() throws IOException {
    SearchSettings search = load("title: t\n").config().search();
    assertEquals(SearchSettings.DEFAULT, search);
    Map<String, List<String>> expansions = search.expansions();
    assertEquals(List.of("kubernetes"), expansions.get("k8s"));
    assertEquals(List.of("postgresql", "pg"), expansions.get("postgres"));
    assertEquals(List.of("out of memory"), expansions.get("oom"));
    assertFalse(expansions.containsKey("out of memory"), "a member of several words is never looked up");
  }

  @Test
  void aLibrarysGroupsAreLowerCasedAndReplaceTheBuiltInGroupsTheyShareAWordWith() throws IOException {
    Loaded loaded = load("search:\n  synonyms:\n    - [K8s, Kubernetes, kube]\n    - [\"Load-Balancer\", LB, ELB]\n");
    assertEquals(List.of(), loaded.errors());
    SearchSettings search = loaded.config().search();
    assertEquals(List.of(List.of("k8s", "kubernetes", "kube"), List.of("load balancer", "lb", "elb")), search.synonyms());
    Map<String, List<String>> expansions = search.expansions();
    assertEquals(List.of("kubernetes", "kube"), expansions.get("k8s"));
    assertEquals(List.of("load balancer", "lb"), expansions.get("elb"));
    assertEquals(List.of("database"), expansions.get("db"), "the other built-in groups stay");
    assertFalse(search.groups().contains(List.of("k8s", "kubernetes")), "replaced by the library's group");

    SearchSettings only = load("search:\n  synonyms: [[pgb, pgbouncer]]\n  default_synonyms: false\n").config().search();
    assertEquals(Map.of("pgb", List.of("pgbouncer"), "pgbouncer", List.of("pgb")), only.expansions());
    assertTrue(load("search:\n  default_synonyms: false\n").config().search().expansions().isEmpty());
  }

  @Test
  void everyMistakeIsReportedAtItsLineAndItsGroupLeftOut() throws IOException {
    assertEquals(List.of("casebook.yml:1:9: 'search' must be a mapping of settings, not a string"), load("search: synonyms\n").errors());
    assertEquals(List.of("casebook.yml:2:3: unknown search setting 'synonym'"), load("search:\n  synonym: [[a, b]]\n").errors());
    assertEquals(List.of("casebook.yml:2:13: 'synonyms' must be a list of groups of words, not a mapping"),
        load("search:\n  synonyms: {k8s: kubernetes}\n").errors());
    assertEquals(List.of("casebook.yml:3:7: every group of 'synonyms' must be a list of two or more words, not a string"),
        load("search:\n  synonyms:\n    - k8s\n").errors());
    assertEquals(List.of("casebook.yml:3:7: a group of synonyms needs two or more words, not 1"),
        load("search:\n  synonyms:\n    - [k8s]\n").errors());
    assertEquals(List.of("casebook.yml:3:13: synonym '--' has no letter or digit"),
        load("search:\n  synonyms:\n    - [k8s, \"--\"]\n").errors());
    assertEquals(List.of("casebook.yml:3:13: a synonym must be a word or a few words, not a list"),
        load("search:\n  synonyms:\n    - [k8s, [kubernetes]]\n").errors());
    assertEquals(List.of("casebook.yml:3:13: 'K8S' is listed twice in this group"),
        load("search:\n  synonyms:\n    - [k8s, K8S, kube]\n").errors());
    Loaded twice = load("search:\n  synonyms:\n    - [k8s, kubernetes]\n    - [kube, K8s]\n");
    assertEquals(List.of("casebook.yml:4:14: 'K8s' is already in another group of synonyms, at casebook.yml:3:8"), twice.errors());
    assertEquals(List.of(List.of("k8s", "kubernetes")), twice.config().search().synonyms(), "the second group is left out");
    String longWord = "x".repeat(SearchSettings.MAX_LENGTH + 1);
    assertEquals(List.of("casebook.yml:3:13: synonym '" + longWord + "' is longer than 64 characters"),
        load("search:\n  synonyms:\n    - [k8s, " + longWord + "]\n").errors());
    StringBuilder many = new StringBuilder("search:\n  synonyms:\n");
    for (int n = 0; n <= SearchSettings.MAX_GROUPS; n++) many.append("    - [a").append(n).append(", b").append(n).append("]\n");
    assertEquals(List.of("casebook.yml:" + (3 + SearchSettings.MAX_GROUPS) + ":7: 'synonyms' has more than 1000 groups"),
        load(many.toString()).errors());
  }

  @Test
  void compressIsOnByDefaultAndSwitchedOffByFalse() throws IOException {
    assertTrue(load("title: t\n").config().search().compress());
    assertTrue(load("search:\n  compress: true\n").config().search().compress());
    Loaded off = load("search: {compress: false}\n");
    assertEquals(List.of(), off.errors());
    assertFalse(off.config().search().compress());
    assertEquals(List.of("kubernetes"), off.config().search().expansions().get("k8s"), "the groups stay");
    assertEquals(1, load("search:\n  compress: sometimes\n").errors().size(), "not a boolean");
  }

  @Test
  void relatedWordsAreReadLikeSynonymsAndSwitchedOffApart() throws IOException {
    SearchSettings defaults = load("title: t\n").config().search();
    assertEquals(List.of("loss", "lose"), defaults.relatedExpansions().get("lost"));
    assertEquals(SearchSettings.DEFAULT_RELATED.size(), defaults.relatedGroups().size());

    Loaded loaded = load("search:\n  related:\n    - [Lost, missing]\n    - [Slow, \"long wait\"]\n  default_synonyms: false\n");
    assertEquals(List.of(), loaded.errors());
    SearchSettings search = loaded.config().search();
    assertEquals(List.of(List.of("lost", "missing"), List.of("slow", "long wait")), search.related());
    assertEquals(List.of("missing"), search.relatedExpansions().get("lost"));
    assertFalse(search.relatedExpansions().containsKey("loss"), "the built-in group with lost is replaced");
    assertEquals(List.of("expiry", "expiration", "lapsed", "expire"), search.relatedExpansions().get("expired"), "the others stay");
    assertTrue(search.expansions().isEmpty(), "default_synonyms leaves the related words alone");

    SearchSettings only = load("search:\n  related: [[lost, missing]]\n  default_related: false\n").config().search();
    assertEquals(Map.of("lost", List.of("missing"), "missing", List.of("lost")), only.relatedExpansions());
    assertEquals(List.of("kubernetes"), only.expansions().get("k8s"), "default_related leaves the synonyms alone");

    assertEquals(List.of("casebook.yml:2:12: 'related' must be a list of groups of words, not a string"),
        load("search:\n  related: slow\n").errors());
    assertEquals(List.of("casebook.yml:3:7: a group of related words needs two or more words, not 1"),
        load("search:\n  related:\n    - [slow]\n").errors());
    assertEquals(List.of("casebook.yml:3:14: related word '--' has no letter or digit"),
        load("search:\n  related:\n    - [slow, \"--\"]\n").errors());
    assertEquals(List.of("casebook.yml:4:13: 'slow' is already in another group of related words, at casebook.yml:3:8"),
        load("search:\n  related:\n    - [slow, latency]\n    - [lag, slow]\n").errors());
    assertEquals(List.of(), load("search:\n  synonyms: [[slow, sluggish]]\n  related: [[slow, latency]]\n").errors(),
        "a word may be a synonym and a related word");
  }
}
