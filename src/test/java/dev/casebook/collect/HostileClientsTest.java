package dev.casebook.collect;

import static dev.casebook.collect.TestCollector.pageView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Clients that try to stall the collector or slip past its limits: connections that go silent,
 * bodies that never end or are malformed, and a client that changes its user agent on every
 * request. All traffic goes to 127.0.0.1, and every loop is bounded in count and time.
 */
class HostileClientsTest {
  private static final int SILENT = 500;
  private static final int EVENTS = 200;
  private static final Duration GENEROUS = Duration.ofSeconds(2);
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void fiveHundredSilentConnectionsDoNotHoldUpValidEvents(Backend backend) throws Exception {
    List<Socket> silent = new ArrayList<>();
    ExecutorService readers = Executors.newFixedThreadPool(8);
    try (TestCollector c = TestCollector.start(backend.freshDatabase(tmp), new TestCollector.Settings())) {
      for (int i = 0; i < SILENT; i++) {
        Socket s = new Socket("127.0.0.1", c.endpoint.getPort());
        silent.add(s);
        s.getOutputStream().write('P'); // one byte of a request line, then nothing
        s.getOutputStream().flush();
      }
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      List<Future<Long>> answers = new ArrayList<>();
      for (int i = 0; i < EVENTS; i++) {
        String body = pageView(String.format("silent%04d", i), "INC-2024-003");
        answers.add(readers.submit(() -> {
          long start = System.nanoTime();
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(c.endpoint).timeout(Duration.ofSeconds(10))
              .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
              HttpResponse.BodyHandlers.ofString());
          assertEquals(204, r.statusCode(), r.body());
          return System.nanoTime() - start;
        }));
      }
      long slowest = 0;
      for (Future<Long> a : answers) slowest = Math.max(slowest, a.get(30, TimeUnit.SECONDS));
      assertTrue(slowest < GENEROUS.toNanos(), "slowest answer with " + SILENT + " silent connections open: "
          + slowest / 1_000_000 + " ms");
      assertEquals(EVENTS, c.events().size());
      assertEquals(EVENTS, c.collector.counters().get("accepted"));
      assertTrue(c.collector.counters().snapshot().keySet().stream().noneMatch(k -> k.startsWith("refused.")),
          c.collector.counters().snapshot().toString());
    } finally {
      readers.shutdownNow();
      for (Socket s : silent) s.close();
    }
  }

  /** What the collector answers on a raw connection, until it closes it (at most 20 s). */
  private static String exchange(TestCollector c, String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", c.endpoint.getPort())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aMalformedBodyGets400AndIsCounted(Backend backend) throws Exception {
    try (TestCollector c = TestCollector.start(backend.freshDatabase(tmp), new TestCollector.Settings())) {
      String chunked = exchange(c, "POST /_r/e HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"t\":\r\nzz-not-a-size\r\n\r\n");
      assertTrue(chunked.startsWith("HTTP/1.1 400 "), chunked);
      String tooMuch = exchange(c, "POST /_r/e HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
          + "Content-Length: 1\r\nContent-Length: 2\r\n\r\n{}");
      assertTrue(tooMuch.startsWith("HTTP/1.1 400 "), tooMuch);
      assertEquals(204, c.post(pageView("loadgood", "INC-2024-003")).statusCode(), "and the collector goes on");
      assertEquals(1, c.events().size());
      long refused = c.collector.counters().get("refused.framing") + c.collector.counters().get("refused.malformed");
      assertEquals(2, refused, c.collector.counters().snapshot().toString());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aBodyThatNeverEndsGets408(Backend backend) throws Exception {
    TestCollector.Settings settings = new TestCollector.Settings();
    settings.body = Duration.ofMillis(500);
    try (TestCollector c = TestCollector.start(backend.freshDatabase(tmp), settings)) {
      long start = System.nanoTime();
      String answer = exchange(c, "POST /_r/e HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
          + "Content-Length: 100\r\n\r\n{\"t\":\"pv\"");
      assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
      assertTrue(answer.contains("X-Reason: slow-body"), answer);
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "answered at the body timeout");
      assertEquals(1, c.collector.counters().get("refused.slow-body"));
      assertEquals(0, c.events().size());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void headersTrickledALineAtATimeAreCutOffAtTheBodyTimeout(Backend backend) throws Exception {
    TestCollector.Settings settings = new TestCollector.Settings();
    settings.body = Duration.ofMillis(800);
    try (TestCollector c = TestCollector.start(backend.freshDatabase(tmp), settings);
        Socket s = new Socket("127.0.0.1", c.endpoint.getPort())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write("POST /_r/e HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long start = System.nanoTime();
      boolean cut = false;
      try {
        for (int i = 0; i < 40 && !cut; i++) { // each line resets any idle timeout; at most 10 s
          out.write("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          Thread.sleep(250);
        }
      } catch (IOException e) {
        cut = true;
      }
      if (!cut) cut = s.getInputStream().read() == -1;
      assertTrue(cut, "the connection is closed");
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "soon after the body timeout");
      assertEquals(1, c.collector.counters().get("refused.slow-headers"));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aNewUserAgentOnEveryRequestDoesNotEscapeTheRateLimit(Backend backend) throws Exception {
    TestCollector.Settings settings = new TestCollector.Settings();
    settings.perSecond = 1;
    settings.burst = 5;
    try (TestCollector c = TestCollector.start(backend.freshDatabase(tmp), settings)) {
      int ok = 0;
      int limited = 0;
      for (int i = 0; i < 12; i++) {
        int status = c.post(pageView("loadua" + i + "x", "INC-2024-003"), "User-Agent", "agent-" + i).statusCode();
        if (status == 204) ok++;
        if (status == 429) limited++;
      }
      assertTrue(ok >= 5 && ok <= 7, "one bucket for the address, whatever the user agent: " + ok);
      assertEquals(12 - ok, limited);
      assertEquals(limited, c.collector.counters().get("refused.rate"));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aForwardedAddressCountsOnlyAsTheTrustedProxySawIt(Backend backend) throws Exception {
    TestCollector.Settings settings = new TestCollector.Settings();
    settings.perSecond = 1;
    settings.burst = 3;
    settings.clientIpHeader = "X-Forwarded-For";
    try (TestCollector c = TestCollector.start(backend.freshDatabase(tmp), settings)) {
      int ok = 0;
      for (int i = 0; i < 8; i++) {
        // the browser makes up the first address; the proxy appends the one it saw
        String forwarded = "198.51.100." + i + ", 192.0.2.7";
        java.net.http.HttpResponse<String> response = c.post(pageView("loadxff" + i + "x", "INC-2024-003"), "X-Forwarded-For", forwarded);
        if (response.statusCode() == 204) ok++;
        // a refusal answers before the body is read: the connection is closed, so that the next event takes a new one
        else assertEquals(java.util.Optional.of("close"), response.headers().firstValue("connection"), "refused with " + response.statusCode());
      }
      assertTrue(ok >= 3 && ok <= 5, "made-up addresses before the proxy's own do not give new buckets: " + ok);
    }
  }
}
