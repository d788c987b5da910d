package dev.casebook.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.cli.Main;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code casebook collect} as operators run it, a separate process: killed with SIGKILL in the
 * middle of a load, every event it acknowledged is there after a restart, once; stopped with
 * SIGTERM, it finishes what it acknowledged and exits.
 */
class CollectorProcessTest {
  private static final Pattern STARTED = Pattern.compile("Collecting readership events at (http://\\S+/) into .*");
  @TempDir Path tmp;

  private record Running(Process process, URI endpoint, Path log) {
    String output() throws java.io.IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }
  }

  private int started;

  /** Starts the collector with its output in a file, and waits for the line that gives its address. */
  private Running start(String db, String... jvmOptions) throws Exception {
    Path config = tmp.resolve("collector.yml");
    Files.writeString(config, "rate:\n  per_second: 100000\n  burst: 100000\nack_timeout_ms: 10000\n");
    Path log = tmp.resolve("collector-" + (++started) + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "collect", "--port", "0", "--db", db, "--config", config.toString()));
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      int eol = text.indexOf('\n');
      if (eol >= 0) {
        Matcher m = STARTED.matcher(text.substring(0, eol));
        if (!m.matches()) break;
        return new Running(p, URI.create(m.group(1)).resolve("_r/e"), log);
      }
      Thread.sleep(20);
    }
    p.destroyForcibly();
    throw new AssertionError("the collector did not start: " + Files.readString(log, StandardCharsets.UTF_8));
  }

  /** Events sent by several threads until stopped: which were acknowledged (2xx) and which not. */
  private static final class Load {
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final Set<String> unacknowledged = ConcurrentHashMap.newKeySet();
    final AtomicBoolean stop = new AtomicBoolean();
    final List<Thread> threads = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Load(URI endpoint, String prefix, int senders) {
      for (int t = 0; t < senders; t++) {
        int thread = t;
        Thread th = new Thread(() -> {
          for (int i = 0; !stop.get(); i++) {
            String id = prefix + "-" + thread + "-" + i;
            String body = i % 3 == 2
                ? "{\"t\":\"eng\",\"id\":\"" + id + "\",\"doc\":\"INC-2024-003\",\"n\":0,\"sd\":50,\"et\":4000,\"end\":0}"
                : TestCollector.pageView(id, "INC-2024-00" + (i % 9 + 1));
            String key = (i % 3 == 2 ? "eng:" + id + ":0" : "pv:" + id);
            try {
              HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(15))
                  .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                  HttpResponse.BodyHandlers.discarding());
              (r.statusCode() / 100 == 2 ? acknowledged : unacknowledged).add(key + " " + body);
            } catch (Exception e) {
              unacknowledged.add(key + " " + body);
              if (stop.get()) return;
              try {
                Thread.sleep(5);
              } catch (InterruptedException ie) {
                return;
              }
            }
          }
        });
        threads.add(th);
        th.start();
      }
    }

    void awaitAcknowledged(int n) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acknowledged.size() < n && System.nanoTime() < deadline) Thread.sleep(5);
      assertTrue(acknowledged.size() >= n, "only " + acknowledged.size() + " events acknowledged");
    }

    void finish() throws InterruptedException {
      stop.set(true);
      for (Thread t : threads) t.join(30_000);
    }
  }

  private static Map<String, Integer> storedKeys(String db) throws Exception {
    Map<String, Integer> keys = new HashMap<>();
    for (Map<String, Object> row : TestCollector.rows(db, "SELECT event_key FROM readership_events")) {
      keys.merge((String) row.get("event_key"), 1, Integer::sum);
    }
    return keys;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void everyAcknowledgedEventSurvivesKillDashNineOnceAndRetriesAreNotDuplicated(Backend backend) throws Exception {
    String db = backend.freshDatabase(tmp);
    Set<String> acknowledged = new java.util.HashSet<>();
    Set<String> unacknowledged = new java.util.HashSet<>();
    for (int round = 0; round < 2; round++) {
      Running collector = start(db);
      Load load = new Load(collector.endpoint(), "kill" + round, 6);
      try {
        load.awaitAcknowledged(150 + round * 100);
        collector.process().destroyForcibly();
        assertTrue(collector.process().waitFor(20, TimeUnit.SECONDS));
        assertEquals(137, collector.process().exitValue(), "killed with SIGKILL");
      } finally {
        load.finish();
        collector.process().destroyForcibly();
      }
      acknowledged.addAll(load.acknowledged);
      unacknowledged.addAll(load.unacknowledged);
    }
    Map<String, Integer> stored = storedKeys(db);
    for (String a : acknowledged) {
      String key = a.substring(0, a.indexOf(' '));
      assertEquals(1, stored.getOrDefault(key, 0), "acknowledged event missing after kill -9: " + key);
    }
    // the readers' browsers try again after the restart: nothing is stored twice
    Running again = start(db);
    try {
      HttpClient http = HttpClient.newHttpClient();
      List<String> retries = new ArrayList<>(unacknowledged);
      retries.addAll(new ArrayList<>(acknowledged).subList(0, 50));
      for (String u : retries) {
        String body = u.substring(u.indexOf(' ') + 1);
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(again.endpoint()).header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(204, r.statusCode());
      }
    } finally {
      again.process().destroy();
      again.process().waitFor(30, TimeUnit.SECONDS);
    }
    stored = storedKeys(db);
    Set<String> everything = new java.util.HashSet<>();
    for (String s : acknowledged) everything.add(s.substring(0, s.indexOf(' ')));
    for (String s : unacknowledged) everything.add(s.substring(0, s.indexOf(' ')));
    assertEquals(everything, stored.keySet());
    assertTrue(stored.values().stream().allMatch(n -> n == 1));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void sigtermFinishesWhatWasAcknowledgedAndExits(Backend backend) throws Exception {
    String db = backend.freshDatabase(tmp);
    Running collector = start(db);
    Load load = new Load(collector.endpoint(), "term", 4);
    try {
      load.awaitAcknowledged(100);
      collector.process().destroy();
      assertTrue(collector.process().waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
      assertEquals(143, collector.process().exitValue());
    } finally {
      load.finish();
      collector.process().destroyForcibly();
    }
    String output = collector.output();
    assertTrue(output.contains("Stopped: {"), output);
    Matcher accepted = Pattern.compile("accepted=(\\d+)").matcher(output);
    assertTrue(accepted.find(), output);
    assertTrue(Long.parseLong(accepted.group(1)) >= load.acknowledged.size(), "every acknowledged event is counted: " + output);
    Map<String, Integer> stored = storedKeys(db);
    for (String a : load.acknowledged) {
      assertEquals(1, stored.getOrDefault(a.substring(0, a.indexOf(' ')), 0), a);
    }
  }

  @org.junit.jupiter.api.Test
  void aClientTricklingItsHeadersIsCutOffAndOthersAreServed() throws Exception {
    // headers still incomplete after the body timeout (5 s by default) close the connection
    Running collector = start(Backend.SQLITE.freshDatabase(tmp));
    try (java.net.Socket slow = new java.net.Socket(collector.endpoint().getHost(), collector.endpoint().getPort())) {
      slow.setSoTimeout(30_000);
      OutputStream out = slow.getOutputStream();
      out.write("POST /_r/e HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      HttpResponse<Void> other = HttpClient.newHttpClient().send(HttpRequest.newBuilder(collector.endpoint())
          .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(TestCollector.pageView("meanwhile", "INC-2024-003")))
          .build(), HttpResponse.BodyHandlers.discarding());
      assertEquals(204, other.statusCode());
      long started = System.nanoTime();
      boolean cut = false;
      try {
        for (int i = 0; i < 40 && !cut; i++) {
          out.write("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          Thread.sleep(500);
        }
      } catch (java.io.IOException e) {
        cut = true;
      }
      if (!cut) cut = slow.getInputStream().read() == -1;
      assertTrue(cut, "the connection is closed");
      assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20), "well before the client finished");
    } finally {
      collector.process().destroyForcibly();
      collector.process().waitFor(20, TimeUnit.SECONDS);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void sigtermWithTheDatabaseStalledStillExits(Backend backend) throws Exception {
    String db = backend.freshDatabase(tmp);
    Running collector = start(db);
    java.sql.Connection lock = null;
    Load load = new Load(collector.endpoint(), "stalled", 4);
    try {
      load.awaitAcknowledged(20);
      lock = java.sql.DriverManager.getConnection(db);
      try (java.sql.Statement s = lock.createStatement()) {
        if (backend == Backend.SQLITE) {
          s.execute("BEGIN EXCLUSIVE");
        } else {
          lock.setAutoCommit(false);
          s.execute("LOCK TABLE readership_events IN ACCESS EXCLUSIVE MODE");
        }
      }
      int before = load.acknowledged.size();
      Thread.sleep(500);
      assertTrue(load.acknowledged.size() <= before + 4 * 2, "nothing more is acknowledged while the database is locked");
      collector.process().destroy();
      assertTrue(collector.process().waitFor(40, TimeUnit.SECONDS), "SIGTERM ends the collector even with the database stalled");
    } finally {
      load.finish();
      collector.process().destroyForcibly();
      if (lock != null) {
        try (java.sql.Statement s = lock.createStatement()) {
          if (backend == Backend.SQLITE) s.execute("ROLLBACK");
          else lock.rollback();
        }
        lock.close();
      }
    }
    assertTrue(collector.output().contains("Stopped: {"), "exit " + collector.process().exitValue() + ": " + collector.output());
    Map<String, Integer> stored = storedKeys(db);
    for (String a : load.acknowledged) {
      assertEquals(1, stored.getOrDefault(a.substring(0, a.indexOf(' ')), 0), a);
    }
  }
}
