package dev.casebook.link;

import dev.casebook.markdown.MarkdownBody;
import dev.casebook.model.Incident;
import dev.casebook.model.Library;
import java.util.Map;
import java.util.Optional;

/**
 * The library after the link stage: each write-up's parsed body, how its link destinations
 * map to site URLs, and the citation graph.
 */
public record LinkedLibrary(
    Library library,
    Map<String, MarkdownBody> bodies,
    Map<String, Map<String, String>> rewrites,
    CitationGraph citations,
    Map<String, Incident> byId) {

  public Optional<Incident> incident(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The site URL (relative to the write-up's page) for a destination written in its body. */
  public String rewrite(String incidentId, String destination) {
    return rewrites.getOrDefault(incidentId, Map.of()).getOrDefault(destination, destination);
  }
}
