package dev.casebook.render;

import dev.casebook.model.Incident;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What to read after a write-up: the write-ups that cite it, those it cites, and those most alike
 * by services, tags and the words of their titles and summaries, each with its reason.
 *
 * <p>Likeness is found through inverted lists (the write-ups of each service, tag and word), never
 * by comparing every pair: a write-up's candidates are at most {@link #CANDIDATES_PER_TERM} of
 * each of its terms' lists, and a word in more than {@link #COMMON_WORD} write-ups says nothing.
 * Ties go to the smaller id, so the picks do not depend on the order anything was computed in.
 */
final class ReadNext {
  /** How many write-ups "Read next" shows at most. */
  static final int MAX = 6;
  /** How many citing and how many cited write-ups come first, before the alike ones. */
  static final int CITATIONS_FIRST = 2;
  static final int CANDIDATES_PER_TERM = 100;
  static final int COMMON_WORD = 50;
  static final int WORDS = 12;
  private static final int SERVICE_WEIGHT = 3;
  private static final int TAG_WEIGHT = 2;
  private static final int WORD_WEIGHT = 1;
  /** Below this, two write-ups share too little to be called alike (one word is not enough). */
  private static final int ALIKE = 2;
  private static final int NAMES_IN_REASON = 2;

  private static final Set<String> STOP = Set.of("about", "after", "also", "because", "been", "before", "being", "both",
      "could", "does", "down", "during", "each", "from", "have", "into", "more", "most", "much", "only", "other", "over",
      "same", "some", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those", "through",
      "under", "until", "very", "were", "what", "when", "where", "which", "while", "with", "without", "would", "your");

