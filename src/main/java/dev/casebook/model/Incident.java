package dev.casebook.model;

import dev.casebook.diag.SourcePosition;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One validated write-up.
 *
 * @param updated the day the write-up says it was last updated ({@code updated}), or null
 * @param owner the owning team, or empty
 * @param related ids of write-ups this one builds on, as written
 * @param code lines of code repositories the write-up cites
 * @param extra front matter keys Casebook does not know, as plain values
 * @param source where it came from, for diagnostics and links
 */
public record Incident(
    String id,
    String title,
    LocalDate date,
    LocalDate updated,
    Status status,
    String summary,
    String severity,
    String owner,
    List<String> teams,
    List<String> services,
    List<String> authors,
    List<String> responders,
    List<String> tags,
    Timeline timeline,
    boolean nearMiss,
    List<Reference> related,
    List<CodeReference> code,
    Map<String, Object> extra,
    Source source) {

  public Incident {
    teams = List.copyOf(teams);
    services = List.copyOf(services);
    authors = List.copyOf(authors);
    responders = List.copyOf(responders);
    tags = List.copyOf(tags);
    related = List.copyOf(related);
    code = List.copyOf(code);
    extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
  }

  /** This write-up with its source's Markdown let go of (for what comes after the body is rendered). */
  public Incident withoutMarkdown() {
    return new Incident(id, title, date, updated, status, summary, severity, owner, teams, services, authors, responders, tags,
        timeline, nearMiss, related, code, extra, source.withoutMarkdown());
  }

  /** An id written in a write-up, with where it was written. */
  public record Reference(String id, SourcePosition position) {}

  /**
   * @param path the write-up's file, relative to the library root
   * @param body the Markdown body
   * @param bodyLine the file line the body starts at
   * @param keyPositions where each front matter key was written
   */
  public record Source(String path, String body, int bodyLine, Map<String, SourcePosition> keyPositions) {
    public Source {
      keyPositions = Map.copyOf(keyPositions);
    }

    /** This source without its Markdown body: its path and positions stay. */
    public Source withoutMarkdown() {
      return new Source(path, "", bodyLine, keyPositions);
    }

    /** The position of a front matter key, or of the file when the key is missing. */
    public SourcePosition positionOf(String key) {
      return keyPositions.getOrDefault(key, SourcePosition.at(path, 1));
    }
  }

  /** The id in lower case: ids are unique ignoring case. */
  public String key() {
    return id.toLowerCase(java.util.Locale.ROOT);
  }
}
