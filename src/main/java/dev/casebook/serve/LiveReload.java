package dev.casebook.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import dev.casebook.pipeline.LiveBuild;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells the open pages of a preview what happened to the site, as server-sent events on
 * {@value #EVENTS}: {@code reload} after a successful rebuild (with the pages that changed), {@code problems} (a JSON array of
 * diagnostics) when a rebuild failed and the last good site is still served, {@code hints} (the
 * writing hints of the write-ups saved while it runs). A page that connects
 * while the last rebuild failed gets its problems at once. The script {@value #SCRIPT}, added to
 * every served HTML page, listens and reloads the page or shows the problems over it.
 */
public final class LiveReload {
  /** The event stream. */
  public static final String EVENTS = "/_casebook/events";
  /** The script the pages load. */
  public static final String SCRIPT = "/_casebook/live.js";
  /** What is added before {@code </body>} of every HTML page served. */
  static final String TAG = "<script src=\"" + SCRIPT + "\"></script>";

  private final List<OutputStream> clients = new CopyOnWriteArrayList<>();
  private volatile String problems;
  private volatile String hints;

  /** Every open page reloads; a shown problem list goes away with it. */
  public void reload() {
    problems = null;
    send("reload", "{}");
  }

  /**
   * The open pages that {@code written} names reload (all of them after a full build); the others
   * stay as they are, and a shown problem list goes away. The event's data lists the pages' URL
   * paths: {@code {"pages":["/incidents/INC-2024-001/"]}}.
   */
  public void reload(LiveBuild.PagesWritten written) {
    if (written.everything()) {
      reload();
      return;
    }
    problems = null;
    ArrayNode pages = JSON.createArrayNode();
    written.pages().stream().sorted().forEach(p -> pages.add("/" + (p.endsWith("index.html") ? p.substring(0, p.length() - 10) : p)));
    send("reload", JSON.createObjectNode().set("pages", pages).toString());
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every open page shows these problems; {@code json} is what {@code DiagnosticFormat.JSON} prints. */
  public void problems(String json) {
    problems = json.strip();
    send("problems", problems);
  }

  /**
   * Every open page shows these writing hints (a JSON array as {@code DiagnosticFormat.JSON}
   * prints it; an empty one hides them). Sent only when they changed; pages that connect later
   * get them at once.
   */
  public void hints(String json) {
    String now = json.strip();
    if (now.replaceAll("\\s", "").equals("[]")) now = null;
    if (java.util.Objects.equals(now, hints)) return;
    hints = now;
    send("hints", now == null ? "[]" : now);
  }

  /** The problems the open pages show now (JSON), or null when the last build worked. */
  String problems() {
    return problems;
  }

  /** How many pages are listening. */
  public int listeners() {
    return clients.size();
  }

  void handle(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    try {
      write(out, ": connected\n\n");
      String now = problems;
      if (now != null) write(out, event("problems", now));
      String advice = hints;
      if (advice != null) write(out, event("hints", advice));
    } catch (IOException e) {
      exchange.close();
      return;
    }
    clients.add(out);
  }

  /** Ends every stream, so the server can stop. */
  void close() {
    for (OutputStream out : clients) {
      try {
        out.close();
      } catch (IOException e) {
        // the page went away already
      }
    }
    clients.clear();
  }

  private void send(String name, String data) {
    String message = event(name, data);
    for (OutputStream out : clients) {
      try {
        write(out, message);
      } catch (IOException e) {
        clients.remove(out);
        try {
          out.close();
        } catch (IOException ignored) {
          // already gone
        }
      }
    }
  }

  private static String event(String name, String data) {
    StringBuilder b = new StringBuilder("event: ").append(name).append('\n');
    for (String line : data.split("\n", -1)) b.append("data: ").append(line).append('\n');
    return b.append('\n').toString();
  }

  private static void write(OutputStream out, String text) throws IOException {
    synchronized (out) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}
