package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.Fixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code casebook serve} as a user runs it: a separate process, stopped with a signal. */
class ServeCommandTest {
  @TempDir Path tmp;
  final HttpClient client = HttpClient.newHttpClient();

  static Process serve(String... args) throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
    command.addAll(List.of(args));
    Process serve = new ProcessBuilder(command).redirectErrorStream(true).start();
    // A test waiting for a line that never comes fails instead of hanging: its output ends here.
    Thread watchdog = new Thread(() -> {
      try {
        if (!serve.waitFor(120, TimeUnit.SECONDS)) serve.destroyForcibly();
      } catch (InterruptedException e) {
        serve.destroyForcibly();
      }
    });
    watchdog.setDaemon(true);
    watchdog.start();
    return serve;
  }

  /** The first line of the output that matches {@code pattern}; the lines before it go to {@code before}. */
  static Matcher await(BufferedReader out, String pattern, List<String> before) throws java.io.IOException {
    Pattern p = Pattern.compile(pattern);
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher m = p.matcher(line);
      if (m.matches()) return m;
      before.add(line);
    }
    throw new AssertionError("no line like " + pattern + " in " + before);
  }

  HttpResponse<String> get(String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void buildsServesAndStopsCleanlyOnSigterm() throws Exception {
    java.util.Set<String> before = serveFolders();
    Process serve = serve("--port", "0", "--source", Fixtures.resource("sites/minimal/input").toString());
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher m = Pattern.compile("Built 3 write-ups in .* Serving at (http://localhost:\\d+/), rebuilding on changes \\(Ctrl-C to stop\\)").matcher(String.valueOf(line));
      assertTrue(m.matches(), "first line (the draft counts): " + line);
      HttpResponse<String> page = get(m.group(1) + "incidents/INC-2024-001/");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("DNS record vanished"));
      HttpResponse<String> draft = get(m.group(1) + "incidents/INC-2024-003/");
      assertEquals(200, draft.statusCode(), "the preview shows drafts");
      assertTrue(draft.body().contains("class=\"banner banner--draft\""), "with the draft banner");
      serve.destroy();
      assertTrue(serve.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
      assertEquals(before, serveFolders(), "the temporary site is deleted on exit");
    } finally {
      serve.destroyForcibly();
    }
  }

  @Test
  void noDraftsPreviewsTheSiteAsBuildPublishesIt() throws Exception {
    Process serve = serve("--port", "0", "--no-drafts", "--no-watch", "--source", Fixtures.resource("sites/minimal/input").toString());
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      Matcher m = await(out, "Built 2 write-ups in .* Serving at (http://localhost:\\d+/) \\(Ctrl-C to stop\\)", new ArrayList<>());
      assertEquals(404, get(m.group(1) + "incidents/INC-2024-003/").statusCode());
    } finally {
      stop(serve);
    }
  }

  @Test
  void startsOnABrokenLibraryShowingTheProblemsThenTheSiteOnceFixed() throws Exception {
    Path library = Fixtures.copy(Fixtures.resource("sites/minimal/input"), tmp.resolve("library"));
    Path file = library.resolve("incidents/2024/INC-2024-001-dns.md");
    String good = Files.readString(file);
    Files.writeString(file, good.replace("date: 2024-01-10", "date: 2024-02-30"));
    Process serve = serve("--port", "0", "--source", library.toString());
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      List<String> printed = new ArrayList<>();
      Matcher m = await(out, "Build failed: 1 error, 0 warnings, 2 notes\\. Serving the problems at (http://localhost:\\d+/) until the files are "
          + "fixed \\(Ctrl-C to stop\\)", printed);
      assertTrue(printed.contains("incidents/2024/INC-2024-001-dns.md:4:7: error: invalid date '2024-02-30' in 'date' "
          + "(February 2024 has 29 days)"), printed::toString);
      HttpResponse<String> problems = get(m.group(1) + "incidents/INC-2024-002/");
      assertEquals(503, problems.statusCode());
      assertTrue(problems.body().contains("incidents/2024/INC-2024-001-dns.md:4:7: error: invalid date '2024-02-30' in 'date'"),
          problems.body());
      assertTrue(problems.body().contains("<script src=\"/_casebook/live.js\"></script>"), "reloads once fixed");

      Files.writeString(file, good.replace("date: 2024-01-10", "date: 2024-02-31"));
      await(out, "Build failed: 1 error, 0 warnings, 2 notes; serving the problems until they are fixed\\.", printed);
      assertTrue(get(m.group(1)).body().contains("invalid date '2024-02-31'"), "the page shows the new problems");

      Files.writeString(file, good);
      await(out, "Rebuilt in .* after changes to incidents/2024/INC-2024-001-dns\\.md", printed);
      HttpResponse<String> page = get(m.group(1) + "incidents/INC-2024-002/");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("Failover took 40 minutes"), page.body());
    } finally {
      stop(serve);
    }
  }

  @Test
  void anUpdatePrintsTheHintsOfTheSavedFileOnly() throws Exception {
    Path library = Fixtures.copy(Fixtures.resource("sites/minimal/input"), tmp.resolve("library"));
    Path dns = library.resolve("incidents/2024/INC-2024-001-dns.md");
    Path failover = library.resolve("incidents/2024/INC-2024-002-failover.md");
    Files.writeString(dns, Files.readString(dns) + "\nThe on-call engineer should have paged the DNS team.\n");
    Files.writeString(failover, Files.readString(failover) + "\nThe failover was human error.\n");
    Process serve = serve("--port", "0", "--source", library.toString());
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      List<String> printed = new ArrayList<>();
      await(out, "Built 3 write-ups in .*", printed);
      assertTrue(printed.stream().anyMatch(l -> l.startsWith("incidents/2024/INC-2024-001-dns.md:") && l.contains(": hint: hindsight")),
          printed::toString);
      assertTrue(printed.stream().anyMatch(l -> l.startsWith("incidents/2024/INC-2024-002-failover.md:") && l.contains(": hint: blame")),
          printed::toString);

      printed.clear();
      Files.writeString(failover, Files.readString(failover) + "\nA second paragraph.\n");
      await(out, "Rebuilt in .* after changes to incidents/2024/INC-2024-002-failover\\.md", printed);
      assertTrue(printed.stream().anyMatch(l -> l.startsWith("incidents/2024/INC-2024-002-failover.md:") && l.contains(": hint: blame")),
          printed::toString);
      assertTrue(printed.stream().noneMatch(l -> l.startsWith("incidents/2024/INC-2024-001-dns.md")),
          "the hints of a file that was not saved are not printed again: " + printed);
    } finally {
      stop(serve);
    }
  }

  /** Stops serve as Ctrl-C does, so that it deletes its temporary site. */
  static void stop(Process serve) throws InterruptedException {
    serve.destroy();
    if (!serve.waitFor(20, TimeUnit.SECONDS)) serve.destroyForcibly();
  }

  private static java.util.Set<String> serveFolders() throws java.io.IOException {
    try (var list = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("casebook-serve-"))
          .collect(java.util.stream.Collectors.toSet());
    }
  }
}
