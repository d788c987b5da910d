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
    Scan hrefs = new Scan(" href");
    Scan srcs = new Scan(" src");
    Scan ids = new Scan(" id");
    // One pass over the quotes: each {@code ="} may end a prefix; every scan takes its own matches
    // in turn, as if it had searched the page alone.
    for (int quote = html.indexOf('"'); quote >= 0; quote = html.indexOf('"', quote + 1)) {
      if (quote == 0 || html.charAt(quote - 1) != '=') continue;
      if (!hrefs.take(html, quote) && !srcs.take(html, quote)) ids.take(html, quote);
    }
    List<String> urls = hrefs.values;
    urls.addAll(srcs.values);
    return new PageLinks(origin, urls, Set.copyOf(ids.values));
  }

  /** The values of every double-quoted attribute that {@code prefix} (e.g. {@code  href="}) starts. */
  static List<String> attributes(String html, String prefix) {
    if (prefix.length() < 3 || !prefix.endsWith("=\"")) throw new IllegalArgumentException(prefix);
    Scan scan = new Scan(prefix.substring(0, prefix.length() - 2));
    for (int quote = html.indexOf('"'); quote >= 0; quote = html.indexOf('"', quote + 1)) {
      if (quote > 0 && html.charAt(quote - 1) == '=') scan.take(html, quote);
    }
    return scan.values;
  }

  /** The values of one attribute, {@code name} being what comes before its {@code ="}. */
  private static final class Scan {
    final String name;
    final List<String> values = new ArrayList<>();
    /** Where the next match may start: after the last value taken. */
    int from;
    boolean done;

    Scan(String name) {
      this.name = name;
    }

    /** Takes the value opened by the quote at {@code quote} if {@code name} precedes its {@code =}; true if it did. */
    boolean take(String html, int quote) {
      int at = quote - 1 - name.length();
      if (done || at < from || !html.startsWith(name, at)) return false;
      int end = html.indexOf('"', quote + 1);
      if (end < 0) {
        done = true;
        return false;
      }
      values.add(html.substring(quote + 1, end));
      from = end;
      return true;
    }
  }
}
