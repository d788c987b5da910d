package com.larkspur.payments;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The payment provider settings payments-api reads from the runtime config service. */
public final class ProviderSettings {
  /** Never shorter than this, whatever the config says: a card authorisation takes seconds. */
  static final Duration MIN_AUTHORISATION_TIMEOUT = Duration.ofSeconds(2);

  private final Duration authorisationTimeout;
  private final int maxAttempts;

  private ProviderSettings(Duration authorisationTimeout, int maxAttempts) {
    this.authorisationTimeout = authorisationTimeout;
    this.maxAttempts = maxAttempts;
  }

  /**
   * Reads the timeout as an ISO-8601 duration ("PT30S") or with a unit ("30s", "1500ms").
   * A bare number is refused: INC-2025-002 began when "30s" became 30 and was read as milliseconds.
   */
  static Duration parseTimeout(String value) {
    String v = value.strip();
    if (v.matches("\\d+")) {
      throw new IllegalArgumentException("timeout '" + v + "' has no unit; write 30s or PT30S");
    }
    if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
    if (v.endsWith("s")) return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
    try {
      return Duration.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("timeout '" + v + "' is not a duration", e);
    }
  }

  static ProviderSettings of(String timeout, int maxAttempts) {
    Duration parsed = parseTimeout(timeout);
    if (parsed.compareTo(MIN_AUTHORISATION_TIMEOUT) < 0) {
      // Refuse to start rather than time out every authorisation (see INC-2025-002).
      throw new IllegalArgumentException("authorisation timeout " + parsed + " is below " + MIN_AUTHORISATION_TIMEOUT);
    }
    // Retries stay bounded: unbounded retries against a struggling provider got us rate-limited
    // in INC-2024-017, and the same holds for card providers.
    return new ProviderSettings(parsed, Math.min(maxAttempts, 3));
  }

  Duration authorisationTimeout() {
    return authorisationTimeout;
  }

  int maxAttempts() {
    return maxAttempts;
  }
}
