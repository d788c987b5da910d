package dev.casebook.collect;

/**
 * An event as it is stored: what the beacon said, where the reader came from, and a pseudonymous
 * reader key and team taken from the request, never from the body.
 *
 * @param key the idempotency key ({@link BeaconEvent#key()})
 * @param receivedAt the collector's clock, milliseconds since the epoch (the only timestamp)
 * @param day the UTC day of {@code receivedAt}, {@code YYYY-MM-DD}
 * @param source where the reader came from: {@code write-up}, {@code design}, {@code code},
 *     {@code chat}, {@code search}, {@code feed}, {@code site}, {@code other} or {@code direct}
 * @param fromDoc the write-up the reader came from, when {@code source} is {@code write-up}
 * @param referrer the referring path (same site) or origin (another site), never a query string
 * @param readerKey keyed hash of the reader and the write-up, with a key of that day; null when
 *     anonymous
 * @param team the reader's team from the directory; null when anonymous or not listed
 */
public record StoredEvent(
    String key,
    String kind,
    long receivedAt,
    String day,
    String doc,
    String pageLoad,
    String path,
    String source,
    String fromDoc,
    String referrer,
    String srcTag,
    String readerKey,
    String team,
    boolean anonymous,
    int scroll,
    long engagedMillis,
    boolean reachedEnd) {}
