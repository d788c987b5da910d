package dev.casebook.markdown;

/**
 * One block of a body's prose as its author wrote it: a paragraph, a heading or a table cell,
 * with what is not the author's own voice (code spans, link text, inline HTML) each replaced by
 * {@link #HIDDEN}, and the body line and column of every character kept.
 *
 * @param kind what the block is
 * @param level a heading's level, 0 for other blocks
 * @param text the block's text, soft line breaks as spaces
 * @param lines the body line (1-based) of each character of {@code text}
 * @param columns the column (1-based) of each character of {@code text}
 * @param inList whether the block is inside a list item
 * @param section the text of the nearest heading above the block, empty before the first
 */
public record ProseBlock(Kind kind, int level, String text, int[] lines, int[] columns, boolean inList, String section) {
  /** Stands for a code span, a link's text or inline HTML: something the author did not say in their own words. */
  public static final char HIDDEN = '\uFFFC';

  /** What a block is. */
  public enum Kind { PARAGRAPH, HEADING, TABLE_CELL }

  /** The body line of the character at {@code offset} (the last one's when past the end). */
  public int lineAt(int offset) {
    return lines.length == 0 ? 1 : lines[Math.max(0, Math.min(offset, lines.length - 1))];
  }

  /** The column of the character at {@code offset}. */
  public int columnAt(int offset) {
    return columns.length == 0 ? 1 : columns[Math.max(0, Math.min(offset, columns.length - 1))];
  }
}
