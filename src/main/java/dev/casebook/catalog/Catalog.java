package dev.casebook.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the library knows about its services and teams beyond their names: a description, an
 * owner and links (runbook, repository, dashboard, ...). Read from {@code catalog:} in
 * casebook.yml and from the Backstage catalog files it names ({@link CatalogReader}).
 *
 * @param services by service name, as write-ups' {@code services} name them
 * @param teams by team name, as write-ups' owner and {@code teams} name them
 * @param files the globs of catalog files ({@code catalog.files}), relative to the library
 */
public record Catalog(Map<String, Entry> services, Map<String, Entry> teams, List<String> files) {
  public static final Catalog EMPTY = new Catalog(Map.of(), Map.of(), List.of());

  public Catalog {
    services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    teams = Collections.unmodifiableMap(new LinkedHashMap<>(teams));
    files = List.copyOf(files);
  }

  /**
   * Whether the file at {@code path} (relative to the library, with {@code /}) is one the catalog
   * reads or would read if it existed: a change to it changes the catalog, as a change to
   * casebook.yml does.
   */
  public boolean reads(String path) {
    for (String glob : files) {
      if (java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(java.nio.file.Path.of(path))) return true;
    }
    return false;
  }

  /**
   * One service or team.
   *
   * @param title a display name, or empty
   * @param description plain text, or empty
   * @param owner the team that owns a service (or the parent of a team), or empty
   * @param links absolute http(s) URLs, in the order written
   */
  public record Entry(String name, String title, String description, String owner, List<Link> links) {
    public Entry {
      links = List.copyOf(links);
    }

    /** This entry with every field {@code over} sets in place of this one's. */
    Entry overriddenBy(Entry over) {
      List<Link> merged = new java.util.ArrayList<>(over.links);
      for (Link l : links) if (over.links.stream().noneMatch(o -> o.label().equals(l.label()))) merged.add(l);
      return new Entry(name, over.title.isEmpty() ? title : over.title,
          over.description.isEmpty() ? description : over.description, over.owner.isEmpty() ? owner : over.owner, merged);
    }

    /** A line for a tooltip: the description, then the owner. */
    public String summary() {
      String s = description;
      if (!owner.isEmpty()) s = s.isEmpty() ? "Owned by " + owner : s + " (owned by " + owner + ")";
      return s;
    }
  }

  /** A labelled link, e.g. {@code runbook} to {@code https://runbooks.example/checkout}. */
  public record Link(String label, String url) {}

  /** The entry of service {@code name}, or null. */
  public Entry service(String name) {
    return services.get(name);
  }

  /** The entry of team {@code name}, or null. */
  public Entry team(String name) {
    return teams.get(name);
  }
}
