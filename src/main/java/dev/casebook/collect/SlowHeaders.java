package dev.casebook.collect;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Closes connections whose request line and headers are still incomplete after the limit: a client
 * that trickles its headers a byte at a time never lets the idle timeout run out. Run every
 * fraction of a second on one timer thread; a valid request spends microseconds in its headers,
 * so only a slow one is ever seen there twice.
 */
final class SlowHeaders implements Runnable {
  private final ServerConnector connector;
  private final long limitNanos;
  private final Counters counters;
  /** When each connection was first seen in its headers; touched by the timer thread only. */
  private final Map<EndPoint, Long> since = new HashMap<>();

  SlowHeaders(ServerConnector connector, long limitNanos, Counters counters) {
    this.connector = connector;
    this.limitNanos = limitNanos;
    this.counters = counters;
  }

  @Override
  public void run() {
    long now = System.nanoTime();
    Set<EndPoint> inHeaders = new HashSet<>();
    for (EndPoint ep : connector.getConnectedEndPoints()) {
      if (!(ep.getConnection() instanceof HttpConnection c)) continue;
      HttpParser p = c.getParser();
      if (p.isStart() || !p.inHeaderState()) continue;
      inHeaders.add(ep);
      Long first = since.putIfAbsent(ep, now);
      if (first != null && now - first > limitNanos) {
        counters.refused("slow-headers");
        ep.close();
      }
    }
    since.keySet().retainAll(inHeaders);
  }
}
