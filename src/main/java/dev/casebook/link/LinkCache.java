package dev.casebook.link;

import dev.casebook.diag.Diagnostic;
import dev.casebook.model.AssetFile;
import dev.casebook.markdown.RenderedBody;
import dev.casebook.memo.Memo;
import dev.casebook.model.Incident;
import dev.casebook.model.Library;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  /**
   * One body's links; {@code siteLinks} lead straight to paths of the site, {@code media} are the
   * paths of the library's files it links to.
   */
  record Linked(RenderedBody body, List<Citation> citations, List<LinkResolver.Anchor> anchors, List<Diagnostic> diagnostics,
      List<SiteLink> siteLinks, Set<String> media) {}

  /**
   * What the library had that links can name.
   *
   * @param idsByPath each write-up's id by its file's path in the library
   * @param ids the ids of the write-ups in the site
   * @param knownIds the ids of every valid write-up, drafts included
   * @param assets the paths of the other files
   * @param brokenIds the write-ups with errors whose ids are legible (as {@link Library#brokenIds})
   */
  record Names(Map<String, String> idsByPath, Set<String> ids, Set<String> knownIds, Set<String> assets,
      Map<String, dev.casebook.model.BrokenWriteUp> brokenIds) {}

  /** The citations a write-up makes (its related ids and its links), as linked against some names. */
  private record Own(Linked linked, Names names, List<Citation> citations) {}

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  final Memo<Incident, Linked> incidents = Memo.byIdentity();
  /**
   * What decides a design document's or reading path's body as linked, besides the library's
   * names: who cites (its key and page) and its source. Its body is compared by value, which costs
   * nothing when the file was not read again (the same string).
   */
  private record Other(String key, String page, boolean design, String path, int bodyLine, String body) {}

  private final Memo<Other, Linked> others = Memo.byValue();
  private final Memo<Incident, Own> own = Memo.byIdentity();
  private Names names;
  /** What {@link #names} were made from. */
  private List<Incident> namedIncidents = List.of();
  private List<AssetFile> namedAssets;
  private Set<String> namedKnownIds;
  private Map<String, dev.casebook.model.BrokenWriteUp> namedBroken;
  private List<List<Citation>> graphParts = List.of();
  /** The write-ups of this run that must be linked again because names they may use came or went. */
  private Set<Incident> stale = Set.of();
  private boolean relinkAll;
  private boolean namesChanged;

  public static LinkCache none() {
    return new LinkCache();
  }

  /**
   * The names of {@code library}: the last run's while every write-up has the same id and file
   * and the same ids and other files exist (so that comparing them costs nothing after an edit).
   */
  synchronized Names names(Library library) {
    if (names != null && library.knownIds() == namedKnownIds && library.assets() == namedAssets
        && library.brokenIds() == namedBroken && samePlaces(namedIncidents, library.incidents())) {
      namedIncidents = library.incidents();
      return names;
    }
    Map<String, String> idsByPath = new HashMap<>();
    for (Incident i : library.incidents()) idsByPath.put(i.source().path(), i.id());
    Set<String> assets = new HashSet<>();
    for (AssetFile a : library.assets()) assets.add(a.path());
    namedIncidents = library.incidents();
    namedAssets = library.assets();
    namedKnownIds = library.knownIds();
    namedBroken = library.brokenIds();
    return new Names(Map.copyOf(idsByPath), Set.copyOf(idsByPath.values()), library.knownIds(), Set.copyOf(assets),
        library.brokenIds());
  }

  private static boolean samePlaces(List<Incident> before, List<Incident> now) {
    if (before.size() != now.size()) return false;
    for (int n = 0; n < now.size(); n++) {
      Incident a = before.get(n);
      Incident b = now.get(n);
      if (a != b && !(a.id().equals(b.id()) && a.source().path().equals(b.source().path()))) return false;
    }
    return true;
  }

  /** Starts a run over {@code incidents}, whose library has {@code now} (from {@link #names}). */
  void begin(List<Incident> all, Names now) {
    incidents.begin();
    others.begin();
    own.begin();
    stale = Set.of();
    relinkAll = false;
    Names before = names;
    names = now;
    namesChanged = before != null && before != now && !before.equals(now);
    if (before != now) own.clear();
    if (!namesChanged) return;
    Set<String> tokens = new HashSet<>();
    changedNames(before.idsByPath().keySet(), now.idsByPath().keySet(), tokens, true);
    changedNames(before.assets(), now.assets(), tokens, true);
    changedNames(before.ids(), now.ids(), tokens, false);
    changedNames(before.knownIds(), now.knownIds(), tokens, false);
    // A write-up with errors that came, went or moved its error: the write-ups citing it say where.
    for (var e : before.brokenIds().entrySet()) {
      if (!e.getValue().equals(now.brokenIds().get(e.getKey()))) tokens.add(e.getValue().id());
    }
    for (var e : now.brokenIds().entrySet()) {
      if (!e.getValue().equals(before.brokenIds().get(e.getKey()))) tokens.add(e.getValue().id());
    }
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

  /**
   * A design document's or reading path's body as linked: the last run's while its source is the
   * same and no name that links use came or went (then all of them are linked again).
   */
  Linked other(String key, String page, boolean design, dev.casebook.model.Incident.Source source,
      java.util.function.Supplier<Linked> link) {
    Other k = new Other(key, page, design, source.path(), source.bodyLine(), source.body());
    return namesChanged || relinkAll ? others.refresh(k, x -> link.get()) : others.get(k, x -> link.get());
  }

  /**
   * The citations {@code incident} makes, from its {@code linked} body and its related ids: the
   * last run's list while both are the same.
   */
  List<Citation> citations(Incident incident, Linked linked, java.util.function.Supplier<List<Citation>> compute) {
    Own last = own.peek(incident);
    Own now = last != null && last.linked() == linked && last.names() == names ? last : new Own(linked, names, compute.get());
    return own.get(incident, i -> now).citations();
  }

  /**
   * The citation graph of {@code parts} (each write-up's, design document's and the code's
   * citations, in order): the last one while every part is the same.
   */
  synchronized CitationGraph graph(List<List<Citation>> parts) {
    if (graph == null || !sameParts(graphParts, parts)) {
      List<Citation> all = new ArrayList<>();
      for (List<Citation> part : parts) all.addAll(part);
      graph = new CitationGraph(all);
    }
    graphParts = parts;
    return graph;
  }

  private static boolean sameParts(List<List<Citation>> before, List<List<Citation>> now) {
    if (before.size() != now.size()) return false;
    for (int n = 0; n < now.size(); n++) if (before.get(n) != now.get(n) && !before.get(n).equals(now.get(n))) return false;
    return true;
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
