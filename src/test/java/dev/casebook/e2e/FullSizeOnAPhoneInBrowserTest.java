package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A diagram opened full size, in headless Chromium: on a desktop it fits the dialog; on a phone
 * it keeps at least three quarters of the size it is drawn at and the dialog scrolls, rather than
 * shrinking its text out of reading; the dialog's Close button wears the theme in the dark.
 */
class FullSizeOnAPhoneInBrowserTest {
  @TempDir static Path tmp;
  static ServedSite served;

  @BeforeAll
  static void buildAndServe() throws Exception {
    served = ServedSite.sample(tmp);
  }

  @AfterAll
  static void stop() {
    if (served != null) served.close();
  }

  private static JsonNode open(int width, int height) throws Exception {
    String name = "full-size-" + width + ".html";
    Files.writeString(served.site.resolve(name), """
        <!doctype html><meta charset="utf-8"><title>full size</title>
        <iframe id="f" src="/incidents/INC-2023-014/" style="width:%dpx;height:%dpx;border:0"></iframe>
        <pre id="out"></pre>
        <script>
          var f = document.getElementById("f");
          f.onload = function () {
            var d = f.contentDocument, w = f.contentWindow;
            d.documentElement.setAttribute("data-theme", "dark");
            setTimeout(function () {
              d.querySelector(".full-size-button").click();
              var dialog = d.querySelector("dialog.full-size"), svg = dialog.querySelector("svg");
              var close = w.getComputedStyle(dialog.querySelector(".full-size__close"));
              document.getElementById("out").textContent = JSON.stringify({
                open: dialog.open ? 1 : 0,
                drawn: svg.viewBox.baseVal.width,
                shown: svg.getBoundingClientRect().width,
                scrolls: dialog.scrollWidth > dialog.clientWidth ? 1 : 0,
                closeBackground: close.backgroundColor,
                dialogBackground: w.getComputedStyle(dialog).backgroundColor,
                closeColor: close.color
              });
            }, 500);
          };
        </script>
        """.formatted(width, height), StandardCharsets.UTF_8);
    String text = Jsoup.parse(served.chromium.dumpDom(served.server.url() + name)).getElementById("out").text();
    assertFalse(text.isBlank(), "the harness did not finish");
    return new ObjectMapper().readTree(text);
  }

  @Test
  void onAPhoneTheDiagramKeepsAReadableSizeAndTheDialogScrolls() throws Exception {
    JsonNode phone = open(390, 844);
    assertEquals(1, phone.get("open").asInt(), phone.toString());
    assertTrue(phone.get("drawn").asDouble() > 600, phone.toString());
    assertTrue(phone.get("shown").asDouble() >= phone.get("drawn").asDouble() * 0.75 - 1, "readable: " + phone);
    assertEquals(1, phone.get("scrolls").asInt(), phone.toString());
    assertEquals(phone.get("dialogBackground").asText(), phone.get("closeBackground").asText(), "the theme's surface: " + phone);
    assertNotEquals(phone.get("closeBackground").asText(), phone.get("closeColor").asText(), phone.toString());
  }

  @Test
  void onADesktopTheDiagramFitsTheDialog() throws Exception {
    JsonNode desktop = open(1366, 900);
    assertEquals(1, desktop.get("open").asInt(), desktop.toString());
    assertEquals(0, desktop.get("scrolls").asInt(), desktop.toString());
  }
}
