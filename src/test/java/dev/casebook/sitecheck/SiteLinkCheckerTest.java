package dev.casebook.sitecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteLinkCheckerTest {
  @TempDir Path site;

  private void page(String path, String html) throws IOException {
    Path file = site.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, html);
  }

  private String read(String page) {
    try {
      return Files.readString(site.resolve(page));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Checks {@code pages} (path to the template that made it) as the build does. */
  private List<String> check(Map<String, String> pages) {
    Diagnostics diagnostics = new Diagnostics();
    java.util.Set<String> files;
    try (var walk = Files.walk(site)) {
      files = walk.filter(Files::isRegularFile).map(p -> site.relativize(p).toString()).collect(java.util.stream.Collectors.toSet());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, PageLinks> links = new java.util.HashMap<>();
    pages.forEach((page, origin) -> links.put(page, PageLinks.scan(origin, read(page))));
    SiteLinkChecker.check(site, files, links, "/docs/", diagnostics);
    return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
  }

  @Test
  void acceptsLinksThatResolveAndLeavesExternalOnesAlone() throws IOException {
    page("index.html", "<a href=\"incidents/\">x</a> <a href=\"incidents/a/#timeline\">t</a> <link href=\"assets/s.css\">"
        + " <a href=\"https://example.com/nope\">e</a> <a href=\"mailto:x@example.com\">m</a> <a href=\"#top\" id=\"top\">t</a>"
        + " <a href=\"incidents/?service=a&amp;team=b\">q</a> <a href=\"/docs/incidents/\">abs</a> <a href=\"/docs/\">r</a>");
    page("incidents/index.html", "<a href=\"../\">home</a> <a href=\"a/\">a</a>");
    page("incidents/a/index.html", "<h2 id=\"timeline\">T</h2> <img src=\"../../assets/s.css\">");
    page("assets/s.css", "body{}");
    assertEquals(List.of(), check(Map.of("index.html", "index.ftlh", "incidents/index.html", "incidents.ftlh",
        "incidents/a/index.html", "incident.ftlh")));
  }

  @Test
  void reportsMissingPagesFilesAnchorsAndEscapesAgainstTheirTemplate() throws IOException {
    page("index.html", "<a href=\"incidents/b/\">b</a> <a href=\"incidents/a/#timelin\">t</a> <script src=\"assets/x.js\"></script>"
        + " <a href=\"../../etc/passwd\">p</a> <a href=\"incidents/a\">no slash</a> <a href=\"/other/\">o</a>");
    page("incidents/a/index.html", "<h2 id=\"timeline\">T</h2>");
    assertEquals(List.of(
        "index.ftlh: error: page / links to '../../etc/passwd', which is outside the site",
        "index.ftlh: error: page / links to '/other/', which is outside the site (it lives at /docs/)",
        "index.ftlh: error: page / links to 'assets/x.js', which does not exist",
        "index.ftlh: error: page / links to 'incidents/a', a folder; write it with a trailing '/'",
        "index.ftlh: error: page / links to 'incidents/a/#timelin', whose page has no element with id 'timelin'",
        "index.ftlh: error: page / links to 'incidents/b/', which does not exist"),
        check(Map.of("index.html", "index.ftlh", "incidents/a/index.html", "incident.ftlh")));
  }

  @Test
  void readsAttributesAsABrowserDoesCharacterReferencesQuotesAndAll() throws IOException {
    page("index.html", "<a href=\"incidents/?team=King&#39;s%20College\">k</a> <a href='incidents/#R&amp;D'>r</a>"
        + " <a href=incidents/a/#x&amp;y>u</a> <img src=\"media/50%25.png\"> <img src=\"media/50%.png\">"
        + " <img src=\"media/%E6%97%A5%E6%9C%AC%20x.png\"> <img src=\"media/\u65e5\u672c x.png\"> <a href=\" incidents/\n\">s</a>");
    page("incidents/index.html", "<h2 id=\"R&amp;D\">R</h2>");
    page("incidents/a/index.html", "<h2 id='x&amp;y'>T</h2>");
    page("media/50%.png", "png");
    page("media/\u65e5\u672c x.png", "png");
    assertEquals(List.of(), check(Map.of("index.html", "index.ftlh", "incidents/index.html", "incidents.ftlh",
        "incidents/a/index.html", "incident.ftlh")));
  }

  @Test
  void checksLinksInSingleQuotesAndWithoutQuotes() throws IOException {
    page("index.html", "<a href='gone/'>g</a> <A HREF=missing.html>m</A> <img src=nope.png alt=x> <a href=\"#a&amp;b\">f</a>");
    assertEquals(List.of(
        "index.ftlh: error: page / links to '#a&b', whose page has no element with id 'a&b'",
        "index.ftlh: error: page / links to 'gone/', which does not exist",
        "index.ftlh: error: page / links to 'missing.html', which does not exist",
        "index.ftlh: error: page / links to 'nope.png', which does not exist"),
        check(Map.of("index.html", "index.ftlh")));
  }

  @Test
  void reportsABrokenLinkThatABodyMadeWhereTheBodyHasIt() throws IOException {
    page("incidents/a/index.html", "<a href=\"../../nav/\">nav</a><article><img src=\"x.png\"></article>");
    Diagnostics diagnostics = new Diagnostics();
    Map<String, PageLinks> links = Map.of("incidents/a/index.html", PageLinks.scan("(default theme) incident.ftlh",
        read("incidents/a/index.html")).tracedTo(Map.of("x.png", new dev.casebook.diag.SourcePosition("incidents/a.md", 9, 3))));
    SiteLinkChecker.check(site, java.util.Set.of("incidents/a/index.html"), links, "/", diagnostics);
    assertEquals(List.of("(default theme) incident.ftlh: error: page /incidents/a/ links to '../../nav/', which does not exist",
        "incidents/a.md:9:3: error: page /incidents/a/ links to 'x.png', which does not exist"),
        diagnostics.sorted().stream().map(Diagnostic::toString).toList());
  }

  @Test
  void readsSiteAbsoluteLinksFromTheRootOfTheSite() throws IOException {
    page("incidents/a/index.html", "<a href=\"/docs/incidents/\">all</a> <a href=\"/docs/incidents/a/\">me</a>");
    page("incidents/index.html", "x");
    assertEquals(List.of(), check(Map.of("incidents/a/index.html", "incident.ftlh")));
  }

  @Test
  void checksTheLinksBodiesMakeToTheSiteAgainstItsFilesAtTheirOwnLines() {
    java.util.Set<String> files = java.util.Set.of("index.html", "incidents/index.html", "incidents/a/index.html", "media/x.png");
    List<dev.casebook.link.SiteLink> links = new java.util.ArrayList<>();
    String[] urls = {"/docs/incidents/", "/docs/media/x.png", "../", "/incidents/", "/docs/nope/", "nope.png", "/docs/incidents",
        "/docs/incidents/a/#top", "/docs/incidents/a/#gone", "../../../..", "https://example.com/"};
    for (int i = 0; i < urls.length; i++) {
      links.add(new dev.casebook.link.SiteLink("incidents/a/index.html", urls[i],
          new dev.casebook.diag.SourcePosition("incidents/a.md", 10 + i, 3), "link"));
    }
    Diagnostics diagnostics = new Diagnostics();
    SiteLinkChecker.checkSiteLinks(links, files, page -> java.util.Set.of("top"), "/docs/", diagnostics);
    assertEquals(List.of(
        "incidents/a.md:13:3: error: link '/incidents/' on page /incidents/a/ leads outside the site (it lives at /docs/)",
        "incidents/a.md:14:3: error: link '/docs/nope/' is not a page or file of the site",
        "incidents/a.md:15:3: error: link 'nope.png' leads to '/incidents/a/nope.png', which is not a page or file of the site"
            + " (no file of the library has that path from the write-up's file either, so the browser reads it from the"
            + " page /incidents/a/)",
        "incidents/a.md:16:3: error: link '/docs/incidents' on page /incidents/a/ leads to a folder; write it with a trailing '/'",
        "incidents/a.md:18:3: error: link '/docs/incidents/a/#gone' on page /incidents/a/ leads to a page that has no element with id 'gone'",
        "incidents/a.md:19:3: error: link '../../../..' on page /incidents/a/ leads outside the site"),
        diagnostics.sorted().stream().map(Diagnostic::toString).toList());
  }

  @Test
  void decodesPercentEscapesAsAServerDoes() {
    assertEquals("50%.png", SiteLinkChecker.percentDecoded("50%25.png"));
    assertEquals("50%.png", SiteLinkChecker.percentDecoded("50%.png"));
    assertEquals("a%zzb c+d", SiteLinkChecker.percentDecoded("a%zzb%20c+d"));
    assertEquals("\u65e5\u672c", SiteLinkChecker.percentDecoded("%E6%97%A5%E6%9C%AC"));
    assertEquals("%", SiteLinkChecker.percentDecoded("%"));
  }

  @Test
  void listsTheFirstBrokenLinksAndCountsTheRest() throws IOException {
    StringBuilder html = new StringBuilder();
    for (int i = 0; i < SiteLinkChecker.MAX_REPORTED + 5; i++) html.append("<a href=\"missing-").append(i).append("/\">x</a>");
    page("index.html", html.toString());
    List<String> errors = check(Map.of("index.html", "index.ftlh"));
    assertEquals(SiteLinkChecker.MAX_REPORTED + 1, errors.size());
    assertEquals(1, errors.stream().filter(e -> e.endsWith("and 5 more broken links in the site")).count());
  }

  @Test
  void resolvesRelativePathsLikeABrowser() {
    assertEquals("incidents/b/", SiteLinkChecker.resolve("incidents/a/index.html", "../b/"));
    assertEquals("", SiteLinkChecker.resolve("incidents/a/index.html", "../../"));
    assertEquals("incidents/a/", SiteLinkChecker.resolve("incidents/a/index.html", "./"));
    assertEquals("media/a b.png", SiteLinkChecker.resolve("incidents/a/index.html", "../../media/a%20b.png"));
    assertEquals("assets/x.css", SiteLinkChecker.resolve("index.html", "assets//x.css"));
    assertEquals(null, SiteLinkChecker.resolve("incidents/a/index.html", "../../../x"));
  }

  /** Resolution as a browser does it, written plainly: the reference for {@link SiteLinkChecker#resolve}. */
  private static String resolvedPlainly(String page, String path) {
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    String[] folders = page.split("/");
    for (int i = 0; i < folders.length - 1; i++) parts.addLast(folders[i]);
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.equals("..")) {
        if (parts.isEmpty()) return null;
        parts.removeLast();
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        parts.addLast(java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
        // (the pieces below are all well-formed escapes, where a server and URLDecoder agree)
      }
      if (last && (segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
        return parts.isEmpty() ? "" : String.join("/", parts) + "/";
      }
    }
    return String.join("/", parts);
  }

  @Test
  void resolvesRandomPathsAsThePlainReadingDoes() {
    String[] pieces = {"..", ".", "", "a", "b%20c", "d+e", "index.html", "..."};
    String[] pages = {"index.html", "a/index.html", "a/b/index.html", "a//index.html", "", "x.html"};
    java.util.Random random = new java.util.Random(3);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder path = new StringBuilder();
      for (int i = random.nextInt(6); i >= 0; i--) {
        path.append(pieces[random.nextInt(pieces.length)]);
        if (i > 0) path.append('/');
      }
      String page = pages[random.nextInt(pages.length)];
      assertEquals(resolvedPlainly(page, path.toString()), SiteLinkChecker.resolve(page, path.toString()), page + " " + path);
    }
  }

  @Test
  void recognisesSchemesAsTheUrlGrammarHasThem() {
    java.util.regex.Pattern scheme = java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    for (String url : List.of("https://x", "mailto:a@b", "a:", "a+b.c-d:x", "1a:", ":x", "ab", "a/b:c", "a b:", "é:x", "", "A9:",
        "#a:b", "x.y")) {
      assertEquals(scheme.matcher(url).find(), SiteLinkChecker.hasScheme(url), url);
    }
  }
}
