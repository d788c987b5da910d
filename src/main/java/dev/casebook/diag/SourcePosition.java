package dev.casebook.diag;

/**
 * A place in a library file. {@code file} is relative to the library root with {@code /}
 * separators; {@code line} and {@code column} are 1-based, 0 when unknown.
 */
public record SourcePosition(String file, int line, int column) implements Comparable<SourcePosition> {

  public static SourcePosition of(String file) {
    return new SourcePosition(file, 0, 0);
  }

  public static SourcePosition at(String file, int line) {
    return new SourcePosition(file, line, 0);
  }

  @Override
  public int compareTo(SourcePosition o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  /** {@code file:line:col}, leaving out the parts that are unknown. */
  @Override
  public String toString() {
    if (line <= 0) return file;
    return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
