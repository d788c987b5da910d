package dev.casebook.build;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Measures how long each stage of a build takes. */
final class StageTimer {
  private final Map<String, Duration> timings = new LinkedHashMap<>();
  private long start = System.nanoTime();

  void lap(String stage) {
    long now = System.nanoTime();
    timings.put(stage, Duration.ofNanos(now - start));
    start = now;
  }

  /** The stages in the order they ran. */
  java.util.List<Map.Entry<String, Duration>> timings() {
    return java.util.List.copyOf(timings.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
  }
}
