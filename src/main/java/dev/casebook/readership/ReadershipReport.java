package dev.casebook.readership;

import dev.casebook.text.UnsafeText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What readers did with one write-up over the report's period. Counts of readers come from
 * pseudonymous keys that change every day, so a reader who comes back on another day counts
 * again; anonymous reads (Do Not Track, Global Privacy Control) count as reads but never as
 * readers. Team counts below {@link Readership#MIN_GROUP} distinct readers are folded into
 * {@link Readership#OTHER_TEAMS}. What came from readers (the id, teams, referrers) has its control
 * and bidirectional characters shown as {@code \\uXXXX}, so that no output, table, JSON, CSV or
 * the site's Learning page, carries them as they are.
 *
 * @param doc the write-up's id
 * @param title the write-up's title, or empty when the library does not have it
 * @param owner the owning team, or empty when unknown
 * @param reads page views
 * @param anonymousReads page views from browsers that asked not to be tracked
 * @param readers distinct readers (per day)
 * @param readersOutsideOwner distinct readers whose team is known and is not the owner
 * @param readToEnd page views in which the end of the write-up came into view
 * @param sources page views by where the reader came from, in {@link Readership#SOURCES} order
 * @param fromWriteUps page views by the write-up the reader came from, most first
 * @param teams distinct readers by team, small teams folded, most first
 * @param months page views by month ({@code YYYY-MM}), oldest first
 * @param referrers page views by referring page (this site) or origin (other sites), most first, at most 10
 */
public record ReadershipReport(
    String doc,
    String title,
    String owner,
    long reads,
    long anonymousReads,
    long readers,
    long readersOutsideOwner,
    long readToEnd,
    Map<String, Long> sources,
    Map<String, Long> fromWriteUps,
    Map<String, Long> teams,
    Map<String, Long> months,
    Map<String, Long> referrers) {

  public ReadershipReport {
    doc = UnsafeText.neutralize(doc);
    fromWriteUps = inert(fromWriteUps);
    teams = inert(teams);
    referrers = inert(referrers);
  }

  private static Map<String, Long> inert(Map<String, Long> counts) {
    if (counts.keySet().stream().allMatch(k -> k == null || UnsafeText.find(k) < 0)) return counts;
    Map<String, Long> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> out.merge(UnsafeText.neutralize(k), v, Long::sum));
    return out;
  }

  /** The share of page views that reached the end, or null when there were none. */
  public Double readToEndRate() {
    return reads == 0 ? null : (double) readToEnd / reads;
  }
}
