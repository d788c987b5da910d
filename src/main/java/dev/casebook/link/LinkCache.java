package dev.casebook.link;

import dev.casebook.diag.Diagnostic;
import dev.casebook.markdown.RenderedBody;
import dev.casebook.memo.Memo;
import dev.casebook.model.Incident;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the link stage found in each write-up's body last time (its HTML, the citations and heading
 * links it makes, its problems), by write-up: an unchanged write-up is not parsed again.
 *
 * <p>A body's links also depend on the rest of the library: which files, ids and images exist.
 * When those change (a write-up added, deleted or renamed, an image added), only the write-ups
 * whose text names a file or id that came or went are linked again: a link or mention of
 * {@code INC-2024-007} or {@code ../2024/INC-2024-007-dns.md} contains that id or file name.
 * A name that a link could only write percent-encoded makes every write-up link again.
 */
public final class LinkCache {
  /** One body's links. */
  record Linked(RenderedBody body, List<Citation> citations, List<LinkResolver.Anchor> anchors, List<Diagnostic> diagnostics) {}

  /** What the library had that links can name. */
  record Names(Set<String> paths, Set<String> ids, Set<String> knownIds, Set<String> assets) {}

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  final Memo<Incident, Linked> incidents = Memo.byIdentity();
  private Names names;
  /** The write-ups of this run that must be linked again because names they may use came or went. */
  private Set<Incident> stale = Set.of();
  private boolean relinkAll;
  private boolean namesChanged;

  public static LinkCache none() {
    return new LinkCache();
  }

  /** Starts a run over {@code incidents}, whose library has {@code now}. */
  void begin(List<Incident> all, Names now) {
    incidents.begin();
    stale = Set.of();
    relinkAll = false;
    Names before = names;
    names = now;
    namesChanged = before != null && !before.equals(now);
    if (!namesChanged) return;
    Set<String> tokens = new HashSet<>();
    changedNames(before.paths(), now.paths(), tokens, true);
    changedNames(before.assets(), now.assets(), tokens, true);
    changedNames(before.ids(), now.ids(), tokens, false);
    changedNames(before.knownIds(), now.knownIds(), tokens, false);
    if (tokens.stream().anyMatch(t -> !PLAIN_NAME.matcher(t).matches())) {
      relinkAll = true;
      return;
    }
    List<String> lower = tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    Set<Incident> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    all.parallelStream().filter(i -> {
      String body = i.source().body().toLowerCase(Locale.ROOT);
      return lower.stream().anyMatch(body::contains);
    }).toList().forEach(out::add);
    stale = out;
  }

  private CitationGraph graph;

  /** The citation graph of {@code citations}: the last one when they are the same citations. */
  synchronized CitationGraph graph(List<Citation> citations) {
    if (graph == null || !graph.citations().equals(citations)) graph = new CitationGraph(citations);
    return graph;
  }

  /** Whether {@code incident}'s last result may be reused. */
  boolean reusable(Incident incident) {
    if (relinkAll || stale.contains(incident)) return false;
    // A problem's hint ("did you mean ...?") names ids of the library as it was.
    Linked last = incidents.peek(incident);
    return !(namesChanged && last != null && !last.diagnostics().isEmpty());
  }

  private static void changedNames(Set<String> before, Set<String> now, Set<String> tokens, boolean files) {
    for (String s : before) if (!now.contains(s)) tokens.add(files ? fileName(s) : s);
    for (String s : now) if (!before.contains(s)) tokens.add(files ? fileName(s) : s);
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
