package dev.casebook.collect;

import static dev.casebook.collect.TestCollector.pageView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The collector over HTTP, against SQLite and PostgreSQL alike. */
class CollectorTest {
  @TempDir Path tmp;

  private TestCollector start(Backend backend, TestCollector.Settings settings) throws Exception {
    return TestCollector.start(backend.freshDatabase(tmp), settings);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anAcceptedEventIsCommittedBeforeThe204AndKeepsOnlyWhatItShould(Backend backend) throws Exception {
    try (TestCollector c = start(backend, new TestCollector.Settings())) {
      long before = System.currentTimeMillis();
      HttpResponse<String> r = c.post("{\"v\":1,\"t\":\"pv\",\"id\":\"load0001\",\"doc\":\"INC-2024-003\","
          + "\"u\":\"/incidents/INC-2024-003/\",\"r\":\"https://github.com/larkspur/dispatch/pull/7?token=secret\","
          + "\"ts\":1,\"ip\":\"10.9.8.7\",\"user\":\"mallory@larkspur.example\",\"team\":\"payments\"}",
          "Origin", "https://incidents.larkspur.example");
      assertEquals(204, r.statusCode(), r.body());
      assertEquals("https://incidents.larkspur.example", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
      assertFalse(r.headers().firstValue("Access-Control-Allow-Credentials").isPresent());
      List<Map<String, Object>> events = c.events();
      assertEquals(1, events.size());
      Map<String, Object> e = events.get(0);
      assertEquals("pv:load0001", e.get("event_key"));
      assertEquals("INC-2024-003", e.get("doc"));
      assertEquals("code", e.get("source"));
      assertEquals("https://github.com", e.get("referrer"), "another site's referrer is kept as its origin only");
      long at = ((Number) e.get("received_at")).longValue();
      assertTrue(at >= before && at <= System.currentTimeMillis() + 1000, "the collector's clock, not the body's ts");
      assertNull(e.get("team"), "a team in the body is ignored");
      assertNotNull(e.get("reader_key"));
      String all = events.toString();
      assertFalse(all.contains("mallory") || all.contains("10.9.8.7") || all.contains("127.0.0.1") || all.contains("secret"), all);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theReaderComesOnlyFromTheTrustedHeaderAndIsStoredAsAKeyedHashAndATeam(Backend backend) throws Exception {
    Path directory = Files.writeString(tmp.resolve("directory.csv"),
        "# exported nightly\nana@larkspur.example,payments\nBen@Larkspur.example,logistics\n");
    TestCollector.Settings s = new TestCollector.Settings();
    s.trustedHeader = "X-Auth-Request-Email";
    s.directory = directory;
    try (TestCollector c = start(backend, s)) {
      assertEquals(204, c.post(pageView("loadana1", "INC-2024-003"), "X-Auth-Request-Email", "ana@larkspur.example").statusCode());
      assertEquals(204, c.post(pageView("loadben1", "INC-2024-003"), "X-Auth-Request-Email", "ben@larkspur.example").statusCode());
      assertEquals(204, c.post(pageView("loadana2", "INC-2024-003"), "X-Auth-Request-Email", "ANA@larkspur.example").statusCode());
      assertEquals(204, c.post(pageView("loadzed1", "INC-2024-003"), "X-Auth-Request-Email", "zed@larkspur.example").statusCode());
      List<Map<String, Object>> events = c.events();
      Map<String, Map<String, Object>> byLoad = new java.util.HashMap<>();
      for (Map<String, Object> e : events) byLoad.put((String) e.get("page_load"), e);
      assertEquals("payments", byLoad.get("loadana1").get("team"));
      assertEquals("logistics", byLoad.get("loadben1").get("team"));
      assertNull(byLoad.get("loadzed1").get("team"), "not in the directory");
      assertEquals(byLoad.get("loadana1").get("reader_key"), byLoad.get("loadana2").get("reader_key"), "same reader, same day");
      assertNotEquals(byLoad.get("loadana1").get("reader_key"), byLoad.get("loadben1").get("reader_key"));
      String all = events.toString().toLowerCase(java.util.Locale.ROOT);
      assertFalse(all.contains("ana@") || all.contains("ben@") || all.contains("zed@"), "no raw names: " + all);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aTrustedHeaderFromAnAddressThatIsNotTheProxyIsIgnored(Backend backend) throws Exception {
    Path directory = Files.writeString(tmp.resolve("directory.csv"), "ana@larkspur.example,payments\n");
    TestCollector.Settings s = new TestCollector.Settings();
    s.trustedHeader = "X-Auth-Request-Email";
    s.directory = directory;
    s.trustedProxies = Set.of("10.0.0.1");
    try (TestCollector c = start(backend, s)) {
      assertEquals(204, c.post(pageView("loadana1", "INC-2024-003"), "X-Auth-Request-Email", "ana@larkspur.example").statusCode());
      assertNull(c.events().get(0).get("team"));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void doNotTrackAndGlobalPrivacyControlStoreTheEventWithoutIdentity(Backend backend) throws Exception {
    Path directory = Files.writeString(tmp.resolve("directory.csv"), "ana@larkspur.example,payments\n");
    TestCollector.Settings s = new TestCollector.Settings();
    s.trustedHeader = "X-Auth-Request-Email";
    s.directory = directory;
    try (TestCollector c = start(backend, s)) {
      String who = "ana@larkspur.example";
      assertEquals(204, c.post(pageView("loaddnt1", "INC-2024-003"), "X-Auth-Request-Email", who, "DNT", "1").statusCode());
      assertEquals(204, c.post(pageView("loadgpc1", "INC-2024-003"), "X-Auth-Request-Email", who, "Sec-GPC", "1").statusCode());
      assertEquals(204, c.post(pageView("loadbody", "INC-2024-003").replace("}", ",\"a\":1}"), "X-Auth-Request-Email", who).statusCode());
      assertEquals(204, c.post(pageView("loadnamed", "INC-2024-003"), "X-Auth-Request-Email", who).statusCode());
      for (Map<String, Object> e : c.events()) {
        boolean named = e.get("page_load").equals("loadnamed");
        assertEquals(named ? 0 : 1, ((Number) e.get("anonymous")).intValue(), e.toString());
        assertEquals(named, e.get("reader_key") != null, e.toString());
        assertEquals(named, e.get("team") != null, e.toString());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aRepeatedEventIsStoredOnce(Backend backend) throws Exception {
    try (TestCollector c = start(backend, new TestCollector.Settings())) {
      String eng = "{\"t\":\"eng\",\"id\":\"loadrep1\",\"doc\":\"INC-2024-003\",\"n\":0,\"sd\":40,\"et\":9000,\"end\":0}";
      for (int i = 0; i < 3; i++) {
        assertEquals(204, c.post(pageView("loadrep1", "INC-2024-003")).statusCode());
        assertEquals(204, c.post(eng).statusCode());
      }
      assertEquals(204, c.post(eng.replace("\"n\":0", "\"n\":1").replace("\"end\":0", "\"end\":1")).statusCode());
      assertEquals(3, c.events().size());
      assertEquals(4, c.collector.counters().get("duplicates"));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void sqlInjectionStringsAreStoredVerbatimOrRefusedAndTheTableStaysIntact(Backend backend) throws Exception {
    String[] attacks = {"' OR 1=1--", "\"; DROP TABLE readership_events;--", "'); DELETE FROM readership_keys; --",
        "\\'; SELECT pg_sleep(10); --", "1; UPDATE readership_events SET doc='x'"};
    try (TestCollector c = start(backend, new TestCollector.Settings())) {
      int stored = 0;
      for (int i = 0; i < attacks.length; i++) {
        String a = attacks[i];
        String json = "{\"t\":\"pv\",\"id\":\"loadsql" + i + "x\",\"doc\":\"INC-2024-003\",\"u\":" + quoted("/" + a)
            + ",\"r\":" + quoted("https://incidents.larkspur.example/" + a) + ",\"src\":" + quoted(a) + "}";
        assertEquals(204, c.post(json, "Origin", "https://incidents.larkspur.example").statusCode());
        stored++;
        for (String field : new String[] {"doc", "id", "t"}) {
          String bad = "{\"t\":\"pv\",\"id\":\"loadsqlbad\",\"doc\":\"INC-2024-003\"}"
              .replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":" + quoted(a).replace("$", "\\$"));
          assertEquals(400, c.post(bad).statusCode(), bad);
        }
      }
      List<Map<String, Object>> events = c.events();
      assertEquals(stored, events.size());
      for (int i = 0; i < attacks.length; i++) {
        String load = "loadsql" + i + "x";
        Map<String, Object> e = events.stream().filter(r -> r.get("page_load").equals(load)).findFirst().orElseThrow();
        assertEquals("/" + attacks[i], e.get("path"));
        assertEquals("/" + attacks[i], e.get("referrer"), "a referrer on the site keeps its path");
        assertEquals("INC-2024-003", e.get("doc"));
      }
      assertEquals(1, TestCollector.rows(c.db, "SELECT COUNT(*) AS n FROM readership_keys").size());
    }
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void badInputGetsAClearStatusAndNeverA500(Backend backend) throws Exception {
    try (TestCollector c = start(backend, new TestCollector.Settings())) {
      Map<String, Integer> cases = new java.util.LinkedHashMap<>();
      cases.put("defnotjson", 400);
      cases.put("{\"t\":\"pv\"", 400);
      cases.put("[" + pageView("loadarr1", "INC-2024-003") + "]", 400);
      cases.put(pageView("loadjs01", "INC-2024-003").replace("/incidents/INC-2024-003/", "javascript:alert(1)"), 400);
      cases.put("{\"t\":\"eng\",\"id\":\"loadrng1\",\"doc\":\"INC-2024-003\",\"sd\":1000}", 400);
      cases.put(pageView("loadbig1", "INC-2024-003").replace("}", ",\"pad\":\"" + "x".repeat(5000) + "\"}"), 413);
      for (Map.Entry<String, Integer> e : cases.entrySet()) {
        HttpResponse<String> r = c.post(e.getKey());
        assertEquals(e.getValue(), r.statusCode(), e.getKey().substring(0, Math.min(60, e.getKey().length())));
        assertTrue(r.headers().firstValue("X-Reason").isPresent());
      }
      HttpResponse<String> form = c.http.send(java.net.http.HttpRequest.newBuilder(c.endpoint)
          .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString("a=b")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(415, form.statusCode());
      HttpResponse<String> put = c.http.send(java.net.http.HttpRequest.newBuilder(c.endpoint)
          .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(405, put.statusCode());
      assertEquals(0, c.events().size());
      assertEquals(0, c.collector.counters().get("errors"));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aDeclaredHugeBodyIsRefusedWithout413ReadingIt(Backend backend) throws Exception {
    try (TestCollector c = start(backend, new TestCollector.Settings()); Socket s = new Socket("127.0.0.1", c.endpoint.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /_r/e HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 10485760\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[1024]);
      out.flush();
      String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 413", status);
      assertEquals(1, c.collector.counters().get("refused.too-large"));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aSlowBodyIsCutOffWhileOtherReadersAreServed(Backend backend) throws Exception {
    TestCollector.Settings settings = new TestCollector.Settings();
    settings.body = Duration.ofMillis(700);
    try (TestCollector c = start(backend, settings); Socket s = new Socket("127.0.0.1", c.endpoint.getPort())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /_r/e HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 200\r\n\r\n{\"t\":")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertEquals(204, c.post(pageView("loadfast", "INC-2024-003")).statusCode(), "others are served meanwhile");
      InputStream in = s.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      assertTrue(answer.startsWith("HTTP/1.1 408 "), "the slow client is told, then its connection is closed: " + answer);
      assertTrue(answer.contains("X-Reason: slow-body"), answer);
      assertEquals(1, c.collector.counters().get("refused.slow-body"));
      assertEquals(1, c.events().size());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void originsOutsideTheAllowlistAre403AndPreflightsAreAnswered(Backend backend) throws Exception {
    TestCollector.Settings settings = new TestCollector.Settings();
    settings.origins = Set.of("https://incidents.larkspur.example");
    try (TestCollector c = start(backend, settings)) {
      assertEquals(403, c.post(pageView("loadorg1", "INC-2024-003"), "Origin", "https://evil.example").statusCode());
      assertEquals(403, c.post(pageView("loadorg2", "INC-2024-003")).statusCode(), "no Origin or Referer");
      assertEquals(403, c.post(pageView("loadorg3", "INC-2024-003"), "Origin", "https://incidents.larkspur.example.evil.example").statusCode());
      assertEquals(204, c.post(pageView("loadorg4", "INC-2024-003"), "Origin", "https://incidents.larkspur.example").statusCode());
      assertEquals(204, c.post(pageView("loadorg5", "INC-2024-003"), "Referer", "https://incidents.larkspur.example/incidents/INC-2024-003/").statusCode());
      HttpResponse<String> preflight = c.http.send(java.net.http.HttpRequest.newBuilder(c.endpoint)
          .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).header("Origin", "https://incidents.larkspur.example")
          .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(204, preflight.statusCode());
      assertEquals("https://incidents.larkspur.example", preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
      assertEquals(2, c.events().size());
      assertEquals(3, c.collector.counters().get("refused.origin"));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aClientOverItsRateGets429AndOthersDoNot(Backend backend) throws Exception {
    TestCollector.Settings settings = new TestCollector.Settings();
    settings.perSecond = 1;
    settings.burst = 5;
    settings.clientIpHeader = "X-Forwarded-For";
    try (TestCollector c = start(backend, settings)) {
      int ok = 0;
      int limited = 0;
      for (int i = 0; i < 12; i++) {
        int status = c.post(pageView("loadrate" + i, "INC-2024-003"), "X-Forwarded-For", "192.0.2.1").statusCode();
        if (status == 204) ok++;
        if (status == 429) limited++;
      }
      assertTrue(ok >= 5 && ok <= 7, "the burst, plus at most what refilled meanwhile: " + ok);
      assertEquals(12 - ok, limited);
      assertEquals(204, c.post(pageView("loadother", "INC-2024-003"), "X-Forwarded-For", "192.0.2.2").statusCode());
      assertEquals(limited, c.collector.counters().get("refused.rate"));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void readerKeysChangeAtMidnightAndNoSecretOutlivesTwoDays(Backend backend) throws Exception {
    TestCollector.MutableClock clock = new TestCollector.MutableClock(Instant.parse("2025-03-10T23:59:58Z"));
    String db = backend.freshDatabase(tmp);
    try (TestCollector c = TestCollector.start(db, new TestCollector.Settings(), clock)) {
      assertEquals(204, c.post(pageView("loadmid1", "INC-2024-003"), "User-Agent", "same-reader").statusCode());
      assertEquals(204, c.post(pageView("loadmid2", "INC-2024-003"), "User-Agent", "same-reader").statusCode());
      clock.now = Instant.parse("2025-03-11T00:00:01Z");
      assertEquals(204, c.post(pageView("loadmid3", "INC-2024-003"), "User-Agent", "same-reader").statusCode());
      List<Map<String, Object>> e = c.events();
      assertEquals(e.get(0).get("reader_key"), e.get(1).get("reader_key"));
      assertNotEquals(e.get(1).get("reader_key"), e.get(2).get("reader_key"), "a new key after midnight");
      assertEquals(List.of("2025-03-10", "2025-03-11"), c.collector.store().secretDays());
      clock.now = Instant.parse("2025-03-12T00:00:01Z");
      assertEquals(204, c.post(pageView("loadmid4", "INC-2024-003"), "User-Agent", "same-reader").statusCode());
      assertEquals(List.of("2025-03-11", "2025-03-12"), c.collector.store().secretDays(), "the 10th's secret is gone");
      clock.now = Instant.parse("2025-03-14T09:00:00Z");
      c.collector.store();
      new ReaderKeys(c.collector.store(), clock).purge();
      assertEquals(List.of(), c.collector.store().secretDays(), "without traffic the hourly purge removes them too");
    }
  }
}
