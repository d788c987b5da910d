package dev.casebook.markdown;

/**
 * A link or image destination written in a body, with its line and column in the body
 * (1-based; add the body's first line to get the file line) and the sentence it stands in.
 *
 * @param html where it was written: {@code null} for Markdown's own links and images, else the
 *     raw HTML tag and attribute that hold it ({@code img src}, {@code a href})
 */
public record BodyLink(String destination, int line, int column, boolean image, String context, String html) {
  public BodyLink(String destination, int line, int column, boolean image, String context) {
    this(destination, line, column, image, context, null);
  }

  /** How a message names it: {@code link}, {@code image}, or the raw HTML attribute. */
  public String what() {
    if (html != null) return "HTML " + html;
    return image ? "image" : "link";
  }
}
