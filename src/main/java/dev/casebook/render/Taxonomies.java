package dev.casebook.render;

import dev.casebook.config.SiteConfig;
import dev.casebook.config.Vocabulary;
import dev.casebook.model.Incident;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The four ways to browse a library. */
final class Taxonomies {
  final Taxonomy services;
  final Taxonomy teams;
  final Taxonomy tags;
  final Taxonomy years;

  Taxonomies(SiteConfig config, List<Incident> incidents) {
    services = Taxonomy.of("services", "Services", "service", incidents, Incident::services,
        config.vocabulary("services"), Taxonomy.BY_NAME);
    teams = Taxonomy.of("teams", "Teams", "team", incidents,
        i -> Stream.concat(i.owner().isEmpty() ? Stream.empty() : Stream.of(i.owner()), i.teams().stream()).distinct().toList(),
        config.vocabulary("teams"), Taxonomy.BY_NAME);
    tags = Taxonomy.of("tags", "Tags", "tag", incidents, Incident::tags, config.vocabulary("tags"), Taxonomy.BY_NAME);
    years = Taxonomy.of("years", "Years", "year", incidents, i -> List.of(String.valueOf(i.date().getYear())),
        Vocabulary.open("years"), Comparator.<String>reverseOrder());
  }

  /** Every term's slug, by taxonomy: write-up views link terms by them. */
  List<java.util.Map<String, String>> slugs() {
    return all().stream().map(Taxonomy::slugs).toList();
  }

  List<Taxonomy> all() {
    return List.of(services, teams, tags, years);
  }
}
