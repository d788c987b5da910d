package dev.casebook.render;

import dev.casebook.render.view.Pagination;
import java.util.ArrayList;
import java.util.List;

/**
 * A long listing split into pages of at most {@link #SIZE} entries: the first at the listing's URL,
 * page n at {@code <url>page/n/}. A listing of any length gives pages of bounded size, so no browse
 * page grows with the library.
 */
final class Pages {
  /** Entries per page, for the table of write-ups and each term's write-ups. */
  static final int SIZE = 100;

  private Pages() {}

  /** One page of a listing: its URL, its entries and where it stands. */
  record Page<T>(String url, List<T> entries, Pagination pagination) {}

  /** {@code entries} in pages of {@code size}; an empty listing still has its one (empty) page. */
  static <T> List<Page<T>> of(String url, List<T> entries, int size) {
    int count = Math.max(1, (entries.size() + size - 1) / size);
    List<Page<T>> pages = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      int from = (n - 1) * size;
      List<T> slice = entries.subList(from, Math.min(entries.size(), from + size));
      Pagination p = new Pagination(n, count, from, entries.size(), url, n > 1 ? url(url, n - 1) : "",
          n < count ? url(url, n + 1) : "", url(url, count));
      pages.add(new Page<>(url(url, n), List.copyOf(slice), p));
    }
    return pages;
  }

  /** The site-relative URL of page {@code n} of the listing at {@code url}. */
  static String url(String url, int n) {
    return n == 1 ? url : url + "page/" + n + "/";
  }
}
