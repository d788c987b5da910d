import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The anchor of the serve benchmark: `hugo server` on the same write-ups, measured as ServeBench
 * measures `casebook serve`, with the same edits of the same files (seed 7).
 *
 *   java bench/HugoServeBench.java HUGO SITE PORT EDITS
 *
 * HUGO is the hugo command; SITE a Hugo site (bench/hugo's layout) whose content/incidents/ holds a
 * copy of the library's write-ups, which may be changed. Hugo runs as a writer starts it (`hugo
 * server`, its defaults: pages rendered in memory, "fast render" of the pages a browser visited).
 * For each edit the page is fetched first, as a writer has it open, then the file is saved; the
 * time runs to the "reload" message on Hugo's LiveReload socket (/livereload) and to the fetched
 * page showing the change (fetched again until it does). Ten unmeasured edits warm Hugo up. Prints one line per kind, in the
 * format of ServeBench.
 */
public class HugoServeBench {
  static final Pattern TITLE = Pattern.compile("(?m)^title: (.+)$");

  record Timing(double reload, double page) {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: java bench/HugoServeBench.java HUGO SITE PORT EDITS");
      System.exit(2);
    }
    String hugo = args[0];
    Path site = Path.of(args[1]);
    int port = Integer.parseInt(args[2]);
    int edits = Integer.parseInt(args[3]);
    Path content = site.resolve("content");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(content.resolve("incidents"))) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    System.err.printf("serve-bench: %d write-ups; starting hugo server%n", files.size());
    long started = System.nanoTime();
    Process server = new ProcessBuilder(hugo, "server", "--source", site.toString(), "--port", String.valueOf(port),
        "--bind", "127.0.0.1", "--baseURL", "http://127.0.0.1:" + port + "/")
        .redirectErrorStream(true).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) lines.add(line);
      } catch (IOException e) {
        // the server stopped
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      String first = waitFor(lines, "Web Server is available", 1800);
      System.err.printf("serve-bench: hugo's first build and start: %.1f s (%s)%n", (System.nanoTime() - started) / 1e9, first.strip());
      HttpClient client = HttpClient.newHttpClient();
      BlockingQueue<String> reloads = new LinkedBlockingQueue<>();
      liveReload(client, port, reloads);
      Random random = new Random(7);
      for (int warm = 0; warm < 10; warm++) {
        edit(content, files.get(random.nextInt(files.size())), "body", warm, reloads, client, port);
      }
      for (String kind : new String[] {"body", "title"}) {
        List<Timing> timings = new ArrayList<>();
        for (int n = 0; n < edits; n++) {
          timings.add(edit(content, files.get(random.nextInt(files.size())), kind, 1000 + n, reloads, client, port));
        }
        report(kind, timings);
      }
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** The page's path on Hugo's site: the file's path under content/, lower-cased, without .md. */
  static String url(Path content, Path file) {
    String relative = content.relativize(file).toString().replace('\\', '/');
    return "/" + relative.substring(0, relative.length() - 3).toLowerCase(Locale.ROOT).replace(' ', '-') + "/";
  }

  static Timing edit(Path content, Path file, String kind, int n, BlockingQueue<String> reloads, HttpClient client, int port)
      throws Exception {
    String url = url(content, file);
    HttpResponse<String> open = get(client, port, url);
    if (open.statusCode() != 200) throw new IllegalStateException("hugo does not serve " + url + ": " + open.statusCode());
    String text = Files.readString(file);
    String marker = "bench-edit-" + n;
    String changed;
    if (kind.equals("body")) {
      changed = text + "\nA sentence added while writing, " + marker + ".\n";
    } else {
      Matcher title = TITLE.matcher(text);
      if (!title.find()) throw new IllegalStateException("no title in " + file);
      int at = title.start(1) + (text.charAt(title.start(1)) == '"' || text.charAt(title.start(1)) == '\'' ? 1 : 0);
      changed = text.substring(0, at) + marker + " " + text.substring(at);
    }
    Thread.sleep(300); // let the watcher settle after the last edit
    reloads.clear();
    long t0 = System.nanoTime();
    Files.writeString(file, changed, StandardCharsets.UTF_8);
    String message = reloads.poll(120, TimeUnit.SECONDS);
    if (message == null) throw new IllegalStateException("no reload from hugo within 120 s after editing " + file);
    long t1 = System.nanoTime();
    // A reload message may come before the page is rendered again (Hugo sends one per change it
    // sees): the page is fetched until it shows the change.
    long deadline = t1 + TimeUnit.SECONDS.toNanos(120);
    while (!get(client, port, url).body().contains(marker)) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("hugo's page " + url + " does not show " + marker);
      Thread.sleep(5);
    }
    long t2 = System.nanoTime();
    return new Timing((t1 - t0) / 1e6, (t2 - t0) / 1e6);
  }

  static HttpResponse<String> get(HttpClient client, int port, String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Connects to Hugo's LiveReload socket as its script does; each "reload" command goes to {@code reloads}. */
  static void liveReload(HttpClient client, int port, BlockingQueue<String> reloads) throws Exception {
    WebSocket socket = client.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/livereload"),
        new WebSocket.Listener() {
          final StringBuilder message = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
              String m = message.toString();
              message.setLength(0);
              if (m.contains("\"reload\"")) reloads.add(m);
            }
            ws.request(1);
            return null;
          }
        }).get(30, TimeUnit.SECONDS);
    socket.sendText("{\"command\":\"hello\",\"protocols\":[\"http://livereload.com/protocols/official-7\"]}", true)
        .get(30, TimeUnit.SECONDS);
    Thread.sleep(200);
  }

  static String waitFor(BlockingQueue<String> lines, String prefix, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null && line.contains(prefix)) return line;
    }
    throw new IllegalStateException("no '" + prefix + "' line from hugo server within " + seconds + " s");
  }

  static void report(String kind, List<Timing> timings) {
    System.out.printf(Locale.ROOT, "hugo %-6s edits: %3d | save to reload event: median %5.0f ms, p90 %5.0f ms, worst %5.0f ms"
            + " | save to changed page fetched: median %5.0f ms, p90 %5.0f ms, worst %5.0f ms%n",
        kind, timings.size(), percentile(timings, Timing::reload, 50), percentile(timings, Timing::reload, 90),
        percentile(timings, Timing::reload, 100), percentile(timings, Timing::page, 50), percentile(timings, Timing::page, 90),
        percentile(timings, Timing::page, 100));
  }

  static double percentile(List<Timing> timings, java.util.function.ToDoubleFunction<Timing> f, int p) {
    double[] v = timings.stream().mapToDouble(f).sorted().toArray();
    int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
    return v[Math.max(0, Math.min(v.length - 1, i))];
  }
}
