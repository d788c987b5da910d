package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class SvgSanitizerTest {
  private static String clean(String svg) {
    return new String(SvgSanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  @Test
  void keepsADrawingAsItIs() {
    String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
        + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\"><defs><linearGradient id=\"g\">"
        + "<stop offset=\"0\" stop-color=\"red\" /></linearGradient></defs><style>rect { fill: url(#g); }</style>"
        + "<rect id=\"r\" width=\"10\" height=\"10\" fill=\"url(#g)\" /><use xlink:href=\"#r\" />"
        + "<a href=\"https://example.com/runbook\"><text x=\"1\" y=\"5\">db &amp; cache</text></a></svg>";
    assertEquals(svg, clean(svg));
  }

  @Test
  void dropsEveryWayToRunScriptOrLoadFromElsewhere() {
    String svg = "<!DOCTYPE svg [<!ENTITY x \"&#60;script&#62;alert(1)&#60;/script&#62;\">]>"
        + "<?xml-stylesheet type=\"text/xsl\" href=\"evil.xsl\"?>"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" onload=\"alert(1)\">"
        + "<script>alert(1)</script><svg:script xmlns:svg=\"http://www.w3.org/2000/svg\">alert(2)</svg:script>"
        + "<foreignObject><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"javascript:alert(3)\" /></foreignObject>"
        + "<a xlink:href=\" java\tscript:alert(4)\"><text>a</text></a><a href=\"data:text/html,x\"><text>b</text></a>"
        + "<set attributeName=\"href\" to=\"javascript:alert(5)\" />"
        + "<animate attributeName=\"xlink:href\" values=\"javascript:alert(6)\" />"
        + "<image href=\"https://tracker.example/p.png\" /><use href=\"other.svg#x\" />"
        + "<style>@import url(https://evil.example/x.css);</style><rect style=\"fill: url(https://evil.example/f)\" />"
        + "<g xml:base=\"https://evil.example/\" ONCLICK=\"alert(7)\"><circle r=\"1\" /></g>&x;</svg>";
    String out = clean(svg);
    String lower = out.toLowerCase(Locale.ROOT);
    for (String gone : new String[] {"script", "alert", "<!doctype", "xml-stylesheet", "foreignobject", "iframe", "data:",
        "<set", "<animate", "tracker", "other.svg", "evil", "onload", "onclick"}) {
      assertFalse(lower.contains(gone), gone + " must be gone: " + out);
    }
    Document doc = Jsoup.parse(out, "", Parser.xmlParser());
    assertEquals(2, doc.select("a").size(), "the links stay, without their targets");
    assertEquals(1, doc.select("circle").size());
    assertTrue(out.contains("&amp;x;"), "an entity with no declaration is text: " + out);
  }

  @Test
  void keepsEmbeddedRasterImages() {
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"data:image/png;base64,iVBORw0KGgo=\" /></svg>";
    assertEquals(svg, clean(svg));
  }
}
