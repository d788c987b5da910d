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
 * their id, title, date, owner and site URL, then design documents, with ids {@code design/<slug>})
 * and {@code edges} (one per citation: from, to, type {@code related}, {@code link} or
 * {@code design}, and the citing sentence when there is one), in library order.
 */
final class CitationGraphJson {
  private CitationGraphJson() {}

  static void write(Collection<IncidentView> incidents, Collection<dev.casebook.render.view.DesignView> designs,
      CitationGraph graph, OutputStream out) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
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
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }
}
