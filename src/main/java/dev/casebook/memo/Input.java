package dev.casebook.memo;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One kind of input that {@link Derived} values are computed from: values by key, given anew at
 * the start of each run. Given them, it finds the keys whose value changed since the last run (a
 * different object, or for {@link #byValue} an unequal one; a key that came or went changed too).
 * A read inside {@link Derived#get} is recorded, so that a derived value is computed again exactly
 * when a value it read changed: no list of what it depends on is kept by hand.
 */
public final class Input<K, V> {
  /** The key of a read of every value at once. */
  private static final Object ALL = new Object();

  private final String name;
  private final boolean byValue;
  private Map<K, V> values = Map.of();
  /** The keys that changed in this run: replaced whole by {@link #set}, read without a lock. */
  private volatile Set<Object> changed = Set.of();

  private Input(String name, boolean byValue) {
    this.name = name;
    this.byValue = byValue;
  }

  /** Values that stay the same object while unchanged (views, rendered bodies). */
  public static <K, V> Input<K, V> byIdentity(String name) {
    return new Input<>(name, false);
  }

  /** Values compared with {@code equals} (small records and lists made anew each run). */
  public static <K, V> Input<K, V> byValue(String name) {
    return new Input<>(name, true);
  }

  /**
   * Starts a run: these are the values now. The input keeps {@code now} as it is, so it must not
   * change afterwards.
   */
  public synchronized void set(Map<K, V> now) {
    if (now == values) { // the same values: nothing changed, and nothing need be compared
      changed = Set.of();
      return;
    }
    Set<Object> differ = new HashSet<>();
    int kept = 0;
    for (Map.Entry<K, V> e : now.entrySet()) {
      V before = values.get(e.getKey());
      boolean had = before != null || values.containsKey(e.getKey());
      if (had) kept++;
      if (!had || !same(before, e.getValue())) differ.add(e.getKey());
    }
    if (kept < values.size()) for (K key : values.keySet()) if (!now.containsKey(key)) differ.add(key);
    if (!differ.isEmpty()) differ.add(ALL);
    values = now;
    changed = differ;
  }

  private boolean same(V a, V b) {
    return byValue ? Objects.equals(a, b) : a == b;
  }

  /** The value of {@code key} in this run, or null; recorded as read. */
  public V get(K key) {
    Derived.read(this, key);
    return values.get(key);
  }

  /** Every value of this run; recorded as a read of all of them. */
  public Map<K, V> all() {
    Derived.read(this, ALL);
    return java.util.Collections.unmodifiableMap(values);
  }

  /** Whether the value of {@code key} (or any value, for a read of all) changed in this run. */
  boolean changed(Object key) {
    Set<Object> now = changed;
    return !now.isEmpty() && now.contains(key);
  }

  @Override
  public String toString() {
    return "Input[" + name + "]";
  }
}
