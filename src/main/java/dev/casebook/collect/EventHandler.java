package dev.casebook.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One request to the collector, answered without ever blocking a thread on the client or the
 * database: the body is read as it arrives (a client that takes longer than the body timeout gets
 * 408), and the 204 is written when the writer thread has committed the event.
 */
final class EventHandler extends Handler.Abstract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CollectorConfig config;
  private final Clock clock;
  private final Ingest ingest;
  private final Counters counters;
  private final RateLimiter limiter;
  private final ReaderKeys keys;
  private final Directory directory;
  private final Sources sources;
  private final TrustedProxies proxies;
  private final Scheduler scheduler;
  private volatile boolean closed;

  EventHandler(CollectorConfig config, Clock clock, Ingest ingest, Counters counters, ReaderKeys keys,
      Directory directory, Scheduler scheduler) {
    this.config = config;
    this.clock = clock;
    this.ingest = ingest;
    this.counters = counters;
    this.keys = keys;
    this.directory = directory;
    this.scheduler = scheduler;
    this.limiter = new RateLimiter(config.perSecond(), config.burst(), System::nanoTime);
    this.sources = new Sources(config.allowedOrigins(), config.sources());
    this.proxies = new TrustedProxies(config.trustedProxies());
  }

  void stopTaking() {
    closed = true;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Exchange ex = new Exchange(request, response, callback);
    try {
      String method = request.getMethod().toUpperCase(Locale.ROOT);
      String origin = requestOrigin(request.getHeaders());
      switch (method) {
        case "POST" -> event(ex, origin);
        case "OPTIONS" -> preflight(ex, origin);
        case "GET", "HEAD" -> {
          if (request.getHttpURI().getPath().endsWith("/health")) health(ex, method.equals("HEAD"));
          else ex.refuse(new Rejected(404, "path", "events are POSTed; GET /health shows the counters"));
        }
        default -> {
          response.getHeaders().put(HttpHeader.ALLOW, "POST, OPTIONS, GET");
          ex.refuse(new Rejected(405, "method", "method not allowed"));
        }
      }
    } catch (Rejected r) {
      ex.refuse(r);
    } catch (RuntimeException e) {
      failed(ex, e);
    }
    return true;
  }

  /** An unexpected failure: counted, logged in one line, and answered 503 so the beacon sends again. */
  private void failed(Exchange ex, RuntimeException e) {
    counters.increment("errors");
    System.err.println("casebook collect: unexpected failure: " + e);
    ex.refuse(new Rejected(503, "error", "the collector failed; try again later"));
  }

  private void event(Exchange ex, String origin) throws Rejected {
    HttpFields h = ex.request.getHeaders();
    if (!config.allowedOrigins().isEmpty() && (origin == null || !config.allowedOrigins().contains(origin))) {
      throw new Rejected(403, "origin", "origin not allowed");
    }
    cors(ex.response, origin);
    long length = ex.request.getLength();
    if (length > EventParser.MAX_BODY) {
      throw new Rejected(413, "too-large", "the body is over " + EventParser.MAX_BODY + " bytes");
    }
    String type = h.get(HttpHeader.CONTENT_TYPE);
    if (type != null) {
      String t = type.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
      if (!t.equals("text/plain") && !t.equals("application/json")) {
        throw new Rejected(415, "type", "send the event as text/plain JSON");
      }
    }
    InetAddress remote = remoteAddress(ex.request);
    boolean trusted = proxies.contains(remote);
    String reader = config.trustedHeader() != null && trusted ? blankToNull(h.get(config.trustedHeader())) : null;
    InetAddress clientIp = config.clientIpHeader() == null ? remote
        : proxies.client(remote, h.get(config.clientIpHeader()));
    // the rate limit keys on what the client cannot choose: the signed-in reader, else its address
    String limitKey = reader != null ? "u:" + Directory.normalize(reader) : "c:" + clientIp.getHostAddress();
    if (!limiter.allow(limitKey)) {
      ex.refuse(new Rejected(429, "rate", "too many events; slow down"), "1");
      return;
    }
    String identity = reader != null ? limitKey : limitKey + "|" + h.get(HttpHeader.USER_AGENT);
    new BodyReader(ex, body -> accept(ex, body, reader, identity, origin)).start();
  }

  private void accept(Exchange ex, byte[] body, String reader, String identity, String origin) throws Rejected {
    BeaconEvent event = EventParser.parse(body);
    StoredEvent stored;
    try {
      stored = store(event, ex.request.getHeaders(), reader, identity, origin);
    } catch (SQLException e) {
      counters.increment("database.errors");
      throw new Rejected(503, "database", "the database is unavailable");
    }
    CompletableFuture<Void> done = closed ? null : ingest.offer(stored);
    if (done == null) {
      ex.refuse(new Rejected(503, closed ? "shutdown" : "queue-full", "the collector is behind; try again later"), "5");
      return;
    }
    // the writer thread writes the answer (a non-blocking write) as soon as the batch is committed
    done.copy().orTimeout(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, failure) -> {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      if (cause == null) {
        counters.increment("accepted");
        ex.answer(204);
      } else if (cause instanceof TimeoutException) {
        ex.refuse(new Rejected(503, "unacknowledged", "the database is slow; the event may be stored later, send it again"), "5");
      } else {
        ex.refuse(new Rejected(503, "database", "the database is unavailable"));
      }
    });
  }

  private StoredEvent store(BeaconEvent e, HttpFields h, String reader, String identity, String origin) throws SQLException {
    long now = clock.millis();
    String day = ReaderKeys.day(now);
    boolean anonymous = e.anonymous() || "1".equals(strip(h.get("DNT"))) || "1".equals(strip(h.get("Sec-GPC")));
    String readerKey = anonymous ? null : keys.key(identity, e.doc(), day);
    String team = anonymous || reader == null ? null : directory.team(reader).orElse(null);
    Sources.Origin from = sources.classify(e.referrer(), e.srcTag(), origin);
    return new StoredEvent(e.key(), e.kind().code, now, day, e.doc(), e.pageLoad(), e.path().isEmpty() ? null : e.path(),
        from.source(), from.fromDoc(), from.referrer(), e.srcTag().isEmpty() ? null : e.srcTag(), readerKey, team,
        anonymous, e.scroll(), e.engagedMillis(), e.reachedEnd());
  }

  private static InetAddress remoteAddress(Request request) {
    SocketAddress a = request.getConnectionMetaData().getRemoteSocketAddress();
    if (a instanceof InetSocketAddress i && i.getAddress() != null) return i.getAddress();
    return InetAddress.getLoopbackAddress();
  }

  private interface BodyConsumer {
    void accept(byte[] body) throws Rejected;
  }

  /** Reads the body as it arrives, at most MAX_BODY + 1 bytes, and answers 408 when it is too slow. */
  private final class BodyReader {
    private final Exchange ex;
    private final BodyConsumer next;
    private final byte[] buffer = new byte[EventParser.MAX_BODY + 1];
    private int size;
    private Scheduler.Task timeout;

    BodyReader(Exchange ex, BodyConsumer next) {
      this.ex = ex;
      this.next = next;
    }

    void start() {
      timeout = scheduler.schedule(this::tooSlow, config.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
      read();
    }

    private void tooSlow() {
      ex.refuse(new Rejected(408, "slow-body", "the body took longer than " + config.bodyTimeout().toMillis() + " ms"));
    }

    private void read() {
      while (!ex.answered.get()) {
        Content.Chunk chunk = ex.request.read();
        if (chunk == null) {
          ex.request.demand(this::read);
          return;
        }
        try {
          if (Content.Chunk.isFailure(chunk)) {
            timeout.cancel();
            Throwable f = chunk.getFailure();
            if (f instanceof TimeoutException) tooSlow();
            else if (malformed(f)) ex.refuse(Rejected.invalid("framing", "the body is malformed (its length or chunks)"));
            else ex.abort();
            return;
          }
          ByteBuffer b = chunk.getByteBuffer();
          int n = Math.min(b.remaining(), buffer.length - size);
          b.get(buffer, size, n);
          size += n;
          if (size > EventParser.MAX_BODY) {
            timeout.cancel();
            ex.refuse(new Rejected(413, "too-large", "the body is over " + EventParser.MAX_BODY + " bytes"));
            return;
          }
          if (chunk.isLast()) {
            timeout.cancel();
            byte[] body = java.util.Arrays.copyOf(buffer, size);
            try {
              next.accept(body);
            } catch (Rejected r) {
              ex.refuse(r);
            } catch (RuntimeException e) {
              failed(ex, e);
            }
            return;
          }
        } finally {
          chunk.release();
        }
      }
    }
  }

  /** Whether a read failed because the body's framing (chunks, length) is malformed. */
  private static boolean malformed(Throwable f) {
    for (Throwable t = f; t != null; t = t.getCause()) {
      if (t instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) return true;
    }
    return false;
  }

  private void preflight(Exchange ex, String origin) throws Rejected {
    if (!config.allowedOrigins().isEmpty() && (origin == null || !config.allowedOrigins().contains(origin))) {
      throw new Rejected(403, "origin", "origin not allowed");
    }
    cors(ex.response, origin);
    HttpFields.Mutable out = ex.response.getHeaders();
    out.put("Access-Control-Allow-Methods", "POST");
    out.put("Access-Control-Allow-Headers", "Content-Type");
    out.put("Access-Control-Max-Age", "86400");
    ex.answer(204);
  }

  private static void cors(Response response, String origin) {
    if (origin == null) return;
    response.getHeaders().put("Access-Control-Allow-Origin", origin);
    response.getHeaders().put(HttpHeader.VARY, "Origin");
  }

  private void health(Exchange ex, boolean head) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("queued", ingest.queued());
    body.put("counters", counters.snapshot());
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    ex.response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    ex.response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    ex.answer(200, head ? null : json);
  }

  /** A request with the callback that finishes it, answered exactly once. */
  private final class Exchange {
    final Request request;
    final Response response;
    final Callback callback;
    final AtomicBoolean answered = new AtomicBoolean();

    Exchange(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    void answer(int status) {
      answer(status, null);
    }

    void answer(int status, byte[] body) {
      if (answered.compareAndSet(false, true)) write(status, body);
    }

    private void write(int status, byte[] body) {
      response.setStatus(status);
      if (body == null) {
        callback.succeeded();
      } else {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
      }
    }

    void refuse(Rejected r) {
      refuse(r, null);
    }

    /** Answers the refusal, unless the request was answered already (a timeout and a read may race). */
    void refuse(Rejected r, String retryAfter) {
      if (!answered.compareAndSet(false, true)) return;
      counters.refused(r.reason());
      HttpFields.Mutable out = response.getHeaders();
      if (retryAfter != null) out.put(HttpHeader.RETRY_AFTER, retryAfter);
      out.put("X-Reason", r.reason());
      out.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      out.put("X-Content-Type-Options", "nosniff");
      int s = r.status();
      // A refused request's body may be unread (a rate limit answers before reading it), so its
      // connection cannot carry another request: say so, or a client that reuses it loses the next one.
      out.put(HttpHeader.CONNECTION, "close");
      write(s, (r.reason() + ": " + r.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void abort() {
      if (!answered.compareAndSet(false, true)) return;
      counters.increment("aborted");
      callback.failed(new java.io.IOException("the client went away"));
    }
  }

  /** The page's origin: the Origin header, or the Referer's origin when a browser sent none. */
  static String requestOrigin(HttpFields h) {
    String o = h.get(HttpHeader.ORIGIN);
    if (o == null || o.equals("null")) {
      String ref = h.get(HttpHeader.REFERER);
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
}
