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
 * @param media the paths in the library of the files the bodies link to, the only ones published
 */
public record LinkedLibrary(
    Library library,
    Map<String, RenderedBody> bodies,
    Map<String, RenderedBody> designBodies,
    CitationGraph citations,
    dev.casebook.code.CodeFindings code,
    java.util.SortedSet<String> media) {
  public LinkedLibrary {
    media = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(media));
  }
}
