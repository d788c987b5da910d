package dev.casebook.readership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@code build --readership} takes readership from. {@link #report} reads a report file that
 * {@code casebook readership --format json} wrote, so a site can be built where the collector's
 * database is out of reach; the collector's package reads its database itself.
 */
public interface ReadershipSource {
  /** What the source is, as the user named it: for messages. */
  String name();

  /**
   * Reads the readership.
   *
   * @param library the library's write-ups by id, for titles, owners and write-ups nobody read
   * @throws IOException with a message for the user when the source cannot be read
   */
  Readership load(Map<String, Readership.WriteUp> library) throws IOException;

  /** A report file written by {@code casebook readership --format json}. */
  static ReadershipSource report(Path file) {
    return new ReadershipSource() {
      @Override
      public String name() {
        return file.toString();
      }

      @Override
      public Readership load(Map<String, Readership.WriteUp> library) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no readership report at " + file);
        return json(file, library);
      }
    };
  }

  /** A report in the JSON that {@code casebook readership --format json} writes. */
  private static Readership json(Path file, Map<String, Readership.WriteUp> library) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var at = e.getLocation();
      throw new IOException("'" + file + "' is not a readership report: it is not valid JSON"
          + (at != null && at.getLineNr() > 0 ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : ""), e);
    } catch (IOException e) {
      throw new IOException("could not read the readership report '" + file + "'", e);
    }
    if (root == null || !root.path("write_ups").isArray()) {
      throw new IOException("'" + file + "' is not a readership report: it has no write_ups list");
    }
    List<ReadershipReport> writeUps = new ArrayList<>();
    for (JsonNode w : root.get("write_ups")) {
      String id = w.path("id").asText("");
      if (id.isEmpty()) continue;
      Readership.WriteUp known = library.get(id);
      writeUps.add(new ReadershipReport(id,
          known != null ? known.title() : w.path("title").asText(""),
          known != null ? known.owner() : w.path("owner").asText(""),
          w.path("reads").asLong(), w.path("anonymous_reads").asLong(), w.path("readers").asLong(),
          w.path("readers_outside_owner").asLong(), w.path("read_to_end").asLong(),
          counts(w.path("sources")), counts(w.path("from_write_ups")), counts(w.path("teams")), counts(w.path("months")),
          counts(w.path("referrers"))));
    }
    List<Readership.Month> months = new ArrayList<>();
    for (JsonNode m : root.path("months")) {
      months.add(new Readership.Month(m.path("month").asText(), m.path("reads").asLong(), m.path("write_ups_read").asLong(),
          m.path("read_to_end").asLong()));
    }
    LocalDate since = null;
    if (root.path("since").isTextual()) {
      try {
        since = LocalDate.parse(root.get("since").asText());
      } catch (java.time.format.DateTimeParseException e) {
        throw new IOException("'" + file + "' is not a readership report: since is not a date");
      }
    }
    List<PathReport> paths = new ArrayList<>();
    for (JsonNode p : root.path("paths")) {
      String slug = p.path("path").asText("");
      if (!slug.isEmpty()) paths.add(new PathReport(slug, readers(p.path("started")), readers(p.path("finished"))));
    }
    return new Readership(since, writeUps, counts(root.path("pages")), months, paths);
  }

  /** A path's readers as the report wrote them: a number, or null for fewer than the smallest group shown. */
  private static long readers(JsonNode n) {
    return n.isNull() ? PathReport.FEW : PathReport.of("", n.asLong(), 0).started();
  }

  private static Map<String, Long> counts(JsonNode object) {
    Map<String, Long> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
    return out;
  }
}
