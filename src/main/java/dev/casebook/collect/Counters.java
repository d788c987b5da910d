package dev.casebook.collect;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the collector did, by name: {@code accepted} (answered 2xx), {@code stored} (new rows
 * committed), {@code duplicates}, and {@code refused.REASON} for every event turned away, so that
 * nothing is dropped without being counted.
 */
public final class Counters {
  private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

  public void add(String name, long n) {
    counts.computeIfAbsent(name, k -> new LongAdder()).add(n);
  }

  public void increment(String name) {
    add(name, 1);
  }

  public void refused(String reason) {
    increment("refused." + reason);
  }

  public long get(String name) {
    LongAdder a = counts.get(name);
    return a == null ? 0 : a.sum();
  }

  /** Every counter, sorted by name. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
