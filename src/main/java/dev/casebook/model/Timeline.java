package dev.casebook.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The four moments of an incident that durations are derived from; any may be unknown (null). */
public record Timeline(Instant started, Instant detected, Instant mitigated, Instant resolved) {

  public static final Timeline EMPTY = new Timeline(null, null, null, null);

  /** Detected minus started. */
  public Optional<Duration> timeToDetect() {
    return between(started, detected);
  }

  /** Mitigated minus started. */
  public Optional<Duration> timeToMitigate() {
    return between(started, mitigated);
  }

  /** Resolved minus started. */
  public Optional<Duration> duration() {
    return between(started, resolved);
  }

  private static Optional<Duration> between(Instant from, Instant to) {
    return from == null || to == null ? Optional.empty() : Optional.of(Duration.between(from, to));
  }
}
