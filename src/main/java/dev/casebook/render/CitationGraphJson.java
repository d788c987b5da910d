package dev.casebook.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.casebook.link.Citation;
import dev.casebook.link.CitationGraph;
import dev.casebook.render.view.IncidentView;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;

/**
 * The citation graph as JSON, for anyone who wants to analyse it: {@code nodes} (write-ups, with
 * their id, title, date, owner and site URL, then design documents, with ids {@code design/<slug>},
 * then places in code, with ids {@code code:<repo>/<path>#L<line>} or {@code #L<start>-L<end>}, their
 * repository, path, lines, commit and permalink) and {@code edges} (one per citation: from, to, type
 * {@code related}, {@code link}, {@code design} or {@code code} (a comment citing a write-up), and the
 * citing sentence or comment when there is one; then one {@code code-reference} edge from a
 * write-up to each place in code its front matter cites), in library order.
 */
final class CitationGraphJson {
  private CitationGraphJson() {}

  private static void codeNode(JsonGenerator g, String key, String repo, String path, int start, int end, String commit, String url)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("id", key);
    g.writeStringField("type", "code");
    g.writeStringField("repo", repo);
    g.writeStringField("path", path);
    g.writeNumberField("line", start);
    if (end != start) g.writeNumberField("endLine", end);
    if (commit != null) g.writeStringField("commit", commit);
    g.writeStringField("url", url);
    g.writeEndObject();
  }

  static void write(Collection<IncidentView> incidents, Collection<dev.casebook.render.view.DesignView> designs,
      CitationGraph graph, dev.casebook.code.CodeFindings code, OutputStream out) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      // One line: the graph is read by programs, and indentation would make it a third larger.
      g.writeStartObject();
      g.writeNumberField("version", 1);
      g.writeArrayFieldStart("nodes");
      for (IncidentView i : incidents) {
        g.writeStartObject();
        g.writeStringField("id", i.id());
        g.writeStringField("type", "incident");
        g.writeStringField("title", i.title());
        g.writeStringField("date", i.date());
        g.writeStringField("owner", i.owner() == null ? "" : i.owner().name());
        g.writeStringField("url", i.url());
        g.writeNumberField("citedBy", graph.citedBy(i.id()).size());
        g.writeEndObject();
      }
      for (dev.casebook.render.view.DesignView d : designs) {
        g.writeStartObject();
        g.writeStringField("id", dev.casebook.link.SitePaths.designKey(d.slug()));
        g.writeStringField("type", "design");
        g.writeStringField("title", d.title());
        g.writeStringField("date", d.date());
        g.writeStringField("url", d.url());
        g.writeEndObject();
      }
      java.util.Set<String> written = new java.util.HashSet<>();
      for (IncidentView i : incidents) {
        for (dev.casebook.code.PinnedReference p : code.referencesOf(i.id())) {
          if (!written.add(p.key())) continue;
          codeNode(g, p.key(), p.reference().repo(), p.reference().path(), p.reference().start(), p.reference().end(), p.commit(), p.permalink());
        }
      }
      for (dev.casebook.code.CodeCitation c : code.citations()) {
        if (written.add(c.key())) codeNode(g, c.key(), c.repo(), c.path(), c.line(), c.line(), c.commit(), c.permalink());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("edges");
      for (Citation c : graph.citations()) {
        g.writeStartObject();
        g.writeStringField("from", c.from());
        g.writeStringField("to", c.to());
        g.writeStringField("type", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (!c.context().isEmpty()) g.writeStringField("context", c.context());
        g.writeEndObject();
      }
      for (IncidentView i : incidents) {
        for (dev.casebook.code.PinnedReference p : code.referencesOf(i.id())) {
          g.writeStartObject();
          g.writeStringField("from", i.id());
          g.writeStringField("to", p.key());
          g.writeStringField("type", "code-reference");
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }
}
