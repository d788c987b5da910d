package dev.casebook.pipeline;

import java.time.Duration;

/** Told as each stage of a build finishes, for progress on a terminal. */
@FunctionalInterface
public interface BuildProgress {
  /** Nobody is told. */
  BuildProgress NONE = (stage, took) -> {};

  void stageDone(String stage, Duration took);
}
