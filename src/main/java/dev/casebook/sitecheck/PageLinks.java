package dev.casebook.sitecheck;

import dev.casebook.diag.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * What the link check needs of a rendered page, taken while the page is written so the built
 * site is never read back: the URLs it points to and the ids it has.
 *
 * @param origin what made the page (a template), which broken links are reported against
 * @param urls the values of every {@code href} and {@code src}, as a browser reads them
 *     (character references decoded)
 * @param ids the values of every {@code id}, and of {@code name} on {@code <a>}
 * @param traced where in the library the URLs that a write-up's body put on the page were
 *     written; a broken one is reported there rather than against {@code origin}
 */
public record PageLinks(String origin, List<String> urls, Set<String> ids, Map<String, SourcePosition> traced) {

  public PageLinks {
    urls = List.copyOf(urls);
    ids = Set.copyOf(ids);
    traced = Map.copyOf(traced);
  }

  public PageLinks(String origin, List<String> urls, Set<String> ids) {
    this(origin, urls, ids, Map.of());
  }

  /** The same page, with the places in the library where the body's URLs come from. */
  public PageLinks tracedTo(Map<String, SourcePosition> bodyUrls) {
    return new PageLinks(origin, urls, ids, bodyUrls);
  }

  public static PageLinks scan(String origin, String html) {
    return scan(origin, html.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a page's start tags as an HTML tokenizer does: attribute names in any case, values in
   * double quotes, single quotes or none, character references decoded; comments, the contents
   * of {@code <script>}, {@code <style>}, {@code <textarea>}, {@code <title>} and the like, and
   * end tags are not read for attributes. When an attribute is given twice, the first counts.
   * The page's UTF-8 bytes are read as they are: everything the tokenizer looks for is ASCII, and
   * in UTF-8 an ASCII byte is always that character, never part of another one.
   */
  public static PageLinks scan(String origin, byte[] html) {
    Reader reader = new Reader(html);
    reader.run();
    return new PageLinks(origin, reader.urls, reader.ids);
  }

  /** One pass over a page; a tag's attributes count only once its {@code >} is read. */
  private static final class Reader {
    private static final byte[][] RAW_TEXT = bytes("script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title");
    private static final byte[] PLAINTEXT = bytes("plaintext")[0];
    private static final byte[] TEXTAREA = RAW_TEXT[6];
    private static final byte[] TITLE = RAW_TEXT[7];

    final byte[] b;
    final int n;
    final List<String> urls = new ArrayList<>();
    final Set<String> ids = new HashSet<>();

    Reader(byte[] html) {
      this.b = html;
      this.n = html.length;
    }

    void run() {
      int i = 0;
      while (i < n) {
        int lt = indexOf('<', i);
        if (lt < 0 || lt + 1 >= n) return;
        int j = lt + 1;
        byte c = b[j];
        if (c == '!') {
          i = afterMarkupDeclaration(j + 1);
        } else if (c == '?') {
          i = after('>', j);
        } else if (c == '/') {
          if (j + 1 < n && letter(b[j + 1])) i = tag(j + 1, false);
          else if (j + 1 < n && b[j + 1] == '>') i = j + 2;
          else i = after('>', j + 1);
        } else if (letter(c)) {
          i = tag(j, true);
        } else {
          i = j;
        }
      }
    }

    /** After {@code <!}: a comment, a CDATA section, a doctype or a bogus comment. */
    private int afterMarkupDeclaration(int at) {
      if (startsWith(at, "--")) {
        int start = at + 2;
        if (start < n && b[start] == '>') return start + 1;
        if (start + 1 < n && b[start] == '-' && b[start + 1] == '>') return start + 2;
        for (int gt = indexOf('>', start); gt >= 0; gt = indexOf('>', gt + 1)) {
          if (gt - 2 >= start && b[gt - 1] == '-' && b[gt - 2] == '-') return gt + 1;
          if (gt - 3 >= start && b[gt - 1] == '!' && b[gt - 2] == '-' && b[gt - 3] == '-') return gt + 1;
        }
        return n;
      }
      if (startsWith(at, "[CDATA[")) {
        for (int gt = indexOf('>', at + 7); gt >= 0; gt = indexOf('>', gt + 1)) {
          if (gt - 2 >= at + 7 && b[gt - 1] == ']' && b[gt - 2] == ']') return gt + 1;
        }
        return n;
      }
      return after('>', at);
    }

    /**
     * Reads the tag whose name starts at {@code at}; returns where reading goes on. Only a start
     * tag's attributes are kept, and only when the tag ends.
     */
    private int tag(int at, boolean start) {
      byte[] b = this.b;
      int n = this.n;
      int k = at;
      while (k < n && !space(b[k]) && b[k] != '/' && b[k] != '>') k++;
      int nameEnd = k;
      String href = null;
      String src = null;
      String id = null;
      String anchorName = null;
      boolean anchor = nameEnd - at == 1 && lower(b[at]) == 'a';
      boolean pageEnds = false;
      while (true) {
        while (k < n && (space(b[k]) || b[k] == '/')) k++;
        if (k >= n) return n;
        if (b[k] == '>') {
          k++;
          break;
        }
        int attrStart = k++;
        while (k < n && !space(b[k]) && b[k] != '/' && b[k] != '>' && b[k] != '=') k++;
        int attrEnd = k;
        while (k < n && space(b[k])) k++;
        int valueStart = k;
        int valueEnd = k;
        if (k < n && b[k] == '=') {
          k++;
          while (k < n && space(b[k])) k++;
          // A page that ends here: jsoup keeps the tag, with the attribute empty (HTML drops it).
          if (k >= n) {
            valueEnd = valueStart = n;
            pageEnds = true;
          } else if (b[k] == '"' || b[k] == '\'') {
            valueStart = k + 1;
            valueEnd = indexOf(b[k], valueStart);
            if (valueEnd < 0) return n;
            k = valueEnd + 1;
          } else {
            valueStart = k;
            while (k < n && !space(b[k]) && b[k] != '>') k++;
            if (k >= n) return n;
            valueEnd = k;
          }
        }
        if (!start) {
          if (pageEnds) return n;
          continue;
        }
        int length = attrEnd - attrStart;
        if (length == 4 && href == null && named(attrStart, "href")) href = value(valueStart, valueEnd);
        else if (length == 3 && src == null && named(attrStart, "src")) src = value(valueStart, valueEnd);
        else if (length == 2 && id == null && named(attrStart, "id")) id = value(valueStart, valueEnd);
        else if (anchor && length == 4 && anchorName == null && named(attrStart, "name")) anchorName = value(valueStart, valueEnd);
        if (pageEnds) break;
      }
      if (!start) return k;
      if (href != null) urls.add(href);
      if (src != null) urls.add(src);
      if (id != null) ids.add(id);
      if (anchorName != null) ids.add(anchorName);
      return afterText(at, nameEnd, k);
    }

    /** Where reading goes on after a start tag that ends at {@code from}: past the text of elements whose content is not markup. */
    private int afterText(int name, int nameEnd, int from) {
      int first = lower(b[name]);
      if (nameEnd - name < 3 || (first != 's' && first != 't' && first != 'x' && first != 'i' && first != 'n' && first != 'p')) return from;
      if (isName(name, nameEnd, PLAINTEXT)) return n;
      for (byte[] raw : RAW_TEXT) {
        if (!isName(name, nameEnd, raw)) continue;
        for (int lt = indexOf('<', from); lt >= 0; lt = indexOf('<', lt + 1)) {
          int end = lt + 2 + raw.length;
          if (end < n && b[lt + 1] == '/' && isName(lt + 2, end, raw) && (space(b[end]) || b[end] == '/' || b[end] == '>')) return lt;
        }
        // As jsoup does, a <title> or <textarea> that is never closed holds markup after all.
        return raw == TITLE || raw == TEXTAREA ? from : n;
      }
      return from;
    }

    private String value(int from, int to) {
      String value = new String(b, from, to - from, StandardCharsets.UTF_8);
      if (value.indexOf('\0') >= 0) value = value.replace('\0', '\uFFFD');
      return value.indexOf('&') < 0 ? value : Parser.unescapeEntities(value, true);
    }

    private boolean named(int at, String name) {
      for (int i = 0; i < name.length(); i++) if (lower(b[at + i]) != name.charAt(i)) return false;
      return true;
    }

    private boolean isName(int from, int to, byte[] name) {
      if (to - from != name.length) return false;
      for (int i = 0; i < name.length; i++) if (lower(b[from + i]) != name[i]) return false;
      return true;
    }

    private boolean startsWith(int at, String s) {
      if (at + s.length() > n) return false;
      for (int i = 0; i < s.length(); i++) if (b[at + i] != s.charAt(i)) return false;
      return true;
    }

    private int indexOf(int c, int from) {
      // Locals, not fields, in the loop: the JIT the builds run with does not lift field reads out of loops.
      byte[] b = this.b;
      int n = this.n;
      for (int i = from; i < n; i++) if (b[i] == c) return i;
      return -1;
    }

    private int after(int c, int from) {
      int at = indexOf(c, from);
      return at < 0 ? n : at + 1;
    }

    private static boolean space(byte c) {
      return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    }

    private static boolean letter(byte c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int lower(byte c) {
      return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static byte[][] bytes(String... names) {
      byte[][] out = new byte[names.length][];
      for (int i = 0; i < names.length; i++) out[i] = names[i].getBytes(StandardCharsets.US_ASCII);
      return out;
    }
  }
}
