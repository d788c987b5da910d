package dev.casebook.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the code stage found: each write-up's {@code code} references with their links, and the
 * comments in the scanned repositories that cite write-ups.
 */
public final class CodeFindings {
  public static final CodeFindings NONE = new CodeFindings(Map.of(), List.of());

  private final Map<String, List<PinnedReference>> references;
  private final List<CodeCitation> citations;
  private final Map<String, List<CodeCitation>> byId = new HashMap<>();

  /**
   * @param references by write-up id, in the order written
   * @param citations sorted by repository (in {@code casebook.yml} order), path and line
   */
  public CodeFindings(Map<String, List<PinnedReference>> references, List<CodeCitation> citations) {
    this.references = Map.copyOf(references);
    this.citations = List.copyOf(citations);
    for (CodeCitation c : this.citations) byId.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(c);
  }

  /** Every write-up's references, by id. */
  public Map<String, List<PinnedReference>> references() {
    return references;
  }

  public List<PinnedReference> referencesOf(String id) {
    return references.getOrDefault(id, List.of());
  }

  /** Every comment that cites a write-up, in scan order. */
  public List<CodeCitation> citations() {
    return citations;
  }

  /** The comments that cite write-up {@code id}, in scan order. */
  public List<CodeCitation> citing(String id) {
    return byId.getOrDefault(id, List.of());
  }
}
