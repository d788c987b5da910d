package dev.casebook.sitecheck;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
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
import java.util.regex.Pattern;

/**
 * The last check before a site is put in place: every link, image, script and stylesheet that
 * a page points to inside the site exists, and every {@code #fragment} names an element of its
 * page. External URLs are left alone: a build never touches the network. Pages are scanned as
 * they are written ({@link PageLinks}), so the site is not read back.
 */
public final class SiteLinkChecker {
  /** After this many broken links, the rest are counted, not listed. */
  static final int MAX_REPORTED = 25;
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private final Path site;
  private final Set<String> files;
  private final Set<String> folders = new java.util.HashSet<>();
  private final String basePath;
  private final Map<String, Set<String>> ids = new ConcurrentHashMap<>();

  private SiteLinkChecker(Path site, Set<String> files, String basePath) {
    this.site = site;
    this.files = files;
    this.basePath = basePath;
    for (String file : files) {
      for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) folders.add(file.substring(0, slash));
    }
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
    pages.forEach((page, links) -> ids.put(page, links.ids()));
    List<String[]> broken = new ArrayList<>();
    check.stream().filter(pages::containsKey).sorted().forEach(page -> {
      for (String url : pages.get(page).urls()) {
        String problem = problem(page, url);
        if (problem != null) broken.add(new String[] {page, url, problem});
      }
    });
    for (int i = 0; i < Math.min(broken.size(), MAX_REPORTED); i++) {
      String[] b = broken.get(i);
      diagnostics.error(SourcePosition.of(pages.get(b[0]).origin()),
          "page /" + b[0].replaceFirst("index\\.html$", "") + " links to '" + b[1] + "', " + b[2]);
    }
    if (broken.size() > MAX_REPORTED) {
      diagnostics.error(SourcePosition.of(pages.get(broken.get(MAX_REPORTED)[0]).origin()),
          "and " + (broken.size() - MAX_REPORTED) + " more broken links in the site");
    }
  }

  /** Why {@code url} on {@code page} leads nowhere, or null when it resolves. */
  private String problem(String page, String url) {
    if (url.isEmpty() || url.startsWith("//") || SCHEME.matcher(url).find()) return null;
    String decoded = url.replace("&amp;", "&");
    int hash = decoded.indexOf('#');
    String fragment = hash < 0 ? null : decoded.substring(hash + 1);
    String path = hash < 0 ? decoded : decoded.substring(0, hash);
    int query = path.indexOf('?');
    if (query >= 0) path = path.substring(0, query);
    String target;
    if (path.startsWith("/")) {
      if (!path.startsWith(basePath)) return "which is outside the site (it lives at " + basePath + ")";
      path = path.substring(basePath.length());
      if (path.isEmpty()) path = "./";
    }
    if (path.isEmpty()) {
      target = page;
    } else {
      target = resolve(page, path);
      if (target == null) return "which is outside the site";
      if (target.isEmpty() || target.endsWith("/")) target = target + "index.html";
      else if (folders.contains(target)) return "a folder; write it with a trailing '/'";
    }
    if (!files.contains(target)) return "which does not exist";
    if (fragment == null || fragment.isEmpty() || !target.endsWith(".html")) return null;
    Set<String> targetIds = ids.computeIfAbsent(target, t -> PageLinks.scan("", read(t)).ids());
    String id = java.net.URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
    return targetIds.contains(id) || targetIds.contains(fragment) ? null : "whose page has no element with id '" + id + "'";
  }

  /**
   * {@code path} (relative, percent-encoded) resolved against the folder of {@code page}, as a
   * path in the site; a trailing {@code /} is kept. Null when it climbs out of the site.
   */
  static String resolve(String page, String path) {
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
        parts.addLast(segment.indexOf('%') < 0 ? segment : java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
      if (last && (segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
        return parts.isEmpty() ? "" : String.join("/", parts) + "/";
      }
    }
    return String.join("/", parts);
  }

  private String read(String page) {
    try {
      return Files.readString(site.resolve(page), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
