package dev.casebook.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any value a field may hold builds: names with quotes, apostrophes, {@code &}, {@code <},
 * {@code #}, {@code ?}, {@code %}, spaces, non-Latin scripts, emoji and right-to-left text, in
 * every field, pass the site's link check, and each browse page is linked from the write-up.
 */
class AwkwardValuesTest {
  @TempDir Path tmp;

  /** Awkward names, each one a different kind of trouble for URLs and HTML. */
  static final List<String> NAMES = List.of("King's College London", "R&D <core>", "say \"hi\"", "a#b", "what?", "100% up",
      "two  spaces", "日本語 サービス", "Ελληνικά", "fire 🔥", "עברית ושלום", "مرحبا", "&amp; literal", "a/b", "..", "-", "%41",
      "tab\tname");

  /** A YAML double-quoted string of {@code s}. */
  private static String yaml(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
  }

  private static String list(List<String> values) {
    return "[" + String.join(", ", values.stream().map(AwkwardValuesTest::yaml).toList()) + "]";
  }

  private Path library() throws IOException {
    Path lib = tmp.resolve("library");
    StringBuilder config = new StringBuilder("title: " + yaml("Awkward & <odd> 'library' #1") + "\nvocabularies:\n");
    for (String vocabulary : List.of("teams", "services", "tags", "severities")) {
      config.append("  ").append(vocabulary).append(": ").append(list(NAMES)).append('\n');
    }
    Files.createDirectories(lib.resolve("incidents/2024/INC_1.a-b"));
    Files.writeString(lib.resolve("casebook.yml"), config.toString());
    // Every name in every field, over three write-ups; ids use every character an id may have.
    String[] ids = {"INC_1.a-b", "inc-2", "Inc.3"};
    for (int w = 0; w < ids.length; w++) {
      List<String> mine = new ArrayList<>();
      for (int i = w; i < NAMES.size(); i += ids.length) mine.add(NAMES.get(i));
      String md = "---\nid: " + ids[w] + "\ntitle: " + yaml(String.join(" · ", mine)) + "\ndate: 2024-03-0" + (w + 1)
          + "\nsummary: " + yaml(String.join(" ", mine)) + "\nseverity: " + yaml(mine.get(0)) + "\nowner: " + yaml(mine.get(0))
          + "\nteams: " + list(mine) + "\nservices: " + list(mine) + "\ntags: " + list(mine) + "\nauthors: " + list(mine)
          + "\nresponders: " + list(mine) + "\nrelated: [" + ids[(w + 1) % ids.length] + "]\n---\n\n## " + mine.get(0)
          + "\n\nSee [the next one](" + ids[(w + 1) % ids.length] + ") and ![a chart](INC_1.a-b/chart%20%2350%25%20%E6%97%A5.svg).\n";
      Files.writeString(lib.resolve("incidents/2024/" + ids[w] + ".md"), md);
    }
    Files.writeString(lib.resolve("incidents/2024/INC_1.a-b/chart #50% 日.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    return lib;
  }

  /** {@code s} as it reads in a page, runs of white space being one space. */
  private static String spaced(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** The file that {@code href} on the page at {@code page} leads to, as a browser and a static server find it. */
  private static Path target(Path site, Path page, String href) {
    URI base = href.startsWith("/") ? site.toUri() : page.toUri();
    URI resolved = base.resolve(URI.create(encodeForUri(href.startsWith("/") ? href.substring(1) : href)));
    Path file = Path.of(resolved.getPath());
    return Files.isDirectory(file) ? file.resolve("index.html") : file;
  }

  /** {@code href} with what a browser would escape escaped, so that java.net.URI takes it. */
  private static String encodeForUri(String href) {
    StringBuilder out = new StringBuilder();
    for (byte b : href.getBytes(UTF_8)) {
      int c = b & 0xff;
      if (c <= ' ' || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) out.append(String.format("%%%02X", c));
      else out.append((char) c);
    }
    return out.toString();
  }

  @Test
  void everyAwkwardValueInEveryFieldBuildsAndLinksToItsBrowsePage() throws IOException {
    Path site = tmp.resolve("site");

    BuildResult result = SiteBuild.build(new BuildOptions(library(), site, false, null));

    assertEquals(List.of(), result.diagnostics().stream().map(Object::toString).toList());
    assertTrue(result.written());
    List<String> checked = new ArrayList<>();
    try (Stream<Path> pages = Files.walk(site)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document doc = Jsoup.parse(Files.readString(page), page.toUri().toString());
        for (Element link : doc.select("a[href], img[src], link[href], script[src]")) {
          String url = link.hasAttr("href") ? link.attr("href") : link.attr("src");
          if (url.startsWith("#") || url.contains("://") || url.startsWith("mailto:")) continue;
          String path = url.replaceFirst("[?#].*", "");
          if (path.isEmpty()) continue;
          assertTrue(Files.isRegularFile(target(site, page, path)), site.relativize(page) + " links to " + url);
          checked.add(url);
        }
      }
    }
    assertTrue(checked.size() > 500, "links checked: " + checked.size());
    String[] ids = {"INC_1.a-b", "inc-2", "Inc.3"};
    for (int w = 0; w < ids.length; w++) {
      Path page = site.resolve("incidents/" + ids[w] + "/index.html");
      Document doc = Jsoup.parse(Files.readString(page));
      for (int i = w; i < NAMES.size(); i += ids.length) {
        String name = spaced(NAMES.get(i));
        // Each value of the write-up links to its own browse page (team, service, tag), whose heading is the value
        // ("On this page" links to a heading of the body by the same text).
        List<Element> links = doc.select("a").stream()
            .filter(a -> a.text().equals(name) && !a.attr("href").startsWith("#")).toList();
        assertTrue(links.size() >= 3, ids[w] + " links " + name + " " + links.size() + " times");
        for (Element a : links) {
          Document term = Jsoup.parse(Files.readString(target(site, page, a.attr("href"))));
          assertEquals(name, term.selectFirst("h1").text(), a.attr("href"));
        }
      }
    }
    for (String name : NAMES) {
      for (String taxonomy : List.of("teams", "services", "tags")) {
        Document index = Jsoup.parse(Files.readString(site.resolve(taxonomy + "/index.html")));
        Element card = index.select("a[href]").stream().filter(a -> a.text().startsWith(spaced(name))).findFirst()
            .orElseThrow(() -> new AssertionError(taxonomy + " has no link for " + name));
        Path termPage = target(site, site.resolve(taxonomy + "/index.html"), card.attr("href"));
        Document term = Jsoup.parse(Files.readString(termPage));
        assertEquals(spaced(name), term.selectFirst("h1").text(), taxonomy + " " + name);
      }
    }
    assertTrue(Files.isRegularFile(site.resolve("media/2024/INC_1.a-b/chart #50% 日.svg")));
  }

  @Test
  void awkwardValuesCheckCleanly() throws IOException {
    assertEquals(List.of(), SiteBuild.check(library()).diagnostics().stream().map(Object::toString).toList());
  }

}
