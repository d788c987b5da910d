package dev.casebook.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A design document that may cite write-ups: an architecture decision, an RFC, a design review.
 *
 * @param slug its name in URLs ({@code /design/<slug>/}), from its file name
 * @param status as written ({@code proposed}, {@code accepted}, ...), or empty
 * @param date or null when it has none
 */
public record DesignDoc(String slug, String title, String status, List<String> authors, LocalDate date, Incident.Source source) {
  public DesignDoc {
    authors = List.copyOf(authors);
  }
}
