package dev.casebook.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves a built site on the loopback interface with the JDK's HTTP server: files by path,
 * {@code index.html} for folders, the site's {@code 404.html} for anything else, and never a
 * file outside the site folder. A live preview that has no site yet (its first build is running
 * or failed) answers every page with the build's problems, and shows the site once a build works.
 */
public final class PreviewServer implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("xml", "application/xml; charset=utf-8"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("md", "text/plain; charset=utf-8"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("woff2", "font/woff2"));

  private final HttpServer server;
  private final Path root;
  private final LiveReload live;

  private PreviewServer(HttpServer server, Path root, LiveReload live) {
    this.server = server;
    this.root = root;
    this.live = live;
  }

  /** Starts serving {@code site} on 127.0.0.1; port 0 picks a free port. */
  public static PreviewServer start(Path site, int port) throws IOException {
    return start(site, port, null);
  }

  /**
   * Starts serving {@code site} on 127.0.0.1 (port 0 picks a free port); with {@code live}, every
   * HTML page also loads the live reload script and {@link LiveReload#EVENTS} streams its events.
   */
  public static PreviewServer start(Path site, int port, LiveReload live) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    PreviewServer preview = new PreviewServer(server, site.toAbsolutePath().normalize(), live);
    server.createContext("/", preview::handle);
    if (live != null) {
      server.createContext(LiveReload.EVENTS, live::handle);
      server.createContext(LiveReload.SCRIPT, PreviewServer::script);
    }
    // Threads on demand: each open page holds one for its event stream.
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "casebook-serve");
      t.setDaemon(true);
      return t;
    }));
    server.start();
    return preview;
  }

  private static void script(HttpExchange exchange) throws IOException {
    try (exchange; var in = PreviewServer.class.getResourceAsStream("live.js")) {
      send(exchange, 200, TYPES.get("js"), in.readAllBytes());
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI url() {
    return URI.create("http://localhost:" + port() + "/");
  }

  @Override
  public void close() {
    if (live != null) live.close();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  /** What the files under {@code media/} may do: show themselves, and nothing else. */
  static final String MEDIA_POLICY = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox";

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String rawPath = exchange.getRequestURI().getRawPath();
      String path;
      try {
        path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        send(exchange, 400, "text/plain; charset=utf-8", "bad request\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (live != null && !Files.isDirectory(root)) {
        send(exchange, 503, TYPES.get("html"), ProblemsPage.html(live.problems()));
        return;
      }
      Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
      if (!file.startsWith(root) || path.contains("\0")) {
        notFound(exchange);
        return;
      }
      if (Files.isDirectory(file)) {
        if (!rawPath.endsWith("/")) {
          exchange.getResponseHeaders().set("Location", rawPath + "/");
          send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
          return;
        }
        file = file.resolve("index.html");
      }
      if (!Files.isRegularFile(file) || file.getFileName().toString().startsWith(".")) {
        notFound(exchange);
        return;
      }
      String type = type(file);
      byte[] body = Files.readAllBytes(file);
      if (live != null && type.startsWith("text/html")) body = withScript(body, live.problems());
      // The library's own files never run script, even if one got past the build's checks.
      if (file.startsWith(root.resolve("media"))) {
        exchange.getResponseHeaders().set("Content-Security-Policy", MEDIA_POLICY);
      }
      send(exchange, 200, type, body);
    }
  }

  /**
   * The page with the live reload script before its last {@code </body>} (or at its end); while
   * the library has {@code problems}, the script tag carries them, so that they show over the page
   * as soon as it loads.
   */
  static byte[] withScript(byte[] html, String problems) {
    String page = new String(html, StandardCharsets.UTF_8);
    String tag = problems == null ? LiveReload.TAG
        : "<script src=\"" + LiveReload.SCRIPT + "\" data-casebook-problems=\"" + attribute(problems) + "\"></script>";
    int at = page.lastIndexOf("</body>");
    String out = at < 0 ? page + tag : page.substring(0, at) + tag + page.substring(at);
    return out.getBytes(StandardCharsets.UTF_8);
  }

  private static String attribute(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private void notFound(HttpExchange exchange) throws IOException {
    Path page = root.resolve("404.html");
    byte[] body = Files.isRegularFile(page) ? Files.readAllBytes(page) : "not found\n".getBytes(StandardCharsets.UTF_8);
    if (live != null && Files.isRegularFile(page)) body = withScript(body, live.problems());
    send(exchange, 404, "text/html; charset=utf-8", body);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String type(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }
}
