package dev.casebook.sitecheck;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.link.SiteLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The last check before a site is put in place: every link, image, script and stylesheet that
 * a page points to inside the site exists, and every {@code #fragment} names an element of its
 * page. External URLs are left alone: a build never touches the network. Pages are scanned as
 * they are written ({@link PageLinks}), so the site is not read back.
 */
public final class SiteLinkChecker {
  /** After this many broken links, the rest are counted, not listed. */
  static final int MAX_REPORTED = 25;

  private final Path site;
  private final Set<String> files;
  /** The site's folders, made when a link first leads to something that is not a file. */
  private volatile Set<String> folders;
  private final String basePath;
  /** The ids of pages not among those given, read from the site when a link names one of their ids. */
  private final Map<String, Set<String>> ids = new ConcurrentHashMap<>();
  private Map<String, PageLinks> pages = Map.of();
  /** The ids of a page not among those given: read from the site, unless told otherwise. */
  private Function<String, Set<String>> idsOf = page -> PageLinks.scan("", read(page)).ids();

  private SiteLinkChecker(Path site, Set<String> files, String basePath) {
    this.site = site;
    this.files = files;
    this.basePath = basePath;
  }

  private boolean isFolder(String path) {
    Set<String> known = folders;
    if (known == null) {
      known = new java.util.HashSet<>();
      for (String file : files) {
        for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) known.add(file.substring(0, slash));
      }
      folders = known;
    }
    return known.contains(path);
  }

  /**
   * @param files every file of the site, by path
   * @param pages each HTML page's path in the site with its links and ids
   * @param basePath the site's path on its server ({@code /}, or {@code /docs/}), which links
   *     that start with {@code /} begin with
   */
  public static void check(Path site, Set<String> files, Map<String, PageLinks> pages, String basePath, Diagnostics diagnostics) {
    new SiteLinkChecker(site, files, basePath).run(pages, diagnostics);
  }

  /**
   * Checks the links of {@code check} only (pages of {@code pages}, say the ones an update
   * rewrote), against a site of {@code files} whose pages are {@code pages}.
   */
  public static void check(Path site, Set<String> files, Map<String, PageLinks> pages, java.util.Collection<String> check,
      String basePath, Diagnostics diagnostics) {
    new SiteLinkChecker(site, files, basePath).run(pages, check, diagnostics);
  }

  private void run(Map<String, PageLinks> pages, Diagnostics diagnostics) {
    run(pages, pages.keySet(), diagnostics);
  }

  private void run(Map<String, PageLinks> pages, java.util.Collection<String> check, Diagnostics diagnostics) {
    this.pages = pages;
    // Pages are checked in parallel; the broken links stay in page order, then link order.
    List<String[]> broken = check.stream().filter(pages::containsKey).sorted().toList().parallelStream().map(page -> {
      String[] folder = folderOf(page);
      List<String[]> found = null;
      for (String url : pages.get(page).urls()) {
        Broken problem = problem(page, folder, url);
        if (problem != null) {
          if (found == null) found = new ArrayList<>();
          found.add(new String[] {page, url, problem.reason()});
        }
      }
      return found == null ? List.<String[]>of() : found;
    }).toList().stream().flatMap(List::stream).toList();
    for (int i = 0; i < Math.min(broken.size(), MAX_REPORTED); i++) {
      String[] b = broken.get(i);
      // A link the page's body made is reported where the body has it; one of the template's, against the template.
      SourcePosition traced = pages.get(b[0]).traced().get(b[1]);
      diagnostics.error(traced != null ? traced : SourcePosition.of(pages.get(b[0]).origin()),
          "page /" + b[0].replaceFirst("index\\.html$", "") + " links to '" + b[1] + "', " + b[2]);
    }
    if (broken.size() > MAX_REPORTED) {
      diagnostics.error(SourcePosition.of(pages.get(broken.get(MAX_REPORTED)[0]).origin()),
          "and " + (broken.size() - MAX_REPORTED) + " more broken links in the site");
    }
  }

  /**
   * Checks links that bodies make straight to paths of the site against the files the site will
   * have, before it is written: each broken one is reported where the body has it.
   *
   * @param files every file the site will have, by path
   * @param idsOf the ids of one of its pages, for links with a {@code #fragment}
   */
  public static void checkSiteLinks(List<SiteLink> links, Set<String> files, Function<String, Set<String>> idsOf, String basePath,
      Diagnostics diagnostics) {
    if (links.isEmpty()) return;
    SiteLinkChecker checker = new SiteLinkChecker(null, files, basePath);
    checker.idsOf = idsOf;
    for (SiteLink link : links) {
      Broken broken = checker.problem(link.page(), folderOf(link.page()), link.url());
      if (broken == null) continue;
      String page = "/" + link.page().replaceFirst("index\\.html$", "");
      boolean relative = !asBrowsersRead(link.url()).startsWith("/");
      String message = link.what() + " '" + link.url() + "'";
      if (broken.target() == null) {
        diagnostics.error(link.at(), message + " on page " + page + " leads " + broken.reason().replaceFirst("^which is ", ""));
      } else if (broken.reason().equals(MISSING) && !relative) {
        diagnostics.error(link.at(), message + " is not a page or file of the site");
      } else if (broken.reason().equals(MISSING)) {
        String target = "/" + broken.target().replaceFirst("(^|/)index\\.html$", "$1");
        diagnostics.error(link.at(), message + " leads to '" + target + "', which is not a page or file of the site",
            "no file of the library has that path from the write-up's file either, so the browser reads it from the page " + page);
      } else {
        diagnostics.error(link.at(), message + " on page " + page + " leads to " + broken.reason().replaceFirst("^which is |^whose page ", "a page that "));
      }
    }
  }

  private static final String MISSING = "which does not exist";

  /** Why a link leads nowhere, and the path in the site it leads to when it has one. */
  private record Broken(String target, String reason) {}

  /** Why {@code url} on {@code page} (in {@code folder}) leads nowhere, or null when it resolves. */
  private Broken problem(String page, String[] folder, String url) {
    String plain = asBrowsersRead(url);
    if (plain.isEmpty() || plain.startsWith("//") || hasScheme(plain)) return null;
    // The URL as the page holds it, character references already decoded: the fragment is what
    // follows the first '#', the query what follows the first '?' before it.
    int hash = plain.indexOf('#');
    String fragment = hash < 0 ? null : plain.substring(hash + 1);
    String path = hash < 0 ? plain : plain.substring(0, hash);
    int query = path.indexOf('?');
    if (query >= 0) path = path.substring(0, query);
    path = path.replace('\\', '/');
    String target;
    if (path.startsWith("/")) {
      if (!path.startsWith(basePath)) return new Broken(null, "which is outside the site (it lives at " + basePath + ")");
      path = path.substring(basePath.length());
      if (path.isEmpty()) path = "./";
      folder = new String[0]; // from the site's root, not the page's folder
    }
    if (path.isEmpty()) {
      target = page;
    } else {
      target = resolve(folder, path);
      if (target == null) return new Broken(null, "which is outside the site");
      if (target.isEmpty() || target.endsWith("/")) target = target + "index.html";
      else if (!files.contains(target) && isFolder(target)) return new Broken(target, "a folder; write it with a trailing '/'");
    }
    if (!files.contains(target)) return new Broken(target, MISSING);
    if (fragment == null || fragment.isEmpty() || !target.endsWith(".html")) return null;
    PageLinks given = pages.get(target);
    Set<String> targetIds = given != null ? given.ids() : ids.computeIfAbsent(target, idsOf);
    String id = percentDecoded(fragment);
    return targetIds.contains(id) || targetIds.contains(fragment) ? null : new Broken(target, "whose page has no element with id '" + id + "'");
  }

  /**
   * {@code path} (relative, percent-encoded) resolved against the folder of {@code page}, as a
   * path in the site; a trailing {@code /} is kept. Null when it climbs out of the site.
   */
  static String resolve(String page, String path) {
    return resolve(folderOf(page), path);
  }

  /** The folders of {@code page}, outermost first. */
  private static String[] folderOf(String page) {
    String[] parts = page.split("/");
    return java.util.Arrays.copyOf(parts, Math.max(0, parts.length - 1));
  }

  private static String resolve(String[] folder, String path) {
    int segments = 1;
    for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) segments++;
    String[] parts = java.util.Arrays.copyOf(folder, folder.length + segments);
    int n = folder.length;
    for (int start = 0; ; ) {
      int slash = path.indexOf('/', start);
      boolean last = slash < 0;
      int end = last ? path.length() : slash;
      int length = end - start;
      boolean dot = length == 1 && path.charAt(start) == '.';
      boolean dotDot = length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.';
      if (dotDot) {
        if (n == 0) return null;
        n--;
      } else if (length > 0 && !dot) {
        String segment = path.substring(start, end);
        parts[n++] = segment.indexOf('%') < 0 ? segment : percentDecoded(segment);
      }
      if (last) {
        if (length == 0 || dot || dotDot) return n == 0 ? "" : join(parts, n) + "/";
        return join(parts, n);
      }
      start = slash + 1;
    }
  }

  private static String join(String[] parts, int n) {
    if (n == 1) return parts[0];
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) sb.append('/');
      sb.append(parts[i]);
    }
    return sb.toString();
  }

  /**
   * {@code url} as a browser's URL parser takes it: without leading and trailing spaces and
   * control characters, and without tabs and line breaks anywhere.
   */
  static String asBrowsersRead(String url) {
    int start = 0;
    int end = url.length();
    while (start < end && url.charAt(start) <= ' ') start++;
    while (end > start && url.charAt(end - 1) <= ' ') end--;
    String s = url.substring(start, end);
    if (s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return s.replace("\t", "").replace("\n", "").replace("\r", "");
  }

  /**
   * {@code s} with each {@code %XX} decoded, the bytes read as UTF-8, as a server finds a file; a
   * {@code %} not followed by two hex digits stays as it is, as browsers leave it.
   */
  static String percentDecoded(String s) {
    if (s.indexOf('%') < 0) return s;
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length());
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      int hi = i + 2 < raw.length && raw[i] == '%' ? Character.digit(raw[i + 1], 16) : -1;
      int lo = hi >= 0 ? Character.digit(raw[i + 2], 16) : -1;
      if (lo >= 0) {
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        bytes.write(raw[i]);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Whether {@code url} starts with a scheme ({@code https:}, {@code mailto:}, ...). */
  static boolean hasScheme(String url) {
    if (url.isEmpty() || !asciiLetter(url.charAt(0))) return false;
    for (int i = 1; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == ':') return true;
      if (!asciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') return false;
    }
    return false;
  }

  private static boolean asciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private String read(String page) {
    try {
      return Files.readString(site.resolve(page), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
