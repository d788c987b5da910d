package dev.casebook.markdown;

import java.util.List;

/**
 * What a body says in its author's own voice, and how it is furnished: read by the writing coach.
 * Block quotes, code blocks and HTML blocks are left out.
 *
 * @param blocks paragraphs, headings and table cells, in document order
 * @param links every link destination, in document order
 * @param images how many images the body shows
 * @param diagramBlocks how many fenced code blocks hold a diagram (mermaid, plantuml, graphviz, dot, d2)
 * @param tables how many tables the body has
 */
public record Prose(List<ProseBlock> blocks, List<String> links, int images, int diagramBlocks, int tables) {
  public Prose {
    blocks = List.copyOf(blocks);
    links = List.copyOf(links);
  }
}
