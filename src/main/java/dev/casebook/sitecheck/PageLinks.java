package dev.casebook.sitecheck;

import java.nio.charset.StandardCharsets;
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
    return scan(origin, html.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Scans a page's UTF-8 bytes, as they are written. What is looked for is ASCII, and in UTF-8 an
   * ASCII byte is always that character, never part of another one, so the bytes can be scanned
   * as they are and only the values taken decoded.
   */
  public static PageLinks scan(String origin, byte[] html) {
    Scan hrefs = new Scan(" href");
    Scan srcs = new Scan(" src");
    Scan ids = new Scan(" id");
    // One pass over the quotes: each {@code ="} may end a prefix; every scan takes its own matches
    // in turn, as if it had searched the page alone.
    for (int quote = quote(html, 0); quote >= 0; quote = quote(html, quote + 1)) {
      if (quote == 0 || html[quote - 1] != '=') continue;
      if (!hrefs.take(html, quote) && !srcs.take(html, quote)) ids.take(html, quote);
    }
    List<String> urls = hrefs.values;
    urls.addAll(srcs.values);
    return new PageLinks(origin, urls, Set.copyOf(ids.values));
  }

  /** The values of every double-quoted attribute that {@code prefix} (e.g. {@code  href="}) starts. */
  static List<String> attributes(String page, String prefix) {
    if (prefix.length() < 3 || !prefix.endsWith("=\"")) throw new IllegalArgumentException(prefix);
    byte[] html = page.getBytes(StandardCharsets.UTF_8);
    Scan scan = new Scan(prefix.substring(0, prefix.length() - 2));
    for (int quote = quote(html, 0); quote >= 0; quote = quote(html, quote + 1)) {
      if (quote > 0 && html[quote - 1] == '=') scan.take(html, quote);
    }
    return scan.values;
  }

  /** Where the next {@code "} is, from {@code from} on; -1 if there is none. */
  private static int quote(byte[] html, int from) {
    for (int i = from; i < html.length; i++) if (html[i] == '"') return i;
    return -1;
  }

  /** The values of one attribute, {@code name} being what comes before its {@code ="}. */
  private static final class Scan {
    final byte[] name;
    final List<String> values = new ArrayList<>();
    /** Where the next match may start: after the last value taken. */
    int from;
    boolean done;

    Scan(String name) {
      this.name = name.getBytes(StandardCharsets.US_ASCII);
    }

    /** Takes the value opened by the quote at {@code quote} if {@code name} precedes its {@code =}; true if it did. */
    boolean take(byte[] html, int quote) {
      int at = quote - 1 - name.length;
      if (done || at < from || !nameAt(html, at)) return false;
      int end = quote(html, quote + 1);
      if (end < 0) {
        done = true;
        return false;
      }
      values.add(new String(html, quote + 1, end - quote - 1, StandardCharsets.UTF_8));
      from = end;
      return true;
    }

    /** Whether {@code name} is at {@code at}; compared from its end, where most attributes already differ. */
    private boolean nameAt(byte[] html, int at) {
      for (int i = name.length - 1; i >= 0; i--) if (html[at + i] != name[i]) return false;
      return true;
    }
  }
}
