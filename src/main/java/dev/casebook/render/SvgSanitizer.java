package dev.casebook.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.parser.Parser;

/**
 * Makes an SVG image from the library safe to publish on the site's origin: opened on its own,
 * an SVG is a document that can run script. Keeps only the elements of static SVG drawings (shapes,
 * text, gradients, filters, animation of presentation attributes) and drops everything else with
 * its content: {@code <script>}, {@code <foreignObject>}, HTML, {@code <set>}, unknown elements.
 * Drops event-handler attributes ({@code onload}), links and references that lead anywhere but
 * into the image itself ({@code href="#id"}, or an {@code <a>} to an http(s) page), embedded images
 * other than raster {@code data:} URLs, {@code url(...)} and {@code @import} that load from
 * elsewhere, the DOCTYPE (whose entities could bring markup back) and processing instructions
 * ({@code <?xml-stylesheet?>}). The result is the same drawing, well-formed, in UTF-8.
 */
public final class SvgSanitizer {
  private static final Set<String> ELEMENTS = Set.of(
      "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "view",
      "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
      "text", "tspan", "textpath", "a", "image", "style",
      "lineargradient", "radialgradient", "stop", "pattern", "clippath", "mask", "marker",
      "filter", "feblend", "fecolormatrix", "fecomponenttransfer", "fecomposite", "feconvolvematrix",
      "fediffuselighting", "fedisplacementmap", "fedistantlight", "fedropshadow", "feflood", "fefunca",
      "fefuncb", "fefuncg", "fefuncr", "fegaussianblur", "feimage", "femerge", "femergenode",
      "femorphology", "feoffset", "fepointlight", "fespecularlighting", "fespotlight", "fetile",
      "feturbulence", "animate", "animatetransform", "animatemotion", "mpath");
  private static final Pattern RASTER_DATA = Pattern.compile("(?i)data:image/(png|jpe?g|gif|webp|avif);base64,[A-Za-z0-9+/=\\s]*");
  private static final Pattern HTTP = Pattern.compile("(?i)https?://\\S*");
  /** {@code url(...)} that does not point into the image itself. */
  private static final Pattern FOREIGN_URL = Pattern.compile("(?i)url\\s*\\(\\s*(?![\"']?\\s*#)");
  /** Letters a browser ignores inside a URL scheme (control characters and whitespace). */
  private static final Pattern IGNORED = Pattern.compile("[\\x00-\\x20\\x7f]+");

  private SvgSanitizer() {}

  /** The safe form of the SVG file {@code bytes}. */
  public static byte[] sanitize(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    Document doc = Parser.xmlParser().parseInput(text, "");
    clean(doc);
    doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).prettyPrint(false)
        .charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.xhtml);
    return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
  }

  private static void clean(Node parent) {
    for (Node node : new ArrayList<>(parent.childNodes())) {
      if (node instanceof Element e) {
        if (!ELEMENTS.contains(localName(e.tagName())) || dangerous(e)) {
          e.remove();
        } else {
          cleanAttributes(e);
          clean(e);
        }
      } else if (node instanceof XmlDeclaration d) {
        if (!d.name().equals("xml")) {
          d.remove();
        } else if (d.hasAttr("encoding")) {
          d.attr("encoding", "UTF-8");
        }
      } else if (node instanceof org.jsoup.nodes.DocumentType) {
        node.remove();
      }
    }
  }

  /** An element that is allowed but made harmful by its content or target. */
  private static boolean dangerous(Element e) {
    String name = localName(e.tagName());
    if (name.equals("style")) {
      String css = e.data() + e.text();
      return css.toLowerCase(Locale.ROOT).contains("@import") || FOREIGN_URL.matcher(css).find() || scheme(css);
    }
    if (name.startsWith("animate")) {
      // Animating a link or a handler would bring back what the attributes below keep out.
      String target = localName(e.attr("attributeName")).toLowerCase(Locale.ROOT);
      return target.equals("href") || target.startsWith("on") || target.equals("style");
    }
    return false;
  }

  private static void cleanAttributes(Element e) {
    String element = localName(e.tagName());
    List<String> drop = new ArrayList<>();
    for (Attribute a : e.attributes()) {
      String name = localName(a.getKey()).toLowerCase(Locale.ROOT);
      String value = a.getValue();
      boolean keep;
      if (name.startsWith("on") || name.equals("base")) {
        keep = false;
      } else if (name.equals("href") || name.equals("src")) {
        String v = value.strip();
        keep = v.startsWith("#")
            || (element.equals("a") && HTTP.matcher(v).matches())
            || ((element.equals("image") || element.equals("feimage")) && RASTER_DATA.matcher(v).matches());
      } else if (a.getKey().startsWith("xmlns")) {
        keep = true;
      } else {
        keep = !FOREIGN_URL.matcher(value).find() && !scheme(value);
      }
      if (!keep) drop.add(a.getKey());
    }
    drop.forEach(e::removeAttr);
  }

  /** Whether {@code value} holds a script or data URL as a browser would read it. */
  private static boolean scheme(String value) {
    String v = IGNORED.matcher(value).replaceAll("").toLowerCase(Locale.ROOT);
    return v.contains("javascript:") || v.contains("vbscript:") || v.contains("data:");
  }

  private static String localName(String qualified) {
    return qualified.substring(qualified.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
  }
}
