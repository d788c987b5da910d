package dev.casebook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildProgress;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.LiveBuild;
import dev.casebook.testing.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve's loop on a real library: a change on disk is seen by the watcher, the site is rebuilt,
 * and the open pages hear about it on the event stream; a breaking change leaves the last good
 * site served and sends the problems.
 */
class LiveSiteTest {
  @TempDir Path tmp;
  Path library;
  Path site;
  LiveReload live;
  PreviewServer server;
  LiveSite watching;
  final BlockingQueue<Object> rebuilds = new LinkedBlockingQueue<>();
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void serve() throws Exception {
    library = Fixtures.copy(Fixtures.resource("sites/minimal/input"), tmp.resolve("library"));
    site = tmp.resolve("site");
    BuildOptions options = new BuildOptions(library, site, false, null);
    // As serve does: the first build, then updates in place.
    LiveBuild build = new LiveBuild(options);
    assertTrue(build.full(BuildProgress.NONE).written());
    live = new LiveReload();
    server = PreviewServer.start(site, 0, live);
    watching = LiveSite.watch(build, options, live, new LiveSite.Listener() {
      @Override
      public void rebuilt(BuildResult result, Set<Path> changed) {
        rebuilds.add(result);
      }

      @Override
      public void failed(Exception e, Set<Path> changed) {
        rebuilds.add(e);
      }
    });
  }

  @AfterEach
  void stop() throws Exception {
    watching.close();
    server.close();
  }

  /** An open page's event stream: each event as name and data. */
  final class Stream {
    final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();

    Stream() throws Exception {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + LiveReload.EVENTS)).build();
      HttpResponse<java.util.stream.Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
      assertEquals("text/event-stream; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
      Thread reader = new Thread(() -> {
        String name = null;
        StringBuilder data = new StringBuilder();
        for (String line : (Iterable<String>) response.body()::iterator) {
          if (line.startsWith("event: ")) name = line.substring(7);
          else if (line.startsWith("data: ")) data.append(data.length() > 0 ? "\n" : "").append(line.substring(6));
          else if (line.isEmpty() && name != null) {
            events.add(new String[] {name, data.toString()});
            name = null;
            data.setLength(0);
          }
        }
      });
      reader.setDaemon(true);
      reader.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (live.listeners() == 0 && System.nanoTime() < deadline) Thread.sleep(10);
    }

