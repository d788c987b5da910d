package dev.casebook.collect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The readership collector: an HTTP service on Jetty that takes beacon events and answers 204
 * only once an event is committed to the database.
 *
 * <p>{@code POST} (any path) takes one event; {@code OPTIONS} answers a CORS preflight;
 * {@code GET /health} returns the counters as JSON. Refusals carry an {@code X-Reason} header:
 * 400 bad input or a malformed body, 403 origin not allowed, 405 method, 408 a body slower than
 * the body timeout, 413 body over 4 KiB, 415 content type, 429 over the client's rate, 503 the
 * database is behind (try again later). Bad input never gives a 500.
 *
 * <p>Jetty reads with non-blocking I/O: an idle or silent connection holds no thread, only a
 * socket, until its idle timeout; one whose headers take longer than the body timeout is closed
 * ({@link SlowHeaders}). Requests are handled by a bounded pool of threads and none of
 * them waits for a client or for the database.
 */
public final class Collector implements AutoCloseable {
  /** Most threads Jetty uses (selector, acceptor and handlers together). */
  static final int THREADS = 24;
  /** Tasks waiting for a thread at most; past that the pool refuses work, never running it on a selector. */
  static final int WAITING = 4096;
  /** A connection that sends nothing for this long is closed (a slow body gets 408 sooner). */
  static final Duration IDLE = Duration.ofSeconds(20);
  /** The largest request line and headers; larger ones get 431. */
  static final int MAX_HEADERS = 8 * 1024;
  private final EventStore store;
  private final Ingest ingest;
  private final Counters counters = new Counters();
  private final ReaderKeys keys;
  private final Directory directory;
  private final Server server;
  private final ServerConnector connector;
  private final EventHandler handler;
  private final ScheduledExecutorService timers;
  private volatile boolean closed;

  private Collector(CollectorConfig config, Clock clock, EventStore store, Directory directory) {
    this.store = store;
    this.directory = directory;
    this.ingest = new Ingest(store, config.queue(), counters);
    this.keys = new ReaderKeys(store, clock);
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "casebook-collect-timer");
      t.setDaemon(true);
      return t;
    });
    QueuedThreadPool threads = new QueuedThreadPool(THREADS, 4, 60_000, new BlockingArrayQueue<>(64, 64, WAITING));
    threads.setName("casebook-collect");
    threads.setDaemon(true);
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(false);
    http.setRequestHeaderSize(MAX_HEADERS);
    http.setIdleTimeout(config.bodyTimeout().toMillis());
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(config.bind());
    connector.setPort(config.port());
    connector.setIdleTimeout(IDLE.toMillis());
    connector.setAcceptQueueSize(1024);
    server.addConnector(connector);
    this.handler = new EventHandler(config, clock, ingest, counters, keys, directory, connector.getScheduler());
    server.setHandler(handler);
    server.setErrorHandler(new PlainErrors(counters));
    server.setStopTimeout(2000);
  }

  /** Opens the database, reads the directory and starts listening. */
  public static Collector start(CollectorConfig config, Clock clock) throws IOException, SQLException {
    EventStore store = EventStore.open(config.db());
    Collector c = null;
    try {
      Directory directory = config.directory() == null ? Directory.none() : Directory.load(config.directory());
      c = new Collector(config, clock, store, directory);
      c.keys.purge();
      c.timers.scheduleWithFixedDelay(c::purgeKeys, 1, 1, TimeUnit.HOURS);
      c.timers.scheduleWithFixedDelay(new SlowHeaders(c.connector, config.bodyTimeout().toNanos(), c.counters),
          250, 250, TimeUnit.MILLISECONDS);
      try {
        c.server.start();
      } catch (IOException e) {
        throw new IOException("cannot listen on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
      } catch (Exception e) {
        if (e instanceof RuntimeException r) throw r;
        throw new IOException("cannot start the collector on " + config.bind() + ":" + config.port() + ": " + e, e);
      }
      return c;
    } catch (IOException | SQLException | RuntimeException e) {
      if (c != null) c.close();
      else store.close();
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
    String host = connector.getHost();
    try {
      InetAddress a = InetAddress.getByName(host);
      host = a.getHostAddress();
    } catch (IOException e) {
      // keep the name as configured
    }
    if (host.contains(":")) host = "[" + host + "]";
    return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
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

  /** Stops listening, lets requests in flight finish, writes every queued event and closes the database. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    try {
      connector.close();
    } catch (RuntimeException e) {
      // stopping anyway
    }
    handler.stopTaking();
    ingest.close(Duration.ofSeconds(10));
    try {
      server.stop();
    } catch (Exception e) {
      // the database is closed below all the same
    }
    timers.shutdownNow();
    store.close();
  }
}
