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

  /**
   * What the taxonomies are made of: each write-up's id and terms, newest first. The taxonomies
   * are a function of these (and of the configuration's vocabularies), so equal terms give equal
   * taxonomies.
   */
  record Terms(List<WriteUp> writeUps) {
    record WriteUp(String id, List<String> teams, List<String> services, List<String> tags, int year) {
      static WriteUp of(Incident i) {
        List<String> teams = Stream.concat(i.owner().isEmpty() ? Stream.empty() : Stream.of(i.owner()), i.teams().stream())
            .distinct().toList();
        return new WriteUp(i.id(), teams, i.services(), i.tags(), i.date().getYear());
      }
    }

    static Terms of(List<Incident> incidents) {
      return of(incidents, dev.casebook.memo.Memo.byIdentity());
    }

    /** The terms of {@code incidents}, each write-up's from {@code memo} while it is the same object. */
    static Terms of(List<Incident> incidents, dev.casebook.memo.Memo<Incident, WriteUp> memo) {
      memo.begin();
      List<WriteUp> out = new java.util.ArrayList<>(incidents.size());
      for (Incident i : incidents) out.add(memo.get(i, WriteUp::of));
      return new Terms(List.copyOf(out));
    }
  }

  Taxonomies(SiteConfig config, Terms terms) {
    List<Terms.WriteUp> w = terms.writeUps();
    teams = Taxonomy.of("teams", "Teams", "team", w, Terms.WriteUp::teams, config.vocabulary("teams"), Taxonomy.BY_NAME);
    teams.withCatalog(config.catalog().teams(), teams.urls());
    services = Taxonomy.of("services", "Services", "service", w, Terms.WriteUp::services,
        config.vocabulary("services"), Taxonomy.BY_NAME).withCatalog(config.catalog().services(), teams.urls());
    tags = Taxonomy.of("tags", "Tags", "tag", w, Terms.WriteUp::tags, config.vocabulary("tags"), Taxonomy.BY_NAME);
    years = Taxonomy.of("years", "Years", "year", w, x -> List.of(String.valueOf(x.year())),
        Vocabulary.open("years"), Comparator.<String>reverseOrder());
  }

  /**
   * The URL of every term a write-up's view links to, by taxonomy: all that views need of the
   * taxonomies, so a view is made again when one of these changed.
   */
  record TermLinks(Map<String, String> teams, Map<String, String> services, Map<String, String> tags,
      Map<String, String> teamTitles, Map<String, String> serviceTitles) {
    TermLinks(Map<String, String> teams, Map<String, String> services, Map<String, String> tags) {
      this(teams, services, tags, Map.of(), Map.of());
    }

    static Link link(Map<String, String> urls, String term) {
      return new Link(term, urls.get(term));
    }

    static List<Link> links(Map<String, String> urls, List<String> terms) {
      return terms.stream().filter(urls::containsKey).map(t -> link(urls, t)).toList();
    }

    /** A link to {@code term} whose title is its entry of {@code titles}. */
    static Link link(Map<String, String> urls, Map<String, String> titles, String term) {
      return new Link(term, urls.get(term), titles.getOrDefault(term, ""));
    }

    static List<Link> links(Map<String, String> urls, Map<String, String> titles, List<String> terms) {
      return terms.stream().filter(urls::containsKey).map(t -> link(urls, titles, t)).toList();
    }
  }

  TermLinks links() {
    return new TermLinks(teams.urls(), services.urls(), tags.urls(), teams.titles(), services.titles());
  }

  List<Taxonomy> all() {
    return List.of(services, teams, tags, years);
  }
}
