package dev.casebook.link;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who cites whom among the write-ups, in both directions. Ids are as written in front matter. */
public final class CitationGraph {
  private final List<Citation> citations;
  private final Map<String, Set<String>> citedBy = new LinkedHashMap<>();
  private final Map<String, Set<String>> cites = new LinkedHashMap<>();
  private final Map<String, List<Citation>> byTarget = new java.util.HashMap<>();
  private final Map<String, List<String>> citesInOrder = new java.util.concurrent.ConcurrentHashMap<>();

  public CitationGraph(List<Citation> citations) {
    this.citations = List.copyOf(citations);
    for (Citation c : this.citations) {
      cites.computeIfAbsent(c.from(), k -> new LinkedHashSet<>()).add(c.to());
      citedBy.computeIfAbsent(c.to(), k -> new LinkedHashSet<>()).add(c.from());
      byTarget.computeIfAbsent(c.to(), k -> new ArrayList<>()).add(c);
    }
  }

  public List<Citation> citations() {
    return citations;
  }

  /** Ids of the write-ups that cite {@code id}. */
  public Set<String> citedBy(String id) {
    return Collections.unmodifiableSet(citedBy.getOrDefault(id, Set.of()));
  }

  /** Ids of the write-ups that {@code id} cites. */
  public Set<String> cites(String id) {
    return Collections.unmodifiableSet(cites.getOrDefault(id, Set.of()));
  }

  /** Ids of the write-ups that {@code id} cites, in the order it first cites them: the same list object on every call. */
  public List<String> citesInOrder(String id) {
    return citesInOrder.computeIfAbsent(id, from -> List.copyOf(cites.getOrDefault(from, Set.of())));
  }

  /**
   * One citation of {@code id} per write-up that cites it, in library order: the first one that
   * has a sentence to show, else the first.
   */
  public List<Citation> citing(String id) {
    return citing.computeIfAbsent(id, target -> {
      Map<String, Citation> best = new LinkedHashMap<>();
      for (Citation c : byTarget.getOrDefault(target, List.of())) {
        Citation seen = best.get(c.from());
        if (seen == null || (seen.context().isEmpty() && !c.context().isEmpty())) best.put(c.from(), c);
      }
      return List.copyOf(best.values());
    });
  }

  private final Map<String, List<Citation>> citing = new java.util.concurrent.ConcurrentHashMap<>();
}
