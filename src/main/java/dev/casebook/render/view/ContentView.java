package dev.casebook.render.view;

import java.util.List;

/**
 * A write-up's rendered body.
 *
 * @param html the sanitized HTML; print it with {@code ?no_esc}
 * @param toc the body's headings, in order
 * @param hasDiagrams true when the body has Mermaid diagrams (the page then loads Mermaid)
 */
public record ContentView(String html, List<Heading> toc, int wordCount, int readingMinutes, boolean hasDiagrams) {}
