package dev.casebook.markdown;

import java.util.List;

/**
 * A body rendered to HTML.
 *
 * @param toc the headings, in order, with the ids they got
 * @param wordCount words of the text, code included, diagrams and raw HTML not
 * @param hasDiagrams true when it has Mermaid diagrams
 */
public record RenderedBody(String html, List<TocEntry> toc, int wordCount, boolean hasDiagrams) {

  /** A heading and the anchor id it got. */
  public record TocEntry(int level, String id, String text) {}
}
