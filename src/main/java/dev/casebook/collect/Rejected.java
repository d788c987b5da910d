package dev.casebook.collect;

/**
 * An event the collector refuses, with the HTTP status it answers and a short reason (sent as
 * {@code X-Reason} and counted by reason).
 */
public final class Rejected extends Exception {
  private final int status;
  private final String reason;

  public Rejected(int status, String reason, String message) {
    super(message, null, false, false);
    this.status = status;
    this.reason = reason;
  }

  static Rejected invalid(String reason, String message) {
    return new Rejected(400, reason, message);
  }

  public int status() {
    return status;
  }

  public String reason() {
    return reason;
  }
}
