package dev.casebook.render;

import dev.casebook.config.Vocabulary;
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
  /** The ids of the write-ups of each term, newest first. */
  private final Map<String, List<String>> byTerm;
  private final Map<String, String> slugs = new LinkedHashMap<>();
  private final Vocabulary vocabulary;
  /** The catalog's entries of this taxonomy's terms (services or teams), else empty. */
  private Map<String, dev.casebook.catalog.Catalog.Entry> catalog = Map.of();
  /** The URLs of the teams that own this taxonomy's terms. */
  private Map<String, String> owners = Map.of();

  private Taxonomy(String key, String title, String singular, Map<String, List<String>> byTerm, Vocabulary vocabulary) {
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

  /** @param writeUps newest first; each term's list keeps that order */
  static Taxonomy of(String key, String title, String singular, List<Taxonomies.Terms.WriteUp> writeUps,
      Function<Taxonomies.Terms.WriteUp, List<String>> values, Vocabulary vocabulary, Comparator<String> order) {
    Map<String, List<String>> grouped = new java.util.HashMap<>();
    for (Taxonomies.Terms.WriteUp w : writeUps) {
      for (String value : values.apply(w)) {
        List<String> list = grouped.computeIfAbsent(value, k -> new ArrayList<>());
        if (list.isEmpty() || !list.get(list.size() - 1).equals(w.id())) list.add(w.id());
      }
    }
    // Sorted once, by term: the comparator is not cheap and there are far fewer terms than uses.
    Map<String, List<String>> byTerm = new LinkedHashMap<>();
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

  /** The ids of the write-ups of a term, newest first. */
  List<String> ids(String term) {
    return byTerm.getOrDefault(term, List.of());
  }

  /** This taxonomy with {@code catalog}'s entries of its terms, whose owners are teams with URLs {@code owners}. */
  Taxonomy withCatalog(Map<String, dev.casebook.catalog.Catalog.Entry> catalog, Map<String, String> owners) {
    this.catalog = catalog;
    this.owners = owners;
    return this;
  }

  TermView term(String term) {
    dev.casebook.catalog.Catalog.Entry entry = catalog.get(term);
    if (entry == null) return new TermView(term, slugs.get(term), url(term), vocabulary.description(term), byTerm.get(term).size());
    String description = entry.description().isEmpty() ? vocabulary.description(term) : entry.description();
    Link owner = entry.owner().isEmpty() ? null : new Link(entry.owner(), owners.getOrDefault(entry.owner(), ""));
    List<Link> links = entry.links().stream().map(l -> new Link(l.label(), l.url())).toList();
    return new TermView(term, slugs.get(term), url(term), description, byTerm.get(term).size(),
        new TermView.Catalog(entry.title(), owner, links));
  }

  /** What a pointer over a link to each term shows: its catalog entry's description and owner. */
  Map<String, String> titles() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String term : slugs.keySet()) {
      dev.casebook.catalog.Catalog.Entry entry = catalog.get(term);
      String title = entry == null ? vocabulary.description(term)
          : new dev.casebook.catalog.Catalog.Entry(term, entry.title(),
              entry.description().isEmpty() ? vocabulary.description(term) : entry.description(), entry.owner(), List.of()).summary();
      if (!title.isEmpty()) out.put(term, title);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  dev.casebook.render.view.TaxonomyLink link() {
    return new dev.casebook.render.view.TaxonomyLink(key, title, singular, url());
  }

  /** Each term's URL in the site. */
  Map<String, String> urls() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String term : slugs.keySet()) out.put(term, url(term));
    return java.util.Collections.unmodifiableMap(out);
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
