package dev.casebook.collect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A collector started in this JVM on a free port, with settings a test chooses. */
final class TestCollector implements AutoCloseable {
  /** Settings with test-friendly defaults (a generous rate limit). */
  static final class Settings {
    Set<String> origins = Set.of();
    String trustedHeader;
    Set<String> trustedProxies = CollectorConfig.defaults().trustedProxies();
    Path directory;
    double perSecond = 10_000;
    int burst = 10_000;
    int queue = 2000;
    Duration ack = Duration.ofSeconds(5);
    Duration body = Duration.ofSeconds(5);
    String clientIpHeader;

    CollectorConfig config(String db) {
      return new CollectorConfig("127.0.0.1", 0, db, origins, trustedHeader, trustedProxies, clientIpHeader, directory, perSecond,
          burst, queue, ack, body, Map.of());
    }
  }

  /** A clock a test moves by hand. */
  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final String db;
  final Collector collector;
  final URI endpoint;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestCollector(String db, Collector collector) {
    this.db = db;
    this.collector = collector;
    this.endpoint = collector.url().resolve("/_r/e");
  }

  static TestCollector start(String db, Settings settings, Clock clock) throws Exception {
    return new TestCollector(db, Collector.start(settings.config(db), clock));
  }

  static TestCollector start(String db, Settings settings) throws Exception {
    return start(db, settings, Clock.systemUTC());
  }

  static String pageView(String id, String doc) {
    return "{\"v\":1,\"t\":\"pv\",\"id\":\"" + id + "\",\"doc\":\"" + doc + "\",\"u\":\"/incidents/" + doc + "/\"}";
  }

  HttpResponse<String> post(String body, String... headers) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "text/plain;charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) r.header(headers[i], headers[i + 1]);
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every row of a query, column names in lower case. */
  static List<Map<String, Object>> rows(String db, String sql) throws Exception {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
        out.add(row);
      }
    }
    return out;
  }

  List<Map<String, Object>> events() throws Exception {
    return rows(db, "SELECT * FROM readership_events ORDER BY received_at, event_key");
  }

  @Override
  public void close() {
    collector.close();
  }
}