  private static final java.util.regex.Pattern NOT_A_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{Nd}]+");

  private ReadNext() {}

  /** A pick and the reason it is there, in a few words. */
  record Pick(String id, String reason) {}

  /** The terms a write-up is found by: its services, tags and words, as its page names them. */
  record Terms(List<String> services, List<String> tags, List<String> words) {
    static Terms of(Incident i) {
      return new Terms(i.services(), i.tags(), ReadNext.words(i.title() + " " + i.summary()));
    }
  }

  static String serviceKey(String name) {
    return "s:" + name.toLowerCase(Locale.ROOT);
  }

  static String tagKey(String name) {
    return "t:" + name.toLowerCase(Locale.ROOT);
  }

  static String wordKey(String word) {
    return "w:" + word;
  }

  /** The distinct words of a text that can tell write-ups apart: letters and digits, four or more, in order, at most {@link #WORDS}. */
  static List<String> words(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (w.length() >= 4 && w.length() <= 40 && !STOP.contains(w) && !w.chars().allMatch(Character::isDigit)) out.add(w);
      if (out.size() == WORDS) break;
    }
    return List.copyOf(out);
  }

  /**
   * Every term's write-ups, in the library's order: the inverted lists likeness is found through.
   * Each list holds only what {@link #pick} reads of it, so that a page that read a list is made
   * again only when that part changed: the first {@link #CANDIDATES_PER_TERM} write-ups, and none
   * for a word in more than {@link #COMMON_WORD}.
   *
   * @param terms each write-up's terms by id, in the library's order
   */
  static Map<String, List<String>> postings(Map<String, Terms> terms) {
    return TermLists.of(terms).postings();
  }

  /** The keys of a write-up's terms in its inverted lists, each once. */
  private static Set<String> keys(Terms t) {
    Set<String> keys = new LinkedHashSet<>();
    t.services().forEach(s -> keys.add(serviceKey(s)));
    t.tags().forEach(s -> keys.add(tagKey(s)));
    t.words().forEach(s -> keys.add(wordKey(s)));
    return keys;
  }

  /** What {@link #postings} keeps of a term's whole list. */
  private static List<String> cut(String key, List<String> all) {
    if (key.startsWith("w:") && all.size() > COMMON_WORD) return List.of();
    return List.copyOf(all.size() <= CANDIDATES_PER_TERM ? all : all.subList(0, CANDIDATES_PER_TERM));
  }

  /**
   * Every term's whole list of write-ups, in the library's order, and the {@link #postings} cut
   * from them. When some write-ups' terms change and the library's order does not (an edited
   * title, summary, tags or services), {@link #with} makes the next lists from these, touching only
   * the lists of the terms that were added or taken away.
   */
  static final class TermLists {
    private final Map<String, Terms> terms;
    private final Map<String, Integer> order;
    private final Map<String, List<String>> all;
    private final Map<String, List<String>> postings;

    private TermLists(Map<String, Terms> terms, Map<String, Integer> order, Map<String, List<String>> all,
        Map<String, List<String>> postings) {
      this.terms = terms;
      this.order = order;
      this.all = all;
      this.postings = postings;
    }

    /** The lists of {@code terms}: each write-up's terms by id, in the library's order (a map no one changes after). */
    static TermLists of(Map<String, Terms> terms) {
      Map<String, Integer> order = new HashMap<>(terms.size() * 2);
      Map<String, List<String>> all = new HashMap<>();
      for (Map.Entry<String, Terms> e : terms.entrySet()) {
        order.put(e.getKey(), order.size());
        for (String k : keys(e.getValue())) all.computeIfAbsent(k, x -> new ArrayList<>()).add(e.getKey());
      }
      Map<String, List<String>> postings = new HashMap<>(all.size() * 2);
      all.forEach((k, v) -> postings.put(k, cut(k, v)));
      return new TermLists(terms, order, all, postings);
    }

    /** The inverted lists that "Read next" reads: see {@link ReadNext#postings}. */
    Map<String, List<String>> postings() {
      return postings;
    }

    /**
     * The lists of {@code next}: made from these when it holds the same write-ups in the same
     * order, else afresh. These lists stay as they are.
     */
    TermLists with(Map<String, Terms> next) {
      if (next.size() != terms.size()) return of(next);
      int at = 0;
      Map<String, Set<String>> removed = new HashMap<>();
      Map<String, Set<String>> added = new HashMap<>();
      for (Map.Entry<String, Terms> e : next.entrySet()) {
        Integer was = order.get(e.getKey());
        if (was == null || was != at++) return of(next);
        Terms before = terms.get(e.getKey());
        if (before == e.getValue() || before.equals(e.getValue())) continue;
        Set<String> old = keys(before);
        Set<String> now = keys(e.getValue());
        for (String k : old) if (!now.contains(k)) removed.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(e.getKey());
        for (String k : now) if (!old.contains(k)) added.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(e.getKey());
      }
      if (removed.isEmpty() && added.isEmpty()) return new TermLists(next, order, all, postings);
      Map<String, List<String>> nextAll = new HashMap<>(all);
      Map<String, List<String>> nextPostings = new HashMap<>(postings);
      Set<String> touched = new java.util.HashSet<>(removed.keySet());
      touched.addAll(added.keySet());
      for (String k : touched) {
        Set<String> out = removed.getOrDefault(k, Set.of());
        Set<String> in = added.getOrDefault(k, Set.of());
        List<String> list = new ArrayList<>(all.getOrDefault(k, List.of()).size() + in.size());
        for (String id : all.getOrDefault(k, List.of())) if (!out.contains(id)) list.add(id);
        list.addAll(in);
        list.sort(java.util.Comparator.comparingInt(order::get));
        if (list.isEmpty()) {
          nextAll.remove(k);
          nextPostings.remove(k);
        } else {
          nextAll.put(k, list);
          nextPostings.put(k, cut(k, list));
        }
      }
      return new TermLists(next, order, nextAll, nextPostings);
    }
  }

  /**
   * The picks for write-up {@code self}.
   *
   * @param citing the write-ups that cite it, in the library's order
   * @param cited the write-ups it cites, in the order it cites them
   * @param postings a term's inverted list (empty for none)
   * @param shown whether a write-up is in the site
   */
  static List<Pick> pick(String self, Terms terms, List<String> citing, List<String> cited,
      Function<String, List<String>> postings, Predicate<String> shown) {
    Map<String, Pick> picks = new LinkedHashMap<>();
    List<String> moreCiting = add(picks, self, citing, "cites this", CITATIONS_FIRST, shown);
    List<String> moreCited = add(picks, self, cited, "cited here", CITATIONS_FIRST, shown);
    for (Pick p : alike(self, terms, postings)) {
      if (picks.size() >= MAX) break;
      if (!picks.containsKey(p.id()) && shown.test(p.id())) picks.put(p.id(), p);
    }
    add(picks, self, moreCiting, "cites this", MAX, shown);
    add(picks, self, moreCited, "cited here", MAX, shown);
    return List.copyOf(picks.values());
  }

  /** Adds up to {@code limit} of {@code ids} (while there is room); returns those not looked at. */
  private static List<String> add(Map<String, Pick> picks, String self, List<String> ids, String reason, int limit,
      Predicate<String> shown) {
    int added = 0;
    int n = 0;
    for (; n < ids.size() && added < limit && picks.size() < MAX; n++) {
      String id = ids.get(n);
      if (id.equals(self) || picks.containsKey(id) || !shown.test(id)) continue;
      picks.put(id, new Pick(id, reason));
      added++;
    }
    return ids.subList(n, ids.size());
  }

  /** One of the shown write-up's terms: its kind (0 service, 1 tag, 2 word) and its name. */
  private record Term(int kind, String name, int weight) {}

  /**
   * A write-up alike to the one being shown: its score, and which of the shown one's terms it
   * shares as bits of {@code shared} (the first 64 terms; enough for any reason shown).
   */
  private static final class Candidate {
    final String id;
    int score;
    long shared;

    Candidate(String id) {
      this.id = id;
    }

    String reason(List<Term> terms) {
      List<List<String>> byKind = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (int n = 0; n < Math.min(64, terms.size()); n++) {
        if ((shared & (1L << n)) != 0) byKind.get(terms.get(n).kind()).add(terms.get(n).name());
      }
      List<String> services = byKind.get(0);
      List<String> tags = byKind.get(1);
      List<String> parts = new ArrayList<>();
      if (!services.isEmpty()) parts.add((services.size() == 1 ? "same service: " : "same services: ") + names(services));
      if (!tags.isEmpty()) parts.add("also tagged " + names(tags));
      if (parts.isEmpty()) parts.add("also about " + names(byKind.get(2)));
      return String.join("; ", parts);
    }

    private static String names(List<String> names) {
      String shown = String.join(", ", names.subList(0, Math.min(NAMES_IN_REASON, names.size())));
      return names.size() > NAMES_IN_REASON ? shown + "…" : shown;
    }
  }

  /** The shown write-up's terms in the order reasons name them: services, tags, words. */
  private static List<Term> termsOf(Terms terms) {
    List<Term> out = new ArrayList<>();
    for (String s : new LinkedHashSet<>(terms.services())) out.add(new Term(0, s, SERVICE_WEIGHT));
    for (String t : new LinkedHashSet<>(terms.tags())) out.add(new Term(1, t, TAG_WEIGHT));
    for (String w : terms.words()) out.add(new Term(2, w, WORD_WEIGHT));
    return out;
  }

  private static String key(Term t) {
    return switch (t.kind()) {
      case 0 -> serviceKey(t.name());
      case 1 -> tagKey(t.name());
      default -> wordKey(t.name());
    };
  }

  /** The write-ups alike to {@code self} with their reasons, most alike first, ties by id. */
  private static List<Pick> alike(String self, Terms own, Function<String, List<String>> postings) {
    List<Term> terms = termsOf(own);
    Map<String, Candidate> found = new HashMap<>();
    for (int n = 0; n < terms.size(); n++) {
      Term t = terms.get(n);
      List<String> ids = postings.apply(key(t));
      if (t.kind() == 2 && ids.size() > COMMON_WORD) continue;
      long bit = n < 64 ? 1L << n : 0;
      int seen = 0;
      for (String id : ids) {
        if (seen++ >= CANDIDATES_PER_TERM) break;
        if (id.equals(self)) continue;
        Candidate c = found.computeIfAbsent(id, Candidate::new);
        c.score += t.weight();
        c.shared |= bit;
      }
    }
    // The best 2 × MAX by a bounded heap whose head is the worst kept: linear in the candidates,
    // where sorting them all cost more than the rest of the plan.
    int keep = 2 * MAX;
    PriorityQueue<Candidate> best = new PriorityQueue<>(keep + 1, MOST_ALIKE.reversed());
    for (Candidate c : found.values()) {
      if (c.score < ALIKE) continue;
      if (best.size() < keep) {
        best.add(c);
      } else if (MOST_ALIKE.compare(c, best.peek()) < 0) {
        best.poll();
        best.add(c);
      }
    }
    List<Candidate> ordered = new ArrayList<>(best);
    ordered.sort(MOST_ALIKE);
    return ordered.stream().map(c -> new Pick(c.id, c.reason(terms))).toList();
  }

  /** Most alike first; ties by id. */
  private static final Comparator<Candidate> MOST_ALIKE = (a, b) ->
      a.score != b.score ? Integer.compare(b.score, a.score) : a.id.compareTo(b.id);
}
