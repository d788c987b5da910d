package dev.casebook.sitecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageLinksTest {
  /** What scanning for one attribute means: search the page for the prefix, take the value, search on from its end. */
  private static List<String> searched(String html, String prefix) {
    List<String> out = new ArrayList<>();
    for (int at = html.indexOf(prefix); at >= 0; at = html.indexOf(prefix, at)) {
      int start = at + prefix.length();
      int end = html.indexOf('"', start);
      if (end < 0) break;
      out.add(html.substring(start, end));
      at = end;
    }
    return out;
  }

  private static void assertScansLikeSearching(String html) {
    List<String> urls = new ArrayList<>(searched(html, " href=\""));
    urls.addAll(searched(html, " src=\""));
    PageLinks links = PageLinks.scan("t", html);
    assertEquals(urls, links.urls(), html);
    assertEquals(Set.copyOf(searched(html, " id=\"")), links.ids(), html);
    assertEquals(searched(html, " href=\""), PageLinks.attributes(html, " href=\""), html);
  }

  @Test
  void findsLinksSourcesAndIds() {
    PageLinks links = PageLinks.scan("t", "<a href=\"a/\" id=\"x\">a</a><img src=\"i.png\"><a class=\"c\" href=\"b/#y\">b</a><p id=\"y\">");
    assertEquals(List.of("a/", "b/#y", "i.png"), links.urls());
    assertEquals(Set.of("x", "y"), links.ids());
  }

  @Test
  void oddPagesScanAsSearchingThemWould() {
    for (String html : List.of("", "\"", "=\"", " href=\"", " href=\"a", "\" href=\"a\"", " href=\"a src=\" src=\"b\"",
        " href=\"a src=\"b\"c\" id=\"d\"", "x href=\"a\" xsrc=\"b\" hid=\"c\"", " href=\"\" src=\"\" id=\"\"", " id=\"a\" id=\"a\"",
        " href=\"x id=\"y\"", "  href==\"a\"", " href=\"é😀\" src=\"ü\"")) {
      assertScansLikeSearching(html);
    }
  }

  @Test
  void randomPagesScanAsSearchingThemWould() {
    String[] pieces = {" href=\"", " src=\"", " id=\"", "\"", "=", " ", "href", "src", "id", "a", "/", "é", "<a", ">", "=\""};
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder html = new StringBuilder();
      for (int i = random.nextInt(25); i > 0; i--) html.append(pieces[random.nextInt(pieces.length)]);
      assertScansLikeSearching(html.toString());
    }
  }
}
