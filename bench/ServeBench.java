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
 * Measures `casebook serve` as a writer feels it: how long from saving a write-up until the open
 * page is told to reload, and until the reloaded page has the change.
 *
 *   java bench/ServeBench.java CASEBOOK LIBRARY OUT PORT EDITS
 *
 * CASEBOOK is the command (bin/casebook); LIBRARY a copy of a library that may be changed. For
 * each of EDITS edits of each kind, on write-ups picked at random (seed 7), it saves the file,
 * waits for the "reload" event on the page's event stream (/_casebook/events) that names the page
 * and fetches the page, checking it shows the change; then it waits for the server's "Rebuilt" line (the search
 * index is updated after the reload) before the next edit. Ten unmeasured edits warm the JIT.
 * Then EDITS pairs of body edits of two write-ups: the second is saved as soon as the first one's
 * page reloaded, while the first update makes its search index, and is timed ("again").
 * Prints one line per kind: median, 90th percentile and worst, in milliseconds.
 */
public class ServeBench {
  static final Pattern ID = Pattern.compile("(?m)^id: [\"']?([^\"'\\s]+)[\"']?\\s*$");
  static final Pattern TITLE = Pattern.compile("(?m)^title: (.+)$");

  record Timing(double reload, double page, double server) {}

  static final Pattern REBUILT = Pattern.compile("Rebuilt in ([0-9.]+) (ms|s)");

  public static void main(String[] args) throws Exception {
    if (args.length == 5 && args[0].equals("--hugo")) {
      Hugo.run(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
      return;
    }
    if (args.length != 5) {
      System.err.println("usage: java bench/ServeBench.java CASEBOOK LIBRARY OUT PORT EDITS\n"
          + "       java bench/ServeBench.java --hugo HUGO SITE PORT EDITS");
      System.exit(2);
    }
    String casebook = args[0];
    Path library = Path.of(args[1]);
    String out = args[2];
    int port = Integer.parseInt(args[3]);
    int edits = Integer.parseInt(args[4]);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(library.resolve("incidents"))) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    System.err.printf("serve-bench: %d write-ups; starting casebook serve%n", files.size());

    long started = System.nanoTime();
    Process serve = new ProcessBuilder(casebook, "serve", "--source", library.toString(), "--out", out, "--port", String.valueOf(port))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BlockingQueue<String> lines = lines(serve);
    try {
      String first = waitFor(lines, "Serving at", 1800);
      System.err.printf("serve-bench: first build and start: %.1f s (%s)%n", (System.nanoTime() - started) / 1e9, first);

      HttpClient client = HttpClient.newHttpClient();
      BlockingQueue<String[]> events = events(client, port);
      Random random = new Random(7);
      String[] kinds = {"body", "title"};
      for (int warm = 0; warm < 10; warm++) edit(files.get(random.nextInt(files.size())), "body", warm, events, lines, client, port);
      for (String kind : kinds) {
        List<Timing> timings = new ArrayList<>();
        for (int n = 0; n < edits; n++) {
          timings.add(edit(files.get(random.nextInt(files.size())), kind, 1000 + n, events, lines, client, port));
        }
        report(kind, timings);
      }
      // A second save as soon as the first one's page reloaded, while its search index is being made:
      // the time of the second save to its reload.
      List<Timing> again = new ArrayList<>();
      for (int n = 0; n < edits; n++) {
        Path one = files.get(random.nextInt(files.size()));
        Path second = files.get(random.nextInt(files.size()));
        if (second.equals(one)) continue;
        edit(one, "body", 2000 + n, events, lines, client, port, null);
        again.add(edit(second, "body", 3000 + n, events, lines, client, port, library.relativize(second).toString()));
      }
      report("again", again);
    } finally {
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
    }
  }

  static Timing edit(Path file, String kind, int n, BlockingQueue<String[]> events, BlockingQueue<String> lines, HttpClient client,
      int port) throws Exception {
    return edit(file, kind, n, events, lines, client, port, "");
  }

  /**
   * One edit, timed. {@code rebuiltOf} says what to wait for before returning: "" the next
   * "Rebuilt" line, a file name the "Rebuilt" line that names it (the lines of earlier updates are
   * passed over), null nothing (the next save comes while this update makes its search index).
   */
  static Timing edit(Path file, String kind, int n, BlockingQueue<String[]> events, BlockingQueue<String> lines, HttpClient client,
      int port, String rebuiltOf) throws Exception {
    String text = Files.readString(file);
    Matcher id = ID.matcher(text);
    if (!id.find()) throw new IllegalStateException("no id in " + file);
    String marker = "bench-edit-" + n;
    String changed = edited(file, text, kind, marker);
    events.clear();
    if (rebuiltOf != null && rebuiltOf.isEmpty()) lines.clear();
    long t0 = System.nanoTime();
    Files.writeString(file, changed, StandardCharsets.UTF_8);
    // The reload event that names the edited page (an update tells the edited write-up's page first,
    // then the listings); one without a page list reloads every page.
    String url = "/incidents/" + id.group(1) + "/";
    // The writing coach's hints for the edited file may come first; they are not the reload.
    String[] event;
    do {
      event = events.poll(60, TimeUnit.SECONDS);
      if (event != null && event[0].equals("hints")) continue;
      if (event == null || !event[0].equals("reload")) {
        throw new IllegalStateException("expected a reload, got " + String.join(" ", event == null ? new String[] {"nothing"} : event));
      }
    } while (!event[0].equals("reload") || (event[1].contains("\"pages\"") && !event[1].contains("\"" + url + "\"")));
    long t1 = System.nanoTime();
    String page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    long t2 = System.nanoTime();
    if (!page.contains(marker)) throw new IllegalStateException("the page of " + id.group(1) + " does not show " + marker);
    if (rebuiltOf == null) return new Timing((t1 - t0) / 1e6, (t2 - t0) / 1e6, Double.NaN);
    String line = waitFor(lines, "Rebuilt", 120);
    while (!rebuiltOf.isEmpty() && !line.contains(rebuiltOf)) line = waitFor(lines, "Rebuilt", 120);
    Matcher rebuilt = REBUILT.matcher(line);
    double server = rebuilt.find() ? Double.parseDouble(rebuilt.group(1)) * (rebuilt.group(2).equals("s") ? 1000 : 1) : Double.NaN;
    return new Timing((t1 - t0) / 1e6, (t2 - t0) / 1e6, server);
  }

