package dev.casebook.memo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a stage computed from an input, kept for the next build so an unchanged input is not
 * computed again. Inputs are immutable, so an input that is still the same object (or, for
 * {@link #byValue()}, an equal value) gives the same result. Each run of a stage starts with
 * {@link #begin()}: what the last run used is kept, anything older is dropped, so a memo holds
 * one library's worth of results, never more. Safe to use from several threads within a run.
 */
public final class Memo<K, V> {
  private final boolean identity;
  private volatile Map<Object, V> previous = new ConcurrentHashMap<>();
  private volatile Map<Object, V> current = new ConcurrentHashMap<>();

  private Memo(boolean identity) {
    this.identity = identity;
  }

  /** Keys are the same input object (records compare deeply, which would cost as much as the work). */
  public static <K, V> Memo<K, V> byIdentity() {
    return new Memo<>(true);
  }

  /** Keys are equal values (small keys: a file's path, size and time). */
  public static <K, V> Memo<K, V> byValue() {
    return new Memo<>(false);
  }

  private Object wrap(K key) {
    return identity ? new IdentityKey(key) : key;
  }

  /** Starts a run: the results of the last run are what this one may reuse. */
  public synchronized void begin() {
    if (!current.isEmpty()) {
      previous = current;
      current = new ConcurrentHashMap<>(previous.size());
    }
  }

  /** The result for {@code key}: the last run's, or computed now. */
  public V get(K key, Function<? super K, ? extends V> compute) {
    Object k = wrap(key);
    V value = previous.get(k);
    if (value == null) value = current.get(k);
    if (value == null) value = compute.apply(key);
    current.put(k, value);
    return value;
  }

  /** The last run's result for {@code key}, or null. */
  public V peek(K key) {
    return previous.get(wrap(key));
  }

  /** Computes the result for {@code key} again, whatever the last run had, and keeps it. */
  public V refresh(K key, Function<? super K, ? extends V> compute) {
    V value = compute.apply(key);
    current.put(wrap(key), value);
    return value;
  }

  /** Forgets everything. */
  public synchronized void clear() {
    previous = new ConcurrentHashMap<>();
    current = new ConcurrentHashMap<>();
  }
}