    String[] next() throws InterruptedException {
      String[] event = events.poll(30, TimeUnit.SECONDS);
      assertTrue(event != null, "an event within 30 s");
      return event;
    }
  }

  String page(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  int status(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  BuildResult nextRebuild() throws InterruptedException {
    Object r = rebuilds.poll(30, TimeUnit.SECONDS);
    assertTrue(r instanceof BuildResult, "a rebuild within 30 s: " + r);
    return (BuildResult) r;
  }

  Path writeUp(String id) throws Exception {
    try (var files = Files.walk(library.resolve("incidents"))) {
      return files.filter(f -> f.getFileName().toString().startsWith(id) && f.toString().endsWith(".md")).findFirst().orElseThrow();
    }
  }

  static void replace(Path file, String from, String to) throws Exception {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }

  @Test
  void theProblemsOfAFailedBuildPutErrorsFirstThenWarningsHintsAndNotesEachInFileOrder() throws Exception {
    List<dev.casebook.diag.Diagnostic> diagnostics = List.of(
        dev.casebook.diag.Diagnostic.note(dev.casebook.diag.SourcePosition.at("a.md", 1), "cites a broken write-up", null),
        dev.casebook.diag.Diagnostic.hint(dev.casebook.diag.SourcePosition.at("a.md", 2), "a long sentence", null),
        dev.casebook.diag.Diagnostic.error(dev.casebook.diag.SourcePosition.at("b.md", 3), "invalid date"),
        dev.casebook.diag.Diagnostic.warning(dev.casebook.diag.SourcePosition.at("c.md", 4), "a draft's id"),
        dev.casebook.diag.Diagnostic.error(dev.casebook.diag.SourcePosition.at("d.md", 5), "unknown id"));

    JsonNode json = new ObjectMapper().readTree(LiveSite.problems(diagnostics));

    List<String> shown = new ArrayList<>();
    for (JsonNode d : json) shown.add(d.get("severity").asText() + " " + d.get("file").asText());
    assertEquals(List.of("error b.md", "error d.md", "warning c.md", "hint a.md", "note a.md"), shown);
  }

  @Test
  void savingAWriteUpRebuildsTheSiteAndReloadsTheOpenPages() throws Exception {
    Stream stream = new Stream();
    Path file = writeUp("INC-2024-001");
    String title = Files.readAllLines(file).stream().filter(l -> l.startsWith("title: ")).findFirst().orElseThrow();
    replace(file, title, "title: A title saved a moment ago");

    assertTrue(nextRebuild().written());
    // The edited write-up's page first and alone, then the pages and listings that show its title.
    String[] first = stream.next();
    assertEquals("reload", first[0]);
    List<String> pages = new ArrayList<>();
    new ObjectMapper().readTree(first[1]).get("pages").forEach(p -> pages.add(p.asText()));
    assertEquals(List.of("/incidents/INC-2024-001/"), pages);
    String[] next = stream.next();
    for (int n = 0; n < 2 && !next[1].contains("\"/incidents/\""); n++) next = stream.next();
    assertEquals("reload", next[0]);
    assertTrue(next[1].contains("\"/incidents/\""), next[1]);
    String html = page("/incidents/INC-2024-001/");
    assertTrue(html.contains("A title saved a moment ago"), "the new page is served");
    assertTrue(html.contains(LiveReload.TAG + "</body>"), "served pages load the live reload script");
    assertFalse(Files.readString(site.resolve("incidents/INC-2024-001/index.html")).contains(LiveReload.SCRIPT),
        "the built site itself has no trace of it");
    assertTrue(page(LiveReload.SCRIPT).contains("new EventSource(\"/_casebook/events\")"));
  }

  @Test
  void aBreakingChangeSendsTheProblemsAndKeepsServingTheLastGoodSiteUntilItIsFixed() throws Exception {
    Stream stream = new Stream();
    Path file = writeUp("INC-2024-001");
    String date = Files.readAllLines(file).stream().filter(l -> l.startsWith("date: ")).findFirst().orElseThrow();
    String before = page("/incidents/INC-2024-001/");
    replace(file, date, "date: 2024-02-30");

    assertFalse(nextRebuild().written());
    String[] event = stream.next();
    assertEquals("problems", event[0]);
    JsonNode problems = new ObjectMapper().readTree(event[1]);
    JsonNode first = problems.get(0);
    assertEquals(library.relativize(file).toString().replace('\\', '/'), first.get("file").asText());
    assertEquals(4, first.get("line").asInt());
    assertEquals("error", first.get("severity").asText());
    assertTrue(first.get("message").asText().contains("invalid date '2024-02-30'"), first.toString());
    String during = page("/incidents/INC-2024-001/");
    assertEquals(before.replace(LiveReload.TAG, ""),
        during.replaceFirst("<script src=\"/_casebook/live.js\" data-casebook-problems=\"[^\"<>]*\"></script>", ""),
        "the last good page is still served");
    assertTrue(during.contains(" data-casebook-problems=\"[ {\n  &quot;file&quot; : &quot;incidents/2024/"),
        "with the problems, to show them as soon as it loads: " + during);

    Stream late = new Stream();
    String[] current = late.next();
    assertEquals("problems", current[0], "a page opened while the build is broken gets the problems at once");

    replace(file, "date: 2024-02-30", date);
    assertTrue(nextRebuild().written());
    assertEquals("reload", stream.next()[0]);
    assertEquals("reload", late.next()[0]);
    Stream after = new Stream();
    assertNull(after.events.poll(300, TimeUnit.MILLISECONDS), "nothing to show once fixed");
  }

  @Test
  void theWritingHintsOfAnEditedWriteUpAreSentAfterItsPageReloadsAndClearedWhenFixed() throws Exception {
    Stream stream = new Stream();
    Path file = writeUp("INC-2024-001");
    String text = Files.readString(file);
    Files.writeString(file, text + "\nThe root cause was a typo.\n");
    assertTrue(nextRebuild().written());
    String[] event = stream.next();
    while (event[0].equals("reload")) event = stream.next();
    assertEquals("hints", event[0]);
    JsonNode hints = new ObjectMapper().readTree(event[1]);
    assertEquals(1, hints.size(), event[1]);
    assertEquals(library.relativize(file).toString().replace('\\', '/'), hints.get(0).get("file").asText());
    assertEquals(text.split("\n", -1).length + 1, hints.get(0).get("line").asInt());
    assertEquals(1, hints.get(0).get("column").asInt());
    assertEquals("hint", hints.get(0).get("severity").asText());
    assertTrue(hints.get(0).get("message").asText().startsWith("root-cause: 'the root cause was'"), event[1]);

    Stream late = new Stream();
    assertEquals("hints", late.next()[0], "a page opened later gets the hints at once");

    Files.writeString(file, text + "\nA typo in the zone file was one of several contributors.\n");
    assertTrue(nextRebuild().written());
    event = stream.next();
    while (event[0].equals("reload")) event = stream.next();
    assertEquals("hints", event[0]);
    assertEquals("[]", event[1], "the panel goes away");
  }

  @Test
  void addingAndDeletingAWriteUpAddsAndRemovesItsPage() throws Exception {
    Path added = library.resolve("incidents/2024/INC-2024-009-added.md");
    Files.writeString(added, "---\nid: INC-2024-009\ntitle: Added while serving\ndate: 2024-06-01\n---\n\nBody.\n");
    assertTrue(nextRebuild().written());
    assertTrue(page("/incidents/INC-2024-009/").contains("Added while serving"));
    assertTrue(page("/incidents/").contains("Added while serving"), "the list of write-ups has it");

    Files.delete(added);
    assertTrue(nextRebuild().written());
    assertEquals(404, status("/incidents/INC-2024-009/"));
    assertFalse(page("/incidents/").contains("Added while serving"));
  }

  @Test
  void renamingAWriteUpUpdatesItsPageInPlace() throws Exception {
    Stream stream = new Stream();
    Path file = writeUp("INC-2024-001");
    Path citing = writeUp("INC-2024-002");
    Path renamed = file.resolveSibling("INC-2024-001-dns-records.md");
    Files.move(file, renamed);
    replace(citing, "INC-2024-001-dns.md", "INC-2024-001-dns-records.md");
    // The move and the edit may reach the watcher in two bursts: the first rebuild then sees a link
    // to the old name, fails and keeps the last good site; the next one has both.
    BuildResult result = nextRebuild();
    if (!result.written()) {
      assertEquals("problems", stream.next()[0]);
      result = nextRebuild();
    }
    BuildResult done = result;
    assertTrue(done.written(), () -> done.diagnostics().toString());
    assertEquals("reload", stream.next()[0]);
    assertEquals(200, status("/incidents/INC-2024-001/"), "the page stays where it was: its URL is its id");
    assertTrue(page("/incidents/INC-2024-002/").contains("incidents/INC-2024-001/"), "the link follows the file");
  }

  @Test
  void serveUpdatesTheSiteInPlaceAfterTheFirstBuild() throws Exception {
    Path file = writeUp("INC-2024-001");
    Files.writeString(file, Files.readString(file) + "\nA first sentence added while serving.\n");
    assertTrue(nextRebuild().written());
    java.nio.file.attribute.FileTime listed = Files.getLastModifiedTime(site.resolve("incidents/index.html"));
    Files.writeString(file, Files.readString(file) + "\nA second sentence added while serving.\n");
    BuildResult second = nextRebuild();
    assertTrue(second.written());
    assertEquals(1, second.pages(), "only the edited page is written");
    assertTrue(page("/incidents/INC-2024-001/").contains("A second sentence added while serving."));
    assertEquals(listed, Files.getLastModifiedTime(site.resolve("incidents/index.html")), "the list of write-ups is left alone");
  }

  @Test
  void aReadingPathWrittenWhileServingGetsItsPageAndShowsOnItsSteps() throws Exception {
    assertFalse(watching.ignored(library.resolve("paths/new-on-call.md")), "the paths folder is part of the site");
    Files.createDirectories(library.resolve("paths"));
    Files.writeString(library.resolve("paths/new-on-call.md"), """
        ---
        title: New on call
        audience: people joining the rotation
        steps:
          - {id: INC-2024-002, reason: The failover everyone asks about.}
          - {id: INC-2024-001, reason: Why DNS is never the first guess.}
        ---
        Read these first.
        """);
    // The folder and the file may come as two changes: wait for the rebuild that has the file.
    while (!page("/paths/new-on-call/").contains("The failover everyone asks about.")) {
      BuildResult added = nextRebuild();
      assertTrue(added.written(), () -> added.diagnostics().toString());
    }
    assertTrue(page("/incidents/INC-2024-001/").contains("2 of 2 in <a href=\"../../paths/new-on-call/\">New on call</a>"));
  }

  @Test
  void hiddenFilesAndEditorBackupsDoNotRebuild() throws Exception {
    Files.writeString(library.resolve("incidents/.INC-2024-001.md.swp"), "swap");
    Files.writeString(library.resolve("incidents/notes.md~"), "backup");
    assertNull(rebuilds.poll(1, TimeUnit.SECONDS), "no rebuild");
    List<String> ignored = new ArrayList<>();
    for (String name : List.of("incidents/.x.md.swp", "incidents/a.md~", ".git/index", "incidents/b.tmp")) {
      if (watching.ignored(library.resolve(name))) ignored.add(name);
    }
    assertEquals(4, ignored.size(), ignored.toString());
    assertFalse(watching.ignored(library.resolve("incidents/2024/INC-2024-001.md")));
    assertFalse(watching.ignored(library.resolve("casebook.yml")));
    assertTrue(watching.ignored(library.resolve("notes/todo.txt")), "not a folder the site is made of");
    assertTrue(watching.ignored(library.resolve("README.md")));
  }

  @Test
  void glossaryFilesAndTheCatalogFilesCasebookYmlNamesRebuild() throws Exception {
    assertFalse(watching.ignored(library.resolve("glossary/slo.md")), "the glossary folder is part of the site");
    assertTrue(watching.ignored(library.resolve("services/api/catalog-info.yaml")), "no catalog files named yet");
    Files.createDirectories(library.resolve("services/api"));
    Files.writeString(library.resolve("services/api/catalog-info.yaml"),
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: api\n  description: The public API.\n");
    Files.writeString(library.resolve("casebook.yml"),
        Files.readString(library.resolve("casebook.yml")) + "catalog:\n  files: [services/*/catalog-info.yaml]\n");
    Object rebuilt = rebuilds.poll(20, TimeUnit.SECONDS);
    assertTrue(rebuilt instanceof BuildResult r && r.written(), String.valueOf(rebuilt));
    assertFalse(watching.ignored(library.resolve("services/api/catalog-info.yaml")), "a catalog file named by casebook.yml");
    assertTrue(watching.ignored(library.resolve("services/api/notes.txt")));
  }
}