  /** The text of {@code file} with the edit of {@code kind}: a sentence appended to the body, or a word put before the title. */
  static String edited(Path file, String text, String kind, String marker) {
    if (kind.equals("body")) return text + "\nA sentence added while writing, " + marker + ".\n";
    Matcher title = TITLE.matcher(text);
    if (!title.find()) throw new IllegalStateException("no title in " + file);
    // After the opening quote of a quoted title, else at its start.
    int at = title.start(1) + (text.charAt(title.start(1)) == '"' || text.charAt(title.start(1)) == '\'' ? 1 : 0);
    return text.substring(0, at) + marker + " " + text.substring(at);
  }

  /** The lines {@code process} prints, as they come. */
  static BlockingQueue<String> lines(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) lines.add(line);
      } catch (IOException e) {
        // the server stopped
      }
    });
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  static BlockingQueue<String[]> events(HttpClient client, int port) throws Exception {
    BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
    HttpResponse<Stream<String>> response = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_casebook/events")).build(), HttpResponse.BodyHandlers.ofLines());
    Thread t = new Thread(() -> {
      String name = null;
      StringBuilder data = new StringBuilder();
      for (String line : (Iterable<String>) response.body()::iterator) {
        if (line.startsWith("event: ")) name = line.substring(7);
        else if (line.startsWith("data: ")) data.append(line.substring(6));
        else if (line.isEmpty() && name != null) {
          events.add(new String[] {name, data.toString()});
          name = null;
          data.setLength(0);
        }
      }
    });
    t.setDaemon(true);
    t.start();
    Thread.sleep(200);
    return events;
  }

  static String waitFor(BlockingQueue<String> lines, String prefix, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null && line.contains(prefix)) return line;
    }
    throw new IllegalStateException("no '" + prefix + "' line from the server within " + seconds + " s");
  }

  static void report(String kind, List<Timing> timings) {
    System.out.printf(Locale.ROOT, "%-10s edits: %3d | save to reload event: median %5.0f ms, p90 %5.0f ms, worst %5.0f ms"
            + " | save to changed page fetched: median %5.0f ms, p90 %5.0f ms, worst %5.0f ms"
            + (kind.startsWith("hugo") ? "%n" : " | update as the server times it: median %5.0f ms%n"),
        kind, timings.size(), percentile(timings, Timing::reload, 50), percentile(timings, Timing::reload, 90),
        percentile(timings, Timing::reload, 100), percentile(timings, Timing::page, 50), percentile(timings, Timing::page, 90),
        percentile(timings, Timing::page, 100), percentile(timings, Timing::server, 50));
  }

  static double percentile(List<Timing> timings, java.util.function.ToDoubleFunction<Timing> f, int p) {
    double[] v = timings.stream().mapToDouble(f).sorted().toArray();
    int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
    return v[Math.max(0, Math.min(v.length - 1, i))];
  }

  /**
   * The anchor of the serve benchmark: `hugo server` on the same write-ups, measured as ServeBench
   * measures `casebook serve`, with the same edits of the same files (seed 7).
   *
   *   java bench/ServeBench.java --hugo HUGO SITE PORT EDITS
   *
   * HUGO is the hugo command; SITE a Hugo site (bench/hugo's layout) whose content/incidents/ holds a
   * copy of the library's write-ups, which may be changed. Hugo runs as a writer starts it (`hugo
   * server`, its defaults: pages rendered in memory, "fast render" of the pages a browser visited).
   * For each edit the page is fetched first, as a writer has it open, then the file is saved; the
   * time runs to the "reload" message on Hugo's LiveReload socket (/livereload) and to the fetched
   * page showing the change (fetched again until it does). Ten unmeasured edits warm Hugo up. Prints one line per kind, in the
   * format of ServeBench.
   */
  static final class Hugo {
    static void run(String hugo, Path site, int port, int edits) throws Exception {
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
      BlockingQueue<String> lines = lines(server);
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
          report("hugo " + kind, timings);
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
      String changed = edited(file, text, kind, marker);
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
      return new Timing((t1 - t0) / 1e6, (t2 - t0) / 1e6, Double.NaN);
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
  }
}
