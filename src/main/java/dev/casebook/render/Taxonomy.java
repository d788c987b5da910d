package dev.casebook.render;

import dev.casebook.config.Vocabulary;
import dev.casebook.model.Incident;
import dev.casebook.render.view.Link;
import dev.casebook.render.view.TaxonomyView;
import dev.casebook.render.view.TermView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** One way to browse the library (services, teams, tags or years) and the write-ups of each value. */
final class Taxonomy {
  final String key;
  final String title;
  final String singular;
  private final Map<String, List<Incident>> byTerm;
  private final Map<String, String> slugs = new LinkedHashMap<>();
  private final Vocabulary vocabulary;

  private Taxonomy(String key, String title, String singular, Map<String, List<Incident>> byTerm, Vocabulary vocabulary) {
    this.key = key;
    this.title = title;
    this.singular = singular;
    this.byTerm = byTerm;
    this.vocabulary = vocabulary;
    Set<String> used = new HashSet<>();
    for (String term : byTerm.keySet()) {
      String slug = Slugs.of(term);
      String unique = slug;
      for (int n = 2; !used.add(unique); n++) unique = slug + "-" + n;
      slugs.put(term, unique);
    }
  }

  /** @param incidents newest first; each term's list keeps that order */
  static Taxonomy of(String key, String title, String singular, List<Incident> incidents,
      Function<Incident, List<String>> values, Vocabulary vocabulary, Comparator<String> order) {
    Map<String, List<Incident>> grouped = new java.util.HashMap<>();
    for (Incident incident : incidents) {
      for (String value : values.apply(incident)) {
        List<Incident> list = grouped.computeIfAbsent(value, k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != incident) list.add(incident);
      }
    }
    // Sorted once, by term: the comparator is not cheap and there are far fewer terms than uses.
    Map<String, List<Incident>> byTerm = new LinkedHashMap<>();
    grouped.keySet().stream().sorted(order).forEach(term -> byTerm.put(term, grouped.get(term)));
    return new Taxonomy(key, title, singular, byTerm, vocabulary);
  }

  static final Comparator<String> BY_NAME =
      Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT)).thenComparing(Comparator.naturalOrder());

  String url() {
    return key + "/";
  }

  String url(String term) {
    return key + "/" + slugs.get(term) + "/";
  }

  Link link(String term) {
    return new Link(term, url(term));
  }

  List<Link> links(List<String> terms) {
    return terms.stream().filter(slugs::containsKey).map(this::link).toList();
  }

  Set<String> terms() {
    return byTerm.keySet();
  }

  /**
   * The write-ups of a term, newest first. A live build keeps the taxonomies while ids, order,
   * terms and years stay the same, so these may be an earlier load's objects: read their ids only.
   */
  List<Incident> incidents(String term) {
    return byTerm.getOrDefault(term, List.of());
  }

  TermView term(String term) {
    return new TermView(term, slugs.get(term), url(term), vocabulary.description(term), byTerm.get(term).size());
  }

  dev.casebook.render.view.TaxonomyLink link() {
    return new dev.casebook.render.view.TaxonomyLink(key, title, singular, url());
  }

  /** Each term's slug, which its URL is made of. */
  Map<String, String> slugs() {
    return java.util.Collections.unmodifiableMap(slugs);
  }

  TaxonomyView view() {
    List<TermView> terms = byTerm.keySet().stream().map(this::term).toList();
    List<TermView> popular = terms;
    if (terms.size() > TaxonomyView.POPULAR) {
      Set<TermView> top = new java.util.HashSet<>(terms.stream()
          .sorted(java.util.Comparator.comparingInt(TermView::count).reversed()).limit(TaxonomyView.POPULAR).toList());
      popular = terms.stream().filter(top::contains).toList();
    }
    return new TaxonomyView(key, title, singular, url(), terms, popular);
  }
}
