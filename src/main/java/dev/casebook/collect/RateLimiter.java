package dev.casebook.collect;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code perSecond} events a second on average, bursts of up to
 * {@code burst}. The table of clients is bounded: idle clients are forgotten first, and if it is
 * still full it starts over, which lets clients through (the limiter fails open, never closed).
 */
public final class RateLimiter {
  static final int MAX_CLIENTS = 100_000;
  private final double perSecond;
  private final double burst;
  private final LongSupplier nanos;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(double perSecond, int burst, LongSupplier nanos) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanos = nanos;
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  /** Whether this client may send one more event now. */
  public boolean allow(String client) {
    long now = nanos.getAsLong();
    if (buckets.size() >= MAX_CLIENTS && !buckets.containsKey(client)) forgetIdle(now);
    Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (now - b.at) / 1e9 * perSecond);
      b.at = now;
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    }
  }

  private void forgetIdle(long now) {
    long full = (long) (burst / perSecond * 1e9);
    buckets.entrySet().removeIf(e -> now - e.getValue().at > full);
    if (buckets.size() >= MAX_CLIENTS) buckets.clear();
  }
}
