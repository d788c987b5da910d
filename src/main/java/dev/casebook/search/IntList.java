package dev.casebook.search;

import java.util.Arrays;

/** A growable list of ints, to keep per-token work free of boxing. */
final class IntList {
  private int[] values;
  private int size;

  IntList(int capacity) {
    values = new int[Math.max(capacity, 1)];
  }

  void add(int value) {
    if (size == values.length) values = Arrays.copyOf(values, size * 2);
    values[size++] = value;
  }

  int get(int i) {
    return values[i];
  }

  int size() {
    return size;
  }

  void increment(int i) {
    values[i]++;
  }

  int last() {
    return values[size - 1];
  }

  void clear() {
    size = 0;
  }

  /** Whether {@code other} holds the same values in the same order. */
  boolean sameAs(IntList other) {
    return other != null && size == other.size && Arrays.equals(values, 0, size, other.values, 0, size);
  }
}
