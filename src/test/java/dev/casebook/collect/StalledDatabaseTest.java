package dev.casebook.collect;

import static dev.casebook.collect.TestCollector.pageView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database that stops answering: the collector keeps its queue bounded, answers 503 with every
 * refusal counted, and writes the queued events once the database is back.
 */
class StalledDatabaseTest {
  @TempDir Path tmp;

  /** Holds a lock that blocks every insert until closed. */
  private static Connection stall(Backend backend, String db) throws Exception {
    Connection c = DriverManager.getConnection(db);
    try (Statement s = c.createStatement()) {
      if (backend == Backend.SQLITE) {
        s.execute("BEGIN EXCLUSIVE");
      } else {
        c.setAutoCommit(false);
        s.execute("LOCK TABLE readership_events IN ACCESS EXCLUSIVE MODE");
      }
    }
    return c;
  }

  private static void release(Backend backend, Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      if (backend == Backend.SQLITE) s.execute("ROLLBACK");
      else c.rollback();
    }
    c.close();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void memoryStaysBoundedRefusalsAreCountedAndTheBacklogDrains(Backend backend) throws Exception {
    TestCollector.Settings settings = new TestCollector.Settings();
    settings.queue = 20;
    settings.ack = Duration.ofMillis(300);
    try (TestCollector c = TestCollector.start(backend.freshDatabase(tmp), settings)) {
      assertEquals(204, c.post(pageView("warmup01", "INC-2024-003")).statusCode());
      Connection lock = stall(backend, c.db);
      int sent = 120;
      List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
      List<Integer> queued = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < sent; i++) {
          String id = "stall" + String.format("%04d", i);
          all.add(pool.submit(() -> {
            HttpResponse<String> r = c.post(pageView(id, "INC-2024-003"));
            statuses.add(r.statusCode());
            queued.add(c.collector.queued());
            return null;
          }));
        }
        for (Future<?> f : all) f.get(60, TimeUnit.SECONDS);
      } finally {
        pool.shutdownNow();
      }
      assertEquals(sent, statuses.size());
      assertTrue(statuses.stream().allMatch(s -> s == 503), "nothing is acknowledged while the database is stalled: " + statuses);
      assertTrue(queued.stream().allMatch(q -> q <= settings.queue), "the queue never grows past its bound");
      long full = c.collector.counters().get("refused.queue-full");
      long unacknowledged = c.collector.counters().get("refused.unacknowledged");
      assertTrue(full > 0, "a full queue refuses");
      assertEquals(sent, full + unacknowledged, "every refusal is counted");

      release(backend, lock);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (c.collector.queued() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
      Thread.sleep(200);
      int stored = c.events().size() - 1;
      assertEquals(unacknowledged, stored, "queued events are written once the database is back; refused ones are not");
      assertEquals(204, c.post(pageView("afterstall", "INC-2024-003")).statusCode());
    }
  }
}
