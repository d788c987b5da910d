package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.PublishedFilesTest;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.serve.PreviewServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files beside a write-up cannot run script on the site: Chromium opens the published SVG (which
 * carried a script and an onload handler) and the address an HTML file beside the write-up would
 * have, served and from disk, and neither runs anything.
 */
class HostileFilesInBrowserTest {
  @TempDir Path tmp;

  @Test
  void noFileBesideAWriteUpRunsScriptOnTheSite() throws Exception {
    Path site = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(PublishedFilesTest.library(tmp.resolve("lib"), ""), site, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    Chromium chromium = Chromium.find(tmp);
    try (PreviewServer server = PreviewServer.start(site, 0)) {
      for (String base : new String[] {server.url().toString(), site.toUri().toString()}) {
        String svg = chromium.dumpDom(base + "media/2024/diagram.svg");
        assertTrue(svg.contains("kept"), "the drawing is shown: " + svg);
        assertFalse(svg.contains("data-ran"), "the SVG's script ran: " + svg);
        String html = chromium.dumpDom(base + "media/2024/page.html");
        assertFalse(html.contains("<title>ran</title>"), "the HTML file's script ran: " + html);
        String js = chromium.dumpDom(base + "media/2024/script.js");
        assertFalse(js.contains("document.title"), "the script is published: " + js);
      }
      java.net.http.HttpResponse<Void> media = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(server.url().resolve("media/2024/diagram.svg")).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
      assertTrue(media.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"),
          "the preview forbids script in the library's files too");
      assertEquals("nosniff", media.headers().firstValue("X-Content-Type-Options").orElse(""));
      String page = chromium.dumpDom(server.url() + "incidents/INC-2024-001/");
      assertEquals(1, org.jsoup.Jsoup.parse(page).select("img[src=../../media/2024/diagram.svg]").size(), page);
    }
  }
}
