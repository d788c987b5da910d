package dev.casebook.coach;

/**
 * Text a library's own regular expression is matched against, with a budget of character reads:
 * a pattern that backtracks without end on some input is stopped instead of stopping the build.
 */
final class BoundedText implements CharSequence {
  /** Reads allowed per character of text, plus a floor for short texts. */
  static final long READS_PER_CHAR = 2_000;

  /** The pattern used up its budget. */
  static final class TooSlow extends RuntimeException {
    TooSlow() {
      super(null, null, false, false);
    }
  }

  private final String text;
  private final int from;
  private final int to;
  private final long[] left;

  BoundedText(String text) {
    this(text, 0, text.length(), new long[] {READS_PER_CHAR * text.length() + 100_000});
  }

  private BoundedText(String text, int from, int to, long[] left) {
    this.text = text;
    this.from = from;
    this.to = to;
    this.left = left;
  }

  @Override
  public int length() {
    return to - from;
  }

  @Override
  public char charAt(int index) {
    if (--left[0] < 0) throw new TooSlow();
    return text.charAt(from + index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new BoundedText(text, from + start, from + end, left);
  }

  @Override
  public String toString() {
    return text.substring(from, to);
  }
}
