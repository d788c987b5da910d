package dev.casebook.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The plain text of a rendered body, without the {@code #} links {@link MarkdownRenderer} puts
 * beside headings: what jsoup's {@code Element.text()} gives for the body once every
 * {@code a.heading-anchor} is removed, which is what search indexes and snippets are made of.
 *
 * <p>Parsing the HTML into a DOM only to read its text back costs more than rendering it did, so
 * the markup {@link MarkdownRenderer} writes (well-formed, double-quoted attributes, only the
 * escapes {@code &amp; &lt; &gt; &quot;}) is read in one pass, following jsoup's rules for
 * spaces between blocks and for collapsing whitespace. Anything else (raw HTML it does not know,
 * comments, other character references, tags that are not properly nested, text where an HTML
 * parser would move it) goes to jsoup itself, so the result is always jsoup's.
 */
public final class BodyText {
  private static final String ANCHOR_CLASS = "heading-anchor";

  /** How a tag reads, as jsoup's tag table has it. */
  private static final int BLOCK = 1;
  private static final int INLINE = 2;
  private static final int VOID = 4;
  private static final int PRESERVE = 8;
  /** A paragraph or heading: a start tag that closes one is left to jsoup. */
  private static final int PHRASING = 16;
  /** A table part: only the expected child tags and whitespace may follow directly. */
  private static final int TABLE = 32;
  /** An HTML parser closes an open paragraph at this start tag. */
  private static final int CLOSES_P = 64;

  private static final String[] NAMES = {
      "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote",
      "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td", "div", "del", "input", "section", "sup"};
  private static final int[] KINDS = {
      BLOCK | PHRASING | CLOSES_P, BLOCK | PHRASING | CLOSES_P, BLOCK | PHRASING | CLOSES_P, BLOCK | PHRASING | CLOSES_P,
      BLOCK | PHRASING | CLOSES_P, BLOCK | PHRASING | CLOSES_P, BLOCK | PHRASING | CLOSES_P, INLINE, INLINE, INLINE, INLINE,
      BLOCK | PRESERVE | CLOSES_P, BLOCK | CLOSES_P, BLOCK | CLOSES_P, BLOCK | CLOSES_P, BLOCK | CLOSES_P,
      BLOCK | VOID | CLOSES_P, BLOCK | VOID, INLINE | VOID, BLOCK | TABLE | CLOSES_P, BLOCK | TABLE, BLOCK | TABLE,
      BLOCK | TABLE, BLOCK, BLOCK, BLOCK | CLOSES_P, BLOCK, INLINE | VOID, BLOCK | CLOSES_P, INLINE};
  private static final int A = 7;
  private static final int UL = 12;
  private static final int OL = 13;
  private static final int LI = 14;
  private static final int TABLE_TAG = 19;
  private static final int THEAD = 20;
  private static final int TBODY = 21;
  private static final int TR = 22;
  private static final int TH = 23;
  private static final int TD = 24;

  /** jsoup looks this many ancestors up for one that keeps whitespace. */
  private static final int PRESERVE_DEPTH = 6;

  private BodyText() {}

  /** The text of {@code html}, a body fragment, without heading anchors. */
  public static String of(String html) {
    String text = fast(html);
    return text != null ? text : withJsoup(html);
  }

  /** The text read in one pass, or null when {@code html} has something only jsoup reads right. */
  static String fast(String html) {
    return new Reader(html).read();
  }

  /** The same text, always by parsing {@code html} with jsoup. */
  static String withJsoup(String html) {
    Document parsed = Jsoup.parseBodyFragment(html);
    parsed.select("a." + ANCHOR_CLASS).remove();
    return parsed.body().text();
  }

  /** The tags read in one pass. */
  static java.util.List<String> tagNames() {
    return java.util.List.of(NAMES);
  }

  /** How a tag named in {@link #tagNames()} reads: {@code block}, {@code inline}, with {@code pre} when it keeps whitespace. */
  static String kindOf(String name) {
    int kind = KINDS[java.util.List.of(NAMES).indexOf(name)];
    return ((kind & BLOCK) != 0 ? "block" : "") + ((kind & INLINE) != 0 ? "inline" : "") + ((kind & PRESERVE) != 0 ? " pre" : "");
  }

  private static final char[][] NAME_CHARS = java.util.Arrays.stream(NAMES).map(String::toCharArray).toArray(char[][]::new);

  /** The tag's index in {@link #NAMES}, or -1. */
  private static int tag(char[] html, int start, int end) {
    int length = end - start;
    for (int t = 0; t < NAME_CHARS.length; t++) {
      char[] name = NAME_CHARS[t];
      if (name.length == length && regionIs(html, end, start, name)) return t;
    }
    return -1;
  }

  /** Whether {@code html[start, limit)} starts with {@code chars}. */
  private static boolean regionIs(char[] html, int limit, int start, char[] chars) {
    if (start < 0 || start + chars.length > limit) return false;
    for (int i = 0; i < chars.length; i++) if (html[start + i] != chars[i]) return false;
    return true;
  }

  /** The first {@code c} in {@code html[from, limit)}, or -1. */
  private static int indexOf(char[] html, int limit, char c, int from) {
    for (int i = from; i < limit; i++) if (html[i] == c) return i;
    return -1;
  }

  private static final char[] CLASS = "class".toCharArray();
  private static final char[] ANCHOR_END = "</a>".toCharArray();

  /**
   * One pass over the markup; {@link #read} returns null where jsoup has to decide. Works on char
   * arrays: bodies are long and every character is looked at.
   */
  private static final class Reader {
    /** The markup, in {@code html[0, end)}. */
    private final char[] html;
    private final int end;
    /** The text so far; never longer than the markup. */
    private final char[] out;
    private int length;
    private int[] open = new int[32];
    private int depth;
    private int at;
    /** A block element just closed: jsoup adds a space before a following text or inline element. */
    private boolean afterBlock;

    /** Each thread keeps its arrays for the next body. */
    private static final ThreadLocal<char[][]> SPARE = ThreadLocal.withInitial(() -> new char[2][0]);
    private static final int KEPT = 1 << 20;

    Reader(String html) {
      char[][] spare = SPARE.get();
      int n = html.length();
      if (spare[0].length < n + 1 && n + 1 <= KEPT) {
        spare[0] = new char[Math.max(n + 1, 16 * 1024)];
        spare[1] = new char[spare[0].length];
      }
      this.html = spare[0].length >= n + 1 ? spare[0] : new char[n + 1];
      this.out = spare[1].length >= n + 1 ? spare[1] : new char[n + 1];
      html.getChars(0, n, this.html, 0);
      this.end = n;
    }

    String read() {
      int n = end;
      while (at < n) {
        int lt = indexOf(html, n, '<', at);
        int end = lt < 0 ? n : lt;
        if (end > at) {
          if (!text(at, end)) return null;
        }
        if (lt < 0) break;
        if (!tag(lt)) return null;
      }
      if (depth != 0) return null;
      // String.trim(): no characters up to ' ' at either end.
      int from = 0;
      int to = length;
      while (from < to && out[from] <= ' ') from++;
      while (to > from && out[to - 1] <= ' ') to--;
      return new String(out, from, to - from);
    }

    /** Text between tags: decoded, then added as jsoup adds a text node. */
    private boolean text(int start, int end) {
      char[] html = this.html;
      int parent = depth == 0 ? -1 : open[depth - 1];
      if (parent >= 0 && (KINDS[parent] & TABLE) != 0) {
        // Text in a table outside a cell is moved by an HTML parser unless it is only whitespace.
        for (int i = start; i < end; i++) if (!whitespace(html[i])) return false;
      }
      if (afterBlock) {
        space();
        afterBlock = false;
      }
      boolean preserve = false;
      for (int d = depth - 1; d >= 0 && d >= depth - PRESERVE_DEPTH; d--) {
        if ((KINDS[open[d]] & PRESERVE) != 0) {
          preserve = true;
          break;
        }
      }
      char[] out = this.out;
      int length = this.length;
      // Whether the text so far ends with a space, which jsoup's whitespace rules look at.
      boolean space = length > 0 && out[length - 1] == ' ';
      for (int i = start; i < end; i++) {
        char c = html[i];
        if (c == '&') {
          int semi = indexOf(html, end, ';', i);
          if (semi < 0 || semi > end) return false;
          char decoded = entity(i + 1, semi);
          if (decoded == 0) return false;
          i = semi;
          c = decoded;
        } else if (c == '\r' || c == 0) {
          return false;
        }
        if (preserve) {
          out[length++] = c;
          space = c == ' ';
        } else if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\u00A0') {
          if (!space) {
            out[length++] = ' ';
            space = true;
          }
        } else if (c != '\u200B' && c != '\u00AD') {
          out[length++] = c;
          space = false;
        }
      }
      this.length = length;
      return true;
    }

    private char entity(int start, int end) {
      char[] html = this.html;
      return switch (end - start) {
        case 2 -> html[start] == 'l' && html[start + 1] == 't' ? '<' : html[start] == 'g' && html[start + 1] == 't' ? '>' : 0;
        case 3 -> html[start] == 'a' && html[start + 1] == 'm' && html[start + 2] == 'p' ? '&' : 0;
        case 4 -> html[start] == 'q' && html[start + 1] == 'u' && html[start + 2] == 'o' && html[start + 3] == 't' ? '"' : 0;
        default -> 0;
      };
    }

    /** A start or end tag at {@code lt}; false when jsoup has to read it. */
    private boolean tag(int lt) {
      char[] html = this.html;
      int n = end;
      boolean closing = lt + 1 < n && html[lt + 1] == '/';
      int nameStart = closing ? lt + 2 : lt + 1;
      int nameEnd = nameStart;
      while (nameEnd < n && isNameChar(html[nameEnd])) nameEnd++;
      int t = BodyText.tag(html, nameStart, nameEnd);
      if (t < 0) return false;
      int kind = KINDS[t];
      if (closing) {
        if (nameEnd >= n || html[nameEnd] != '>' || (kind & VOID) != 0) return false;
        if (depth == 0 || open[depth - 1] != t) return false;
        depth--;
        at = nameEnd + 1;
        closed(kind);
        return true;
      }
      // Attributes: name="value" pairs or bare names; only an <a>'s class matters.
      int i = nameEnd;
      boolean anchor = false;
      boolean hasClass = false;
      boolean selfClosing = false;
      while (true) {
        int before = i;
        while (i < n && whitespace(html[i])) i++;
        if (i >= n) return false;
        char c = html[i];
        if (c == '>') {
          i++;
          break;
        }
        if (c == '/') {
          if (i + 1 >= n || html[i + 1] != '>') return false;
          selfClosing = true;
          i += 2;
          break;
        }
        if (i == before) return false;
        int attrStart = i;
        while (i < n && isNameChar(html[i])) i++;
        int attrEnd = i;
        if (attrEnd == attrStart || i >= n) return false;
        int valueStart = i;
        int valueEnd = i;
        if (html[i] == '=') {
          // Only double-quoted values.
          if (i + 1 >= n || html[i + 1] != '"') return false;
          valueStart = i + 2;
          valueEnd = indexOf(html, n, '"', valueStart);
          if (valueEnd < 0) return false;
          i = valueEnd + 1;
        }
        if (attrEnd - attrStart == CLASS.length && regionIs(html, n, attrStart, CLASS)) {
          if (hasClass) return false;
          hasClass = true;
          if (t == A) {
            String value = new String(html, valueStart, valueEnd - valueStart);
            if (value.equals(ANCHOR_CLASS)) anchor = true;
            else if (value.toLowerCase(java.util.Locale.ROOT).contains(ANCHOR_CLASS) || value.indexOf('&') >= 0) return false;
          }
        }
      }
      if (selfClosing && (kind & VOID) == 0) return false;
      if (!fits(t)) return false;
      at = i;
      if (anchor) return skipAnchor();
      if (afterBlock) {
        if ((kind & INLINE) != 0) space();
        afterBlock = false;
      }
      if ((kind & BLOCK) != 0 && length > 0) space();
      if ((kind & VOID) != 0) {
        closed(kind);
      } else {
        if (depth == open.length) open = java.util.Arrays.copyOf(open, depth * 2);
        open[depth++] = t;
        // An HTML parser drops a newline right after <pre>.
        if ((kind & PRESERVE) != 0 && at < n && html[at] == '\n') return false;
      }
      return true;
    }

    /** Whether start tag {@code t} goes where it stands, as an HTML parser would put it. */
    private boolean fits(int t) {
      int kind = KINDS[t];
      for (int d = 0; d < depth; d++) {
        int o = open[d];
        // Such a start tag closes an open paragraph (and is kept out of headings); a link cannot hold a link.
        if ((KINDS[o] & PHRASING) != 0 && (kind & CLOSES_P) != 0) return false;
        if (o == A && t == A) return false;
      }
      int parent = depth == 0 ? -1 : open[depth - 1];
      if (t == LI) return parent == UL || parent == OL;
      if (t == THEAD || t == TBODY) return parent == TABLE_TAG;
      if (t == TR) return parent == THEAD || parent == TBODY;
      if (t == TH || t == TD) return parent == TR;
      // Anything else directly in a table is moved out of it by an HTML parser.
      if (parent >= 0 && (KINDS[parent] & TABLE) != 0) return false;
      if (t == TABLE_TAG) {
        for (int d = 0; d < depth; d++) if (open[d] == TH || open[d] == TD) return false;
      }
      return true;
    }

    /** Skips a heading anchor and what it holds: jsoup removes it before reading the text. */
    private boolean skipAnchor() {
      int close = indexOf(html, end, '<', at);
      if (close < 0 || !regionIs(html, end, close, ANCHOR_END)) return false;
      at = close + ANCHOR_END.length;
      return true;
    }

    /** An element of this kind ended. */
    private void closed(int kind) {
      afterBlock = (kind & INLINE) == 0;
    }

    private void space() {
      if (length == 0 || out[length - 1] != ' ') out[length++] = ' ';
    }
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }

  /** jsoup's whitespace in text, but the no-break space, which {@link Reader#text} adds itself. */
  private static boolean whitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }
}
