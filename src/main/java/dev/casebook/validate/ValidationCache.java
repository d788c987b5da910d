package dev.casebook.validate;

import dev.casebook.diag.Diagnostic;
import dev.casebook.load.SourceDocument;
import dev.casebook.load.UnreadDocument;
import dev.casebook.model.BrokenWriteUp;
import java.util.Map;
import dev.casebook.memo.Memo;
import dev.casebook.model.Incident;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Each write-up's front matter as the validate stage read it last time, with its problems, by
 * source document: a file that was not read again is not validated again. The checks that look
 * across the library (unique ids, related ids) run again only when a write-up's id, status or
 * related ids changed, or one came or went.
 */
public final class ValidationCache {
  /**
   * One write-up's front matter read.
   *
   * @param broken when it has errors that leave it out, the id its front matter still gives (else null)
   */
  record Read(Optional<Incident> incident, List<Diagnostic> diagnostics, BrokenWriteUp broken) {}

  /**
   * What the checks across the library found: their problems, every valid write-up's id, and the
   * write-ups with errors whose ids are legible, by id in lower case.
   */
  record Across(List<Diagnostic> diagnostics, Set<String> ids, Map<String, BrokenWriteUp> broken) {}

  final Memo<SourceDocument, Read> reads = Memo.byIdentity();
  /** Each design document's front matter read, by source document. */
  final Memo<SourceDocument, DesignDocReader.Read> designs = Memo.byIdentity();
  private List<Read> lastReads;
  private List<UnreadDocument> lastUnread;
  private boolean lastDrafts;
  private Across lastAcross;

  /** Where each write-up stood in the last library's order (newest first), by id. */
  private Map<String, Integer> lastPlaces = Map.of();
  private List<Incident> lastOrder = List.of();

  /**
   * {@code incidents} put in the places their ids had in the last library, when they are the same
   * ids: the library's sort then finds them in order but for what an edit moved, and takes one pass
   * instead of sorting anew. Otherwise {@code incidents} as they are.
   */
  synchronized List<Incident> inLastOrder(List<Incident> incidents) {
    if (incidents.size() != lastPlaces.size()) return incidents;
    Incident[] placed = new Incident[incidents.size()];
    for (Incident i : incidents) {
      Integer n = lastPlaces.get(i.id());
      if (n == null || placed[n] != null) return incidents;
      placed[n] = i;
    }
    return java.util.Arrays.asList(placed);
  }

  /** Remembers the library's order of its write-ups, for {@link #inLastOrder}. */
  synchronized void ordered(List<Incident> sorted) {
    boolean same = sorted.size() == lastOrder.size();
    for (int n = 0; same && n < sorted.size(); n++) same = sorted.get(n).id().equals(lastOrder.get(n).id());
    if (!same) {
      Map<String, Integer> places = new java.util.HashMap<>(sorted.size() * 2);
      for (int n = 0; n < sorted.size(); n++) places.put(sorted.get(n).id(), n);
      lastPlaces = places;
    }
    lastOrder = sorted;
  }

  public static ValidationCache none() {
    return new ValidationCache();
  }

  /**
   * The checks across the library for {@code reads} and the {@code unread} write-ups: the last ones
   * while no read differs in what they look at.
   */
  synchronized Across across(List<Read> reads, List<UnreadDocument> unread, boolean includeDrafts, Supplier<Across> compute) {
    if (lastAcross == null || includeDrafts != lastDrafts || !unread.equals(lastUnread) || !sameAcross(lastReads, reads)) {
      lastAcross = compute.get();
    }
    lastReads = reads;
    lastUnread = unread;
    lastDrafts = includeDrafts;
    return lastAcross;
  }

  private static boolean sameAcross(List<Read> before, List<Read> now) {
    if (before.size() != now.size()) return false;
    for (int n = 0; n < now.size(); n++) {
      Read a = before.get(n);
      Read b = now.get(n);
      if (a != b && !(Objects.equals(a.broken(), b.broken()) && sameAcross(a.incident(), b.incident()))) return false;
    }
    return true;
  }

  private static boolean sameAcross(Optional<Incident> a, Optional<Incident> b) {
    if (a.isEmpty() || b.isEmpty()) return a.isEmpty() && b.isEmpty();
    Incident x = a.get();
    Incident y = b.get();
    return x.id().equals(y.id()) && x.status() == y.status() && x.related().equals(y.related())
        && x.source().positionOf("id").equals(y.source().positionOf("id"));
  }
}
