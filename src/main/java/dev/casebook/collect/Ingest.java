package dev.casebook.collect;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The write path: a bounded queue in front of one writer thread that commits events in batches
 * (group commit) and only then completes each event's future, which is when the collector answers
 * 2xx. When the database stalls the queue fills and {@link #offer} refuses, so memory stays
 * bounded; the writer keeps retrying and the backlog drains when the database is back.
 */
public final class Ingest implements AutoCloseable {
  static final int BATCH = 256;
  private final EventStore store;
  private final Counters counters;
  private final BlockingQueue<Pending> queue;
  private final Thread writer;
  private volatile boolean accepting = true;
  private volatile boolean stopping;
  private volatile long stopBy;

  private record Pending(StoredEvent event, CompletableFuture<Void> done) {}

  public Ingest(EventStore store, int capacity, Counters counters) {
    this.store = store;
    this.counters = counters;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = new Thread(this::run, "casebook-collect-writer");
    writer.start();
  }

  /** Queues an event; the future completes once it is committed. Null when the queue is full. */
  public CompletableFuture<Void> offer(StoredEvent event) {
    if (!accepting) return null;
    Pending p = new Pending(event, new CompletableFuture<>());
    return queue.offer(p) ? p.done : null;
  }

  public int queued() {
    return queue.size();
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(BATCH);
    long backoff = 50;
    while (true) {
      if (batch.isEmpty()) {
        if (stopping && queue.isEmpty()) return;
        try {
          Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
          if (first == null) continue;
          batch.add(first);
          queue.drainTo(batch, BATCH - 1);
        } catch (InterruptedException e) {
          if (stopping) continue;
          return;
        }
      }
      try {
        int added = store.insert(batch.stream().map(Pending::event).toList());
        counters.add("stored", added);
        counters.add("duplicates", batch.size() - added);
        for (Pending p : batch) p.done.complete(null);
        batch.clear();
        backoff = 50;
      } catch (SQLException e) {
        counters.increment("database.errors");
        if (stopping && System.nanoTime() > stopBy) {
          for (Pending p : batch) p.done.completeExceptionally(e);
          counters.add("refused.shutdown", batch.size());
          batch.clear();
          List<Pending> rest = new ArrayList<>();
          queue.drainTo(rest);
          for (Pending p : rest) p.done.completeExceptionally(e);
          counters.add("refused.shutdown", rest.size());
          return;
        }
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          // keep trying until stopBy
        }
        backoff = Math.min(backoff * 2, 1000);
      }
    }
  }

  /** Stops taking events and writes what is queued, giving the database up to {@code drain}. */
  public void close(Duration drain) {
    accepting = false;
    stopBy = System.nanoTime() + drain.toNanos();
    stopping = true;
    try {
      writer.join(drain.toMillis() + 2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
