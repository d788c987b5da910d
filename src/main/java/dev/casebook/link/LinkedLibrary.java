package dev.casebook.link;

import dev.casebook.markdown.RenderedBody;
import dev.casebook.model.Library;
import java.util.Map;

/**
 * The library after the link stage: each write-up's body as HTML with its links pointing at site
 * URLs, and the citation graph.
 *
 * @param bodies by incident id
 * @param designBodies design documents' bodies, by slug
 * @param code the write-ups' code references and the comments in code that cite write-ups
 * @param siteLinks the links of bodies that lead straight to paths of the site, to be checked
 *     against the files the site will have
 * @param media the paths in the library of the files the bodies link to, the only ones published
 * @param pathBodies reading paths' introductions, by slug
 */
public record LinkedLibrary(
    Library library,
    Map<String, RenderedBody> bodies,
    Map<String, RenderedBody> designBodies,
    CitationGraph citations,
    dev.casebook.code.CodeFindings code,
    java.util.List<SiteLink> siteLinks,
    java.util.SortedSet<String> media,
    Map<String, RenderedBody> pathBodies) {

  public LinkedLibrary {
    siteLinks = java.util.List.copyOf(siteLinks);
    media = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(media));
    pathBodies = Map.copyOf(pathBodies);
  }

  public LinkedLibrary(Library library, Map<String, RenderedBody> bodies, Map<String, RenderedBody> designBodies,
      CitationGraph citations, dev.casebook.code.CodeFindings code) {
    this(library, bodies, designBodies, citations, code, java.util.List.of(), new java.util.TreeSet<>(), Map.of());
  }

  /** As this, with the library's Markdown let go of ({@link Library#withoutMarkdown}). */
  public LinkedLibrary withoutMarkdown() {
    return new LinkedLibrary(library.withoutMarkdown(), bodies, designBodies, citations, code, siteLinks, media, pathBodies);
  }
}
