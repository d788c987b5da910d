package dev.casebook.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Measures how long each stage of a build takes. */
final class StageTimer {
  private final Map<String, Duration> timings = new LinkedHashMap<>();
  private final BuildProgress progress;
  private long start = System.nanoTime();

  StageTimer() {
    this(BuildProgress.NONE);
  }

  StageTimer(BuildProgress progress) {
    this.progress = progress;
  }

  void lap(String stage) {
    long now = System.nanoTime();
    Duration took = Duration.ofNanos(now - start);
    timings.put(stage, took);
    start = now;
    progress.stageDone(stage, took);
  }

  /** The stages in the order they ran. */
  java.util.List<Map.Entry<String, Duration>> timings() {
    return java.util.List.copyOf(timings.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
  }
}
