package dev.casebook.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.casebook.render.view.IncidentView;
import dev.casebook.render.view.Link;
import dev.casebook.render.view.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the table of write-ups as a script, {@value #PATH}, written when the table takes more
 * than one page. The table's pages each hold {@link Pages#SIZE} rows, which read without script; to
 * sort or filter, the table loads this file once and shows the rows of every write-up that match.
 *
 * <p>It sets {@code window.casebookIncidentRows} to {@code {"terms": [[name, url], ...], "rows":
 * [...]}}: each service and team once, and per write-up, newest first, {@code [id, title, summary,
 * date, owner, services, teams, tags, severity, nearMiss, status, detect, mitigate]}, where owner is
 * the index of a term or -1, services and teams are lists of indexes, tags a list of names, nearMiss
 * 0 or 1, and detect and mitigate are {@code [minutes, label, iso]} or 0. The script builds the rows
 * with text and attributes, never as HTML.
 */
final class IncidentRows {
  static final String PATH = "assets/incident-rows.js";

  private IncidentRows() {}

  static SitePlan.Output output(List<IncidentView> incidents) {
    return new SitePlan.Output(PATH, List.of("rows", incidents), r -> r.out().write(PATH, script(incidents)));
  }

  static byte[] script(List<IncidentView> incidents) {
    Map<Link, Integer> terms = new LinkedHashMap<>();
    for (IncidentView i : incidents) {
      if (i.owner() != null) terms.putIfAbsent(i.owner(), terms.size());
      for (Link l : i.teams()) terms.putIfAbsent(l, terms.size());
      for (Link l : i.services()) terms.putIfAbsent(l, terms.size());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(incidents.size() * 256 + 64);
    try {
      out.write("window.casebookIncidentRows = ".getBytes(StandardCharsets.UTF_8));
      try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
        g.writeStartObject();
        g.writeArrayFieldStart("terms");
        for (Link l : terms.keySet()) {
          g.writeStartArray();
          g.writeString(l.name());
          g.writeString(l.url());
          g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (IncidentView i : incidents) row(g, i, terms);
        g.writeEndArray();
        g.writeEndObject();
      }
      out.write(";\n".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void row(JsonGenerator g, IncidentView i, Map<Link, Integer> terms) throws IOException {
    g.writeStartArray();
    g.writeString(i.id());
    g.writeString(i.title());
    g.writeString(i.summary());
    g.writeString(i.date());
    g.writeNumber(i.owner() == null ? -1 : terms.get(i.owner()));
    g.writeStartArray();
    for (Link l : i.services()) g.writeNumber(terms.get(l));
    g.writeEndArray();
    g.writeStartArray();
    for (Link l : i.teams()) g.writeNumber(terms.get(l));
    g.writeEndArray();
    g.writeStartArray();
    for (Link l : i.tags()) g.writeString(l.name());
    g.writeEndArray();
    g.writeString(i.severity());
    g.writeNumber(i.nearMiss() ? 1 : 0);
    g.writeString(i.status());
    span(g, i.timeToDetect());
    span(g, i.timeToMitigate());
    g.writeEndArray();
  }

  private static void span(JsonGenerator g, Span s) throws IOException {
    if (s == null) {
      g.writeNumber(0);
      return;
    }
    g.writeStartArray();
    g.writeNumber(s.minutes());
    g.writeString(s.label());
    g.writeString(s.iso());
    g.writeEndArray();
  }
}
