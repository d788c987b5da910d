package dev.casebook.memo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values computed from {@link Input}s, kept from one run to the next. While a value is computed,
 * every input it reads is recorded; in the next run it is reused when none of those inputs changed,
 * and computed again otherwise. A derived value read while computing another one passes its reads
 * on, so the outer value depends on them too. The computation must read the library only through
 * inputs: what it reads is then what it depends on, by construction.
 *
 * <p>Each run starts with {@link #begin()} after its inputs were given their values; what the last
 * run computed is what this one may reuse, and anything older is dropped. Inputs and the derived
 * values computed from them must start their runs together.
 */
public final class Derived<K, V> {
  /** A read of one key (or all keys) of one input. */
  private record Read(Input<?, ?> input, Object key) {
    boolean changed() {
      return input.changed(key);
    }
  }

  private record Entry<V>(V value, List<Read> reads) {}

  private static final ThreadLocal<Deque<Set<Read>>> READING = ThreadLocal.withInitial(ArrayDeque::new);

  private final boolean keepEqual;
  private volatile Map<K, Entry<V>> last = new ConcurrentHashMap<>();
  private volatile Map<K, Entry<V>> current = new ConcurrentHashMap<>();

  private Derived(boolean keepEqual) {
    this.keepEqual = keepEqual;
  }

  /** Values computed again are the new ones. */
  public static <K, V> Derived<K, V> of() {
    return new Derived<>(false);
  }

  /**
   * A value computed again that equals the last run's is the last run's object, so that what reads
   * it by identity (an {@link Input#byIdentity} of these values, say) sees no change.
   */
  public static <K, V> Derived<K, V> keepingEqual() {
    return new Derived<>(true);
  }

  /**
   * Starts a run, after its inputs were set. Only the last run's values may be reused: an input's
   * changes are known from one run to the next, so a value from an older run could have missed some.
   */
  public synchronized void begin() {
    last = current;
    current = new ConcurrentHashMap<>(Math.max(16, last.size() * 2));
  }

  /** Forgets everything. */
  public synchronized void clear() {
    last = new ConcurrentHashMap<>();
    current = new ConcurrentHashMap<>();
  }

  /** The value for {@code key}: the last run's when nothing it read changed, else {@code compute}'s. */
  public V get(K key, Function<? super K, ? extends V> compute) {
    Entry<V> entry = current.get(key);
    if (entry == null) {
      Entry<V> before = last.get(key);
      if (before != null && unchanged(before.reads())) {
        entry = before;
      } else {
        Deque<Set<Read>> stack = READING.get();
        stack.push(new LinkedHashSet<>());
        V value;
        List<Read> reads;
        try {
          value = compute.apply(key);
        } finally {
          reads = List.copyOf(stack.pop());
        }
        if (keepEqual && before != null && java.util.Objects.equals(before.value(), value)) value = before.value();
        entry = new Entry<>(value, reads);
      }
      current.put(key, entry);
    }
    Set<Read> outer = READING.get().peek();
    if (outer != null) outer.addAll(entry.reads());
    return entry.value();
  }

  private static boolean unchanged(List<Read> reads) {
    for (int i = 0, n = reads.size(); i < n; i++) if (reads.get(i).changed()) return false;
    return true;
  }

  /** Whether the last {@link #get} of {@code key} in this run reused the last run's value: for tests. */
  boolean reused(K key) {
    Entry<V> now = current.get(key);
    return now != null && now == last.get(key);
  }

  static void read(Input<?, ?> input, Object key) {
    Set<Read> reading = READING.get().peek();
    if (reading != null) reading.add(new Read(input, key));
  }

  /** The inputs read for {@code key} in this run, by name: for tests and diagnostics. */
  List<String> reads(K key) {
    Entry<V> e = current.get(key);
    List<String> out = new ArrayList<>();
    if (e != null) for (Read r : e.reads()) out.add(r.input() + ":" + r.key());
    return out;
  }
}
