package dev.casebook.sitecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the link check needs of a rendered page, taken while the page is written so the built
 * site is never read back: the URLs it points to and the ids it has.
 *
 * @param origin what made the page (a template), which broken links are reported against
 */
public record PageLinks(String origin, List<String> urls, Set<String> ids) {

  public PageLinks {
    urls = List.copyOf(urls);
    ids = Set.copyOf(ids);
  }

  /** Scans a page as Casebook and its templates write it: attributes in double quotes. */
  public static PageLinks scan(String origin, String html) {
    List<String> urls = attributes(html, " href=\"");
    urls.addAll(attributes(html, " src=\""));
    return new PageLinks(origin, urls, Set.copyOf(attributes(html, " id=\"")));
  }

  /** The values of every double-quoted attribute that {@code prefix} (e.g. {@code  href="}) starts. */
  static List<String> attributes(String html, String prefix) {
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
}
