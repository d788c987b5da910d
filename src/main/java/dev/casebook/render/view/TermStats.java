package dev.casebook.render.view;

import java.util.List;

/**
 * Figures about a group of write-ups, for a term page's "at a glance" panel.
 *
 * @param severities each severity that occurs, in order, with how many write-ups have it
 * @param medianTimeToDetect over the write-ups that have both timestamps, or null
 * @param withTimeToDetect how many write-ups the median is taken over
 */
public record TermStats(
    int count,
    int nearMisses,
    List<Count> severities,
    Span medianTimeToDetect,
    int withTimeToDetect,
    Span medianTimeToMitigate,
    int withTimeToMitigate) {

  /** A value and how often it occurs. */
  public record Count(String name, int count) {}
}
