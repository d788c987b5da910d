package dev.casebook.collect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous reader keys: HMAC-SHA256 of the reader and the write-up with a random secret of
 * the day (UTC). A new secret is made each day and shared through the database by every
 * collector; secrets of days before yesterday are deleted, so none is older than 48 hours and
 * yesterday's keys can no longer be recomputed from a name once that happens.
 */
public final class ReaderKeys {
  private final EventStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private String cachedDay;
  private byte[] cachedSecret;

  public ReaderKeys(EventStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public static String day(long epochMillis) {
    return java.time.Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  /** The key of {@code reader} for {@code doc} on {@code day}. */
  public String key(String reader, String doc, String day) throws SQLException {
    byte[] secret = secret(day);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] h = mac.doFinal((reader + '\u0000' + doc).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(h, 16));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
    }
  }

  private synchronized byte[] secret(String day) throws SQLException {
    if (day.equals(cachedDay)) return cachedSecret;
    byte[] candidate = new byte[32];
    random.nextBytes(candidate);
    String secret = store.dailySecret(day, HexFormat.of().formatHex(candidate));
    purge();
    cachedDay = day;
    cachedSecret = HexFormat.of().parseHex(secret);
    return cachedSecret;
  }

  /** Deletes every secret older than yesterday's (UTC); the collector runs this every hour too. */
  public void purge() throws SQLException {
    String keep = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1).toString();
    store.deleteSecretsBefore(keep);
    synchronized (this) {
      if (cachedDay != null && cachedDay.compareTo(keep) < 0) {
        cachedDay = null;
        cachedSecret = null;
      }
    }
  }
}
