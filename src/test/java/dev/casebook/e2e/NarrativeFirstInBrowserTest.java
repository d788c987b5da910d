package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write-up page of the sample library, in headless Chromium at a desktop's 1366 by 900 and a
 * phone's 390 by 844: the story (the first heading or paragraph of the body) starts on the first
 * screen of the desktop and within a screen and a half of the phone, and the facts are one glance
 * away: beside the story on the desktop, a line that opens them on the phone.
 */
class NarrativeFirstInBrowserTest {
  private static final int DESKTOP_WIDTH = 1366;
  private static final int DESKTOP_HEIGHT = 900;
  private static final int PHONE_WIDTH = 390;
  private static final int PHONE_HEIGHT = 844;

  @TempDir static Path tmp;
  static ServedSite served;
  static List<String> writeUps;

  @BeforeAll
  static void buildAndServe() throws Exception {
    served = ServedSite.sample(tmp);
    try (Stream<Path> dirs = Files.list(served.site.resolve("incidents"))) {
      writeUps = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
    }
    assertTrue(writeUps.size() >= 10, writeUps.toString());
  }

  @AfterAll
  static void stop() {
    if (served != null) served.close();
  }

  /**
   * Each write-up opened in turn in a frame {@code width} by {@code height}, with the theme
   * {@code theme}, measured once its scripts ran: where the story and the facts start, whether the
   * facts are open, how much wider than the frame the page is.
   */
  private static JsonNode measure(int width, int height, String theme) throws Exception {
    String name = "narrative-" + width + "-" + theme + ".html";
    StringBuilder ids = new StringBuilder();
    for (String id : writeUps) ids.append(ids.isEmpty() ? "" : ",").append('"').append(id).append('"');
    Files.writeString(served.site.resolve(name), """
        <!doctype html><meta charset="utf-8"><title>measure</title>
        <iframe id="f" src="/incidents/%s/" style="width:%dpx;height:%dpx;border:0"></iframe>
        <pre id="out"></pre>
        <script>
          var ids = [%s], n = 0, out = {}, f = document.getElementById("f");
          function topOf(d, s) { var e = d.querySelector(s); return e ? Math.round(e.getBoundingClientRect().top) : -1; }
          f.onload = function () {
            var d = f.contentDocument;
            d.documentElement.setAttribute("data-theme", "%s");
            setTimeout(function () {
              var facts = d.querySelector(".facts");
              out[ids[n]] = {
                story: topOf(d, ".incident__body .prose > *"),
                facts: topOf(d, ".facts"),
                factsSummary: topOf(d, ".facts > summary"),
                factsOpen: facts && facts.open ? 1 : 0,
                factsRight: facts ? Math.round(facts.getBoundingClientRect().right) : -1,
                storyRight: Math.round(d.querySelector(".incident__body .prose").getBoundingClientRect().right),
                wider: d.documentElement.scrollWidth - d.documentElement.clientWidth
              };
              n++;
              if (n < ids.length) f.src = "/incidents/" + ids[n] + "/";
              else document.getElementById("out").textContent = JSON.stringify(out);
            }, 200);
          };
        </script>
        """.formatted(writeUps.get(0), width, height, ids, theme), StandardCharsets.UTF_8);
    String text = Jsoup.parse(served.chromium.dumpDom(served.server.url() + name)).getElementById("out").text();
    assertFalse(text.isBlank(), "the harness did not finish");
    return new ObjectMapper().readTree(text);
  }

  @Test
  void onADesktopTheStoryStartsOnTheFirstScreenWithTheFactsBesideIt() throws Exception {
    JsonNode all = measure(DESKTOP_WIDTH, DESKTOP_HEIGHT, "light");
    List<String> late = new ArrayList<>();
    for (String id : writeUps) {
      JsonNode m = all.get(id);
      if (m.get("story").asInt() < 0 || m.get("story").asInt() >= DESKTOP_HEIGHT) late.add(id + " " + m);
    }
    assertEquals(List.of(), late, "the story starts below the first screen");
    for (String id : writeUps) {
      JsonNode m = all.get(id);
      assertEquals(1, m.get("factsOpen").asInt(), id + ": the facts are open on a desktop " + m);
      assertTrue(m.get("facts").asInt() < DESKTOP_HEIGHT, id + ": the facts start on the first screen " + m);
      assertTrue(m.get("factsRight").asInt() > m.get("storyRight").asInt(), id + ": the facts are beside the story " + m);
      assertEquals(0, m.get("wider").asInt(), id + " " + m);
    }
  }

  @Test
  void onAPhoneTheStoryStartsWithinAScreenAndAHalfAndTheFactsAreALineThatOpensThem() throws Exception {
    JsonNode all = measure(PHONE_WIDTH, PHONE_HEIGHT, "dark");
    List<String> late = new ArrayList<>();
    for (String id : writeUps) {
      JsonNode m = all.get(id);
      if (m.get("story").asInt() < 0 || m.get("story").asInt() >= PHONE_HEIGHT * 3 / 2) late.add(id + " " + m);
    }
    assertEquals(List.of(), late, "the story starts more than a screen and a half down");
    for (String id : writeUps) {
      JsonNode m = all.get(id);
      assertEquals(0, m.get("factsOpen").asInt(), id + ": the facts are closed on a phone " + m);
      assertTrue(m.get("factsSummary").asInt() >= 0 && m.get("factsSummary").asInt() < m.get("story").asInt(),
          id + ": the line that opens the facts comes before the story " + m);
      assertEquals(0, m.get("wider").asInt(), id + ": nothing is wider than the phone " + m);
    }
  }

  @Test
  void severityDateAndAuthorsAreSaidOnceAtTheTop() throws Exception {
    for (String id : writeUps) {
      Document page = Jsoup.parse(Files.readString(served.site.resolve("incidents/" + id + "/index.html")));
      Element facts = page.selectFirst(".facts");
      assertTrue(facts != null, id);
      assertEquals(List.of(), facts.select("dt").eachText().stream()
          .filter(t -> List.of("Date", "Severity", "Authors").contains(t)).toList(), id + ": said in the byline already");
      Element header = page.selectFirst(".incident__header");
      assertEquals(1, header.select("time[datetime]").stream().filter(t -> !t.hasClass("incident__changed")).count(), id);
    }
  }
}
