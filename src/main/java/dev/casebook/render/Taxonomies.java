package dev.casebook.render;

import dev.casebook.config.SiteConfig;
import dev.casebook.config.Vocabulary;
import dev.casebook.model.Incident;
import java.util.Comparator;
import dev.casebook.render.view.Link;
import java.util.List;
import java.util.Map;
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

  /**
   * The URL of every term a write-up's view links to, by taxonomy: all that views need of the
   * taxonomies, so a view is made again when one of these changed.
   */
  record TermLinks(Map<String, String> teams, Map<String, String> services, Map<String, String> tags) {
    static Link link(Map<String, String> urls, String term) {
      return new Link(term, urls.get(term));
    }

    static List<Link> links(Map<String, String> urls, List<String> terms) {
      return terms.stream().filter(urls::containsKey).map(t -> link(urls, t)).toList();
    }
  }

  TermLinks links() {
    return new TermLinks(teams.urls(), services.urls(), tags.urls());
  }

  List<Taxonomy> all() {
    return List.of(services, teams, tags, years);
  }
}
