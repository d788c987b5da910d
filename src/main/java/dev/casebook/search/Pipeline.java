package dev.casebook.search;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of lunr's built-in pipeline functions. lunr's default build pipeline is trimmer,
 * stop word filter, stemmer; its default search pipeline, the one serialized with the index and
 * run by the browser on query terms, is the stemmer alone. Only the stop word filter ever drops a
 * token: the trimmer keeps tokens it trims to nothing, so lunr indexes the empty term.
 */
public final class Pipeline {

  /** A built-in lunr pipeline function, with the name lunr registers it under. */
  public enum Step {
    TRIMMER("trimmer"),
    STOP_WORD_FILTER("stopWordFilter"),
    STEMMER("stemmer");

    private final String lunrName;

    Step(String lunrName) {
      this.lunrName = lunrName;
    }

    /** The name in a serialized index's {@code pipeline}. */
    public String lunrName() {
      return lunrName;
    }

    /** The token after this step, or null if the step drops it. */
    public String apply(String token) {
      return switch (this) {
        case TRIMMER -> Trimmer.trim(token);
        case STOP_WORD_FILTER -> StopWordFilter.isStopWord(token) ? null : token;
        case STEMMER -> PorterStemmer.stem(token);
      };
    }
  }

  /** lunr's build pipeline, one instance shared by every builder so that they share its memo. */
  private static final Pipeline LUNR_BUILD = new Pipeline(List.of(Step.TRIMMER, Step.STOP_WORD_FILTER, Step.STEMMER));
  /** How many tokens a pipeline remembers: more than a library's vocabulary, yet bounded. */
  static final int MEMO_LIMIT = 200_000;
  private static final String DROPPED = new String("(dropped)");

  private final List<Step> steps;
  /**
   * What tokens became: the steps are pure functions and words follow Zipf's law, so the same
   * tokens come back in every index and shard built with this pipeline.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, String> memo = new java.util.concurrent.ConcurrentHashMap<>();

  private Pipeline(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** A pipeline running {@code steps} in order. */
  public static Pipeline of(Step... steps) {
    return new Pipeline(List.of(steps));
  }

  /** What {@code lunr()} indexes with: trimmer, stop word filter, stemmer. */
  public static Pipeline lunrBuild() {
    return LUNR_BUILD;
  }

  /** What {@code lunr()} serializes for searching: the stemmer. */
  public static Pipeline lunrSearch() {
    return of(Step.STEMMER);
  }

  /** The term {@code token} becomes, or null if it is dropped. */
  public String run(String token) {
    String known = memo.get(token);
    if (known != null) return known == DROPPED ? null : known;
    String term = apply(token);
    if (memo.size() < MEMO_LIMIT) memo.put(token, term == null ? DROPPED : term);
    return term;
  }

  /** {@link #run} without the memo. */
  String apply(String token) {
    String term = token;
    for (Step step : steps) {
      term = step.apply(term);
      if (term == null) return null;
    }
    return term;
  }

  /** The steps in order. */
  public List<Step> steps() {
    return steps;
  }

  /** The registered names of the steps, as serialized in an index. */
  public List<String> names() {
    List<String> names = new ArrayList<>(steps.size());
    for (Step step : steps) names.add(step.lunrName());
    return names;
  }
}
