package dev.casebook.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The readership collector: an HTTP service on the JDK's server that takes beacon events and
 * answers 204 only once an event is committed to the database.
 *
 * <p>{@code POST} (any path) takes one event; {@code OPTIONS} answers a CORS preflight;
 * {@code GET /health} returns the counters as JSON. Refusals carry an {@code X-Reason} header:
 * 400 bad input, 403 origin not allowed, 405 method, 413 body over 4 KiB, 415 content type,
 * 429 over the client's rate, 503 the database is behind (try again later). Bad input never
 * gives a 500.
 */
public final class Collector implements AutoCloseable {
  private static final int THREADS = 32;
  private final CollectorConfig config;
  private final Clock clock;
  private final EventStore store;
  private final Ingest ingest;
  private final Counters counters = new Counters();
  private final RateLimiter limiter;
  private final ReaderKeys keys;
  private final Directory directory;
  private final Sources sources;
  private final Set<InetAddress> trustedProxies;
  private final HttpServer server;
  private final ThreadPoolExecutor handlers;
  private final ScheduledExecutorService timers;
  private volatile boolean closed;

  private Collector(CollectorConfig config, Clock clock, EventStore store, Directory directory) throws IOException {
    this.config = config;
    this.clock = clock;
    this.store = store;
    this.directory = directory;
    this.ingest = new Ingest(store, config.queue(), counters);
    this.limiter = new RateLimiter(config.perSecond(), config.burst(), System::nanoTime);
    this.keys = new ReaderKeys(store, clock);
    this.sources = new Sources(config.allowedOrigins(), config.sources());
    this.trustedProxies = new HashSet<>();
    for (String proxy : config.trustedProxies()) trustedProxies.add(InetAddress.getByName(proxy));
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "casebook-collect-timer"));
    this.handlers = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024),
        r -> daemon(r, "casebook-collect"), new ThreadPoolExecutor.CallerRunsPolicy());
    this.server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 128);
    server.createContext("/", this::handle);
    server.setExecutor(handlers);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Opens the database, reads the directory and starts listening. */
  public static Collector start(CollectorConfig config, Clock clock) throws IOException, SQLException {
    EventStore store = EventStore.open(config.db());
    try {
      Directory directory = config.directory() == null ? Directory.none() : Directory.load(config.directory());
      Collector c = new Collector(config, clock, store, directory);
      c.keys.purge();
      c.timers.scheduleWithFixedDelay(c::purgeKeys, 1, 1, TimeUnit.HOURS);
      c.server.start();
      return c;
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private void purgeKeys() {
    try {
      keys.purge();
    } catch (SQLException e) {
      counters.increment("database.errors");
    }
  }

  public URI url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) host = "[" + host + "]";
    return URI.create("http://" + host + ":" + a.getPort() + "/");
  }

  public Counters counters() {
    return counters;
  }

  public EventStore store() {
    return store;
  }

  /** Events waiting for the database now. */
  public int queued() {
    return ingest.queued();
  }

  public int directorySize() {
    return directory.size();
  }

  private void handle(HttpExchange ex) {
    try {
      try {
        dispatch(ex);
      } catch (RuntimeException e) {
        counters.increment("errors");
        System.err.println("casebook collect: unexpected failure: " + e);
        refuse(ex, new Rejected(503, "error", "the collector failed; try again later"));
      }
    } catch (IOException | RuntimeException e) {
      counters.increment("aborted");
    } finally {
      ex.close();
    }
  }

  private void dispatch(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String origin = requestOrigin(ex.getRequestHeaders());
    switch (method) {
      case "POST" -> event(ex, origin);
      case "OPTIONS" -> preflight(ex, origin);
      case "GET", "HEAD" -> {
        if (ex.getRequestURI().getPath().endsWith("/health")) health(ex, method.equals("HEAD"));
        else refuse(ex, new Rejected(404, "path", "events are POSTed; GET /health shows the counters"));
      }
      default -> {
        ex.getResponseHeaders().set("Allow", "POST, OPTIONS, GET");
        refuse(ex, new Rejected(405, "method", "method not allowed"));
      }
    }
  }


  private void event(HttpExchange ex, String origin) throws IOException {
    Headers h = ex.getRequestHeaders();
    try {
      if (!config.allowedOrigins().isEmpty() && (origin == null || !config.allowedOrigins().contains(origin))) {
        throw new Rejected(403, "origin", "origin not allowed");
      }
      cors(ex, origin);
      String length = h.getFirst("Content-Length");
      if (length != null) {
        long n;
        try {
          n = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
          throw Rejected.invalid("length", "bad Content-Length");
        }
        if (n > EventParser.MAX_BODY) throw new Rejected(413, "too-large", "the body is over " + EventParser.MAX_BODY + " bytes");
      }
      String type = h.getFirst("Content-Type");
      if (type != null) {
        String t = type.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        if (!t.equals("text/plain") && !t.equals("application/json")) {
          throw new Rejected(415, "type", "send the event as text/plain JSON");
        }
      }
      String remote = ex.getRemoteAddress().getAddress().getHostAddress();
      boolean trusted = trustedProxies.contains(ex.getRemoteAddress().getAddress());
      String reader = config.trustedHeader() != null && trusted ? blankToNull(h.getFirst(config.trustedHeader())) : null;
      String clientIp = remote;
      if (config.clientIpHeader() != null && trusted && h.getFirst(config.clientIpHeader()) != null) {
        clientIp = h.getFirst(config.clientIpHeader()).split(",", 2)[0].strip();
      }
      String agent = String.valueOf(h.getFirst("User-Agent"));
      String client = reader != null ? "u:" + Directory.normalize(reader) : "c:" + clientIp + "|" + agent;
      if (!limiter.allow(client)) {
        ex.getResponseHeaders().set("Retry-After", "1");
        throw new Rejected(429, "rate", "too many events; slow down");
      }
      byte[] body = readBody(ex);
      BeaconEvent event = EventParser.parse(body);
      StoredEvent stored = store(event, h, reader, client, origin);
      CompletableFuture<Void> done = ingest.offer(stored);
      if (done == null) {
        ex.getResponseHeaders().set("Retry-After", "5");
        throw new Rejected(503, closed ? "shutdown" : "queue-full", "the collector is behind; try again later");
      }
      try {
        done.get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        ex.getResponseHeaders().set("Retry-After", "5");
        throw new Rejected(503, "unacknowledged", "the database is slow; the event may be stored later, send it again");
      } catch (ExecutionException e) {
        throw new Rejected(503, "database", "the database is unavailable");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Rejected(503, "shutdown", "the collector is stopping");
      }
      counters.increment("accepted");
      ex.sendResponseHeaders(204, -1);
    } catch (Rejected r) {
      refuse(ex, r);
    } catch (SQLException e) {
      counters.increment("database.errors");
      refuse(ex, new Rejected(503, "database", "the database is unavailable"));
    }
  }

  private StoredEvent store(BeaconEvent e, Headers h, String reader, String client, String origin) throws SQLException {
    long now = clock.millis();
    String day = ReaderKeys.day(now);
    boolean anonymous = e.anonymous() || "1".equals(strip(h.getFirst("DNT"))) || "1".equals(strip(h.getFirst("Sec-GPC")));
    String readerKey = anonymous ? null : keys.key(client, e.doc(), day);
    String team = anonymous || reader == null ? null : directory.team(reader).orElse(null);
    Sources.Origin from = sources.classify(e.referrer(), e.srcTag(), origin);
    return new StoredEvent(e.key(), e.kind().code, now, day, e.doc(), e.pageLoad(), e.path().isEmpty() ? null : e.path(),
        from.source(), from.fromDoc(), from.referrer(), e.srcTag().isEmpty() ? null : e.srcTag(), readerKey, team,
        anonymous, e.scroll(), e.engagedMillis(), e.reachedEnd());
  }

  /** At most MAX_BODY + 1 bytes, within the body timeout; a slower client is cut off. */
  private byte[] readBody(HttpExchange ex) throws IOException, Rejected {
    ScheduledFuture<?> watchdog = timers.schedule(() -> {
      counters.refused("slow-body");
      ex.close();
    }, config.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readNBytes(EventParser.MAX_BODY + 1);
      if (body.length > EventParser.MAX_BODY) {
        throw new Rejected(413, "too-large", "the body is over " + EventParser.MAX_BODY + " bytes");
      }
      return body;
    } finally {
      watchdog.cancel(false);
    }
  }

  private void preflight(HttpExchange ex, String origin) throws IOException {
    if (!config.allowedOrigins().isEmpty() && (origin == null || !config.allowedOrigins().contains(origin))) {
      refuse(ex, new Rejected(403, "origin", "origin not allowed"));
      return;
    }
    cors(ex, origin);
    Headers out = ex.getResponseHeaders();
    out.set("Access-Control-Allow-Methods", "POST");
    out.set("Access-Control-Allow-Headers", "Content-Type");
    out.set("Access-Control-Max-Age", "86400");
    ex.sendResponseHeaders(204, -1);
  }

  private static void cors(HttpExchange ex, String origin) {
    if (origin == null) return;
    ex.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
    ex.getResponseHeaders().set("Vary", "Origin");
  }

  private void health(HttpExchange ex, boolean head) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("queued", ingest.queued());
    body.put("counters", counters.snapshot());
    byte[] json = new ObjectMapper().writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(200, head ? -1 : json.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(json);
      }
    }
  }

  private void refuse(HttpExchange ex, Rejected r) throws IOException {
    counters.refused(r.reason());
    byte[] text = (r.reason() + ": " + r.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
    Headers out = ex.getResponseHeaders();
    out.set("X-Reason", r.reason());
    out.set("Content-Type", "text/plain; charset=utf-8");
    out.set("X-Content-Type-Options", "nosniff");
    if (r.status() == 413 || r.status() == 400) out.set("Connection", "close");
    ex.sendResponseHeaders(r.status(), text.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(text);
    }
  }

  /** The page's origin: the Origin header, or the Referer's origin when a browser sent none. */
  static String requestOrigin(Headers h) {
    String o = h.getFirst("Origin");
    if (o == null || o.equals("null")) {
      String ref = h.getFirst("Referer");
      if (ref == null) return null;
      o = ref;
    }
    try {
      URI uri = new URI(o.strip());
      if (uri.getScheme() == null || uri.getHost() == null) return null;
      return Sources.origin(uri);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Stops listening, lets requests in flight finish, writes every queued event and closes the database. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    server.stop(1);
    ingest.close(Duration.ofSeconds(10));
    timers.shutdownNow();
    handlers.shutdown();
    store.close();
  }
}
