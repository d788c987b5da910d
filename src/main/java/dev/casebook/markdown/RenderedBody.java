package dev.casebook.markdown;

import java.util.List;
import java.util.Map;

/**
 * A body rendered to HTML.
 *
 * @param toc the headings, in order, with the ids they got
 * @param wordCount words of the text, code included, diagrams and raw HTML not
 * @param hasDiagrams true when it has Mermaid diagrams
 * @param sources where each URL of the HTML (as a browser reads the attribute) that a link, an
 *     image or raw HTML of the body made was written, by line and column in the body
 */
public record RenderedBody(String html, List<TocEntry> toc, int wordCount, boolean hasDiagrams, Map<String, Place> sources) {

  public RenderedBody {
    sources = Map.copyOf(sources);
  }

  public RenderedBody(String html, List<TocEntry> toc, int wordCount, boolean hasDiagrams) {
    this(html, toc, wordCount, hasDiagrams, Map.of());
  }

  /** A heading and the anchor id it got. */
  public record TocEntry(int level, String id, String text) {}

  /** A line and column of a body, both 1-based. */
  public record Place(int line, int column) {}
}
