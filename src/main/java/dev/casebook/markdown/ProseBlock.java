package dev.casebook.markdown;

/**
 * One block of a body's prose as its author wrote it: a paragraph, a heading or a table cell,
 * with what is not the author's own voice (code spans, link text, inline HTML) each replaced by
 * {@link #HIDDEN}, and the body line and column of every character kept.
 *
 * @param kind what the block is
 * @param level a heading's level, 0 for other blocks
 * @param text the block's text, soft line breaks as spaces
 * @param runs where each character of {@code text} is in the body, as runs of characters that
 *     follow each other on one line: three values a run, its first character's offset in {@code
 *     text}, its body line (1-based) and its column (1-based); offsets ascending, the first 0
 * @param inList whether the block is inside a list item
 * @param section the text of the nearest heading above the block, empty before the first
 */
public record ProseBlock(Kind kind, int level, String text, int[] runs, boolean inList, String section) {
  /** Stands for a code span, a link's text or inline HTML: something the author did not say in their own words. */
  public static final char HIDDEN = '\uFFFC';

  /** What a block is. */
  public enum Kind { PARAGRAPH, HEADING, TABLE_CELL }

  /** The body line of the character at {@code offset} (the last one's when past the end). */
  public int lineAt(int offset) {
    int run = run(offset);
    return run < 0 ? 1 : runs[run + 1];
  }

  /** The column of the character at {@code offset}. */
  public int columnAt(int offset) {
    int run = run(offset);
    return run < 0 ? 1 : runs[run + 2] + Math.max(0, Math.min(offset, text.length() - 1)) - runs[run];
  }

  /** The index in {@code runs} of the run holding {@code offset}, or -1 when there is none. */
  private int run(int offset) {
    if (runs.length == 0 || text.isEmpty()) return -1;
    int at = Math.max(0, Math.min(offset, text.length() - 1));
    int low = 0;
    int high = runs.length / 3 - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (runs[mid * 3] <= at) low = mid;
      else high = mid - 1;
    }
    return low * 3;
  }
}
