package dev.casebook.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Removes what raw HTML in a write-up could use to run code or restyle the site: scripts,
 * event handlers, styles, frames, forms and {@code javascript:} URLs. Keeps the markup that
 * Markdown itself produces.
 */
public final class HtmlSanitizer {
  static final String BASE = "https://casebook.invalid/";
  private final Safelist safelist;
  private final Cleaner cleaner;

  public HtmlSanitizer() {
    Safelist safelist = Safelist.relaxed()
        .addTags("input", "section", "del", "s", "ins", "hr", "details", "summary", "figure", "figcaption", "kbd", "mark", "abbr", "samp", "var")
        .addAttributes(":all", "id", "class", "title", "lang", "dir", "role", "aria-label")
        .addAttributes("a", "aria-label", "data-footnote-ref", "data-footnote-backref", "data-footnote-backref-idx")
        .addAttributes("section", "data-footnotes")
        .addAttributes("img", "loading")
        .addAttributes("input", "type", "checked", "disabled")
        .addEnforcedAttribute("input", "disabled", "disabled")
        .addAttributes("th", "align")
        .addAttributes("td", "align")
        .addAttributes("details", "open")
        .addProtocols("a", "href", "#", "http", "https", "mailto")
        .addProtocols("img", "src", "http", "https")
        .preserveRelativeLinks(true);
    this.safelist = safelist;
    this.cleaner = new Cleaner(safelist);
  }

  /** Whether cleaning keeps {@code attribute} of {@code element} (parsed with the base URI {@link #BASE}). */
  boolean keeps(org.jsoup.nodes.Element element, org.jsoup.nodes.Attribute attribute) {
    String tag = element.normalName();
    return safelist.isSafeTag(tag) && safelist.isSafeAttribute(tag, element, attribute);
  }

  /** {@code html}, a body fragment, with only safe markup left. */
  public String cleanFragment(String html) {
    return cleanFragment(html, java.util.Map.of());
  }

  /**
   * {@code html}, a body fragment, with only safe markup left and the {@code href} and {@code src}
   * written as a key of {@code rewrites} replaced by its value (an empty value drops the attribute).
   */
  public String cleanFragment(String html, java.util.Map<String, String> rewrites) {
    Document clean = cleaner.clean(Jsoup.parseBodyFragment(html, BASE));
    clean.outputSettings().prettyPrint(false);
    rewrite(clean, rewrites);
    return clean.body().html();
  }

  /** {@code html}, a body fragment, with its links rewritten as {@link #cleanFragment(String, java.util.Map)} does, and nothing cleaned. */
  static String rewriteLinks(String html, java.util.Map<String, String> rewrites) {
    Document doc = Jsoup.parseBodyFragment(html, BASE);
    doc.outputSettings().prettyPrint(false);
    rewrite(doc, rewrites);
    return doc.body().html();
  }

  private static void rewrite(Document doc, java.util.Map<String, String> rewrites) {
    if (rewrites.isEmpty()) return;
    for (org.jsoup.nodes.Element element : doc.body().select("[href], [src]")) {
      for (String name : new String[] {"href", "src"}) {
        if (!element.hasAttr(name)) continue;
        String to = rewrites.get(element.attr(name));
        if (to == null) continue;
        if (to.isEmpty()) element.removeAttr(name);
        else element.attr(name, to);
      }
    }
  }
}
