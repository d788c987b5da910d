package dev.casebook.search;

/**
 * One field value as an index sees it once tokenized and run through the pipeline: its distinct
 * terms in the order they first occur, how often each occurs, and how many tokens it counts for
 * length normalisation. A pure function of the value and the pipeline, so it can be kept for the
 * next build of an index ({@link LunrIndexBuilder#analyze}, {@link LunrIndexBuilder#add(String, java.util.List, double)}).
 */
public record AnalyzedField(String[] terms, int[] frequencies, int length) {
  public AnalyzedField {
    if (terms.length != frequencies.length) throw new IllegalArgumentException("a frequency for each term");
  }

  /** A value with no tokens. */
  public static final AnalyzedField EMPTY = new AnalyzedField(new String[0], new int[0], 0);
}
