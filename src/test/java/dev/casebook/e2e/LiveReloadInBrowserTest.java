package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live reload script of {@code casebook serve} in headless Chromium: given the problems of a
 * failed rebuild, it shows them over the page, as text, one per line with file, line and message,
 * and replaces them on the next event; a rebuild reloads the page only when it changed the page.
 * (The event stream itself is tested in LiveSiteTest; here
 * a stand-in EventSource delivers the events, since headless Chromium's virtual time does not
 * advance while a stream is open.)
 */
class LiveReloadInBrowserTest {
  @TempDir Path tmp;

  @Test
  void theProblemsOfAFailedRebuildShowOverThePageAsText() throws Exception {
    try (InputStream live = getClass().getResourceAsStream("/dev/casebook/serve/live.js");
         InputStream harness = getClass().getResourceAsStream("/e2e/live-reload-harness.html")) {
      Files.write(tmp.resolve("live.js"), live.readAllBytes());
      Files.writeString(tmp.resolve("harness.html"),
          new String(harness.readAllBytes(), StandardCharsets.UTF_8).replace("LIVE_JS", "live.js"));
    }
    Chromium chromium = Chromium.find(tmp);
    String dom = chromium.dumpDom(tmp.resolve("harness.html").toUri().toString());
    JsonNode report = new ObjectMapper().readTree(Jsoup.parse(dom).getElementById("report").text());
    assertEquals("/_casebook/events", report.get("url").asText());
    assertTrue(report.get("shown").asBoolean(), report.toString());
    assertTrue(report.get("title").asText().startsWith("The last change broke the build (1 error)"), report.toString());
    List<String> items = new ArrayList<>();
    report.get("items").forEach(i -> items.add(i.asText()));
    assertEquals(List.of(
        "incidents/2024/a.md:4:7: error: invalid date '2024-02-30' in 'date' (February 2024 has 29 days)",
        "incidents/2024/b.md: warning: <img src=x onerror=alert(1)> is text"), items);
    assertEquals(0, report.get("injected").asInt(), "messages are text, never markup");
    assertEquals(1, report.get("boxes").asInt(), "one overlay");
    assertEquals(1, report.get("itemsAfter").asInt(), "the next event replaces the list");
    assertTrue(report.get("reloadListener").asBoolean());
    assertTrue(report.get("hiddenAfterOtherPages").asBoolean(), "a rebuild of other pages clears the problems, no reload");
    assertEquals(2, report.get("runs").asInt(), "a rebuild that changed this page reloads it, and only that one did");
  }
}
