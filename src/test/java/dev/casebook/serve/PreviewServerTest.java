package dev.casebook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewServerTest {
  @TempDir Path dir;
  private Path site;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void site() throws IOException {
    site = Files.createDirectories(dir.resolve("site"));
    Files.createDirectories(site.resolve("incidents/INC-1"));
    Files.writeString(site.resolve("index.html"), "home");
    Files.writeString(site.resolve("incidents/INC-1/index.html"), "one");
    Files.writeString(site.resolve("404.html"), "lost");
    Files.writeString(site.resolve("style.css"), "body{}");
    Files.writeString(site.resolve(".casebook"), "marker");
    Files.writeString(dir.resolve("secret.txt"), "secret");
  }

  private HttpResponse<String> get(PreviewServer server, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesFilesFolderIndexesAndTheSites404Page() throws Exception {
    try (PreviewServer server = PreviewServer.start(site, 0)) {
      assertEquals("home", get(server, "/").body());
      HttpResponse<String> page = get(server, "/incidents/INC-1/");
      assertEquals(200, page.statusCode());
      assertEquals("one", page.body());
      assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
      assertEquals("text/css; charset=utf-8", get(server, "/style.css").headers().firstValue("Content-Type").orElseThrow());
      HttpResponse<String> missing = get(server, "/incidents/INC-9/");
      assertEquals(404, missing.statusCode());
      assertEquals("lost", missing.body());
    }
  }

  @Test
  void redirectsFolderUrlsToTheirSlashForm() throws Exception {
    try (PreviewServer server = PreviewServer.start(site, 0)) {
      HttpResponse<String> r = get(server, "/incidents/INC-1");
      assertEquals(301, r.statusCode());
      assertEquals("/incidents/INC-1/", r.headers().firstValue("Location").orElseThrow());
    }
  }

  @Test
  void neverServesFilesOutsideTheSiteOrHiddenFiles() throws Exception {
    try (PreviewServer server = PreviewServer.start(site, 0)) {
      for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/incidents/..%2f..%2fsecret.txt", "/.casebook"}) {
        HttpResponse<String> r = get(server, path);
        assertEquals(404, r.statusCode(), path);
        assertFalse(r.body().contains("secret") || r.body().contains("marker"), path);
      }
    }
  }

  @Test
  void aLivePreviewWithNoSiteYetAnswersEveryPageWithTheProblemsAsText() throws Exception {
    LiveReload live = new LiveReload();
    try (PreviewServer server = PreviewServer.start(dir.resolve("not-built-yet"), 0, live)) {
      HttpResponse<String> building = get(server, "/incidents/INC-1/");
      assertEquals(503, building.statusCode());
      assertTrue(building.body().contains("The site is being built; this page shows it when it is ready."), building.body());
      assertTrue(building.body().contains("<script src=\"" + LiveReload.SCRIPT + "\"></script>"), building.body());

      live.problems("[ {\"file\": \"incidents/a.md\", \"line\": 3, \"column\": 5, \"severity\": \"error\", "
          + "\"message\": \"unknown team '<b>x</b>'\", \"hint\": \"did you mean 'core'?\"} ]");
      HttpResponse<String> broken = get(server, "/");
      assertEquals(503, broken.statusCode());
      assertTrue(broken.body().contains(">The site could not be built (1 error). Fix the file and save; this page shows the site "
          + "once the build works.</p>"), broken.body());
      assertTrue(broken.body().contains(">incidents/a.md:3:5: error: unknown team '&lt;b&gt;x&lt;/b&gt;' (did you mean 'core'?)</li>"),
          broken.body());
    }
  }
}
