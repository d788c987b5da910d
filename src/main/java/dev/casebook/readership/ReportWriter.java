package dev.casebook.readership;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link Readership} as a text table, JSON or CSV. Whatever readers' browsers sent
 * (paths, referrers) stays inert in every format: JSON escapes {@code < > & '}, the table shows
 * control and bidirectional-override characters as {@code \\uXXXX}, and CSV cells that a
 * spreadsheet would run as a formula start with an apostrophe.
 */
public final class ReportWriter {
  public enum Format { TABLE, JSON, CSV }

  private ReportWriter() {}

  public static void write(Readership r, Format format, PrintWriter out) throws IOException {
    switch (format) {
      case TABLE -> table(r, out);
      case JSON -> json(r, out);
      case CSV -> csv(r, out);
    }
    out.flush();
  }

  // ---- JSON

  public static void json(Readership r, PrintWriter out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    mapper.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    ObjectNode root = mapper.createObjectNode();
    root.put("since", r.since() == null ? null : r.since().toString());
    root.put("min_team_size", Readership.MIN_GROUP);
    ArrayNode writeUps = root.putArray("write_ups");
    for (ReadershipReport w : r.writeUps()) {
      ObjectNode o = writeUps.addObject();
      o.put("id", w.doc());
      o.put("title", w.title());
      o.put("owner", w.owner());
      o.put("reads", w.reads());
      o.put("anonymous_reads", w.anonymousReads());
      o.put("readers", w.readers());
      o.put("readers_outside_owner", w.readersOutsideOwner());
      o.put("read_to_end", w.readToEnd());
      if (w.readToEndRate() == null) o.putNull("read_to_end_rate");
      else o.put("read_to_end_rate", Math.round(w.readToEndRate() * 1000) / 1000.0);
      o.set("sources", mapper.valueToTree(w.sources()));
      o.set("from_write_ups", mapper.valueToTree(w.fromWriteUps()));
      o.set("teams", mapper.valueToTree(w.teams()));
      o.set("months", mapper.valueToTree(w.months()));
      o.set("referrers", mapper.valueToTree(w.referrers()));
    }
    root.set("pages", mapper.valueToTree(r.pages()));
    ArrayNode months = root.putArray("months");
    for (Readership.Month m : r.months()) {
      ObjectNode o = months.addObject();
      o.put("month", m.month());
      o.put("reads", m.reads());
      o.put("write_ups_read", m.writeUpsRead());
      o.put("read_to_end", m.readToEnd());
    }
    // Readers of each reading path; null for fewer than min_team_size.
    ArrayNode paths = root.putArray("paths");
    for (PathReport p : r.paths()) {
      ObjectNode o = paths.addObject();
      o.put("path", p.path());
      if (p.started() == PathReport.FEW) o.putNull("started");
      else o.put("started", p.started());
      if (p.finished() == PathReport.FEW) o.putNull("finished");
      else o.put("finished", p.finished());
    }
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      mapper.writeTree(g, root);
    }
    out.println();
  }

  /** Escapes the characters that matter if the JSON ever lands inside HTML. */
  static final class HtmlSafeEscapes extends CharacterEscapes {
    private final int[] escapes = standardAsciiEscapesForJSON();

    HtmlSafeEscapes() {
      for (char c : new char[] {'<', '>', '&', '\''}) escapes[c] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028 || ch == 0x2029 || ch == 0x202E || ch == 0x202D || ch == 0x2066 || ch == 0x2067
          || ch == 0x2068 || ch == 0x2069 || ch == 0x202A || ch == 0x202B || ch == 0x202C) {
        return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
      }
      return null;
    }
  }

  // ---- CSV

  static final List<String> CSV_HEADER = csvHeader();

  private static List<String> csvHeader() {
    List<String> h = new ArrayList<>(List.of("id", "title", "owner", "reads", "anonymous_reads", "readers",
        "readers_outside_owner", "read_to_end", "read_to_end_rate"));
    for (String s : Readership.SOURCES) h.add("from_" + s.replace('-', '_'));
    h.add("teams");
    h.add("top_referrers");
    h.addAll(List.of("kind", "path_readers_started", "path_readers_finished"));
    return List.copyOf(h);
  }

  /**
   * One row per write-up ({@code kind} "write-up"), then one per reading path anyone started or
   * finished ({@code kind} "path", its slug as {@code id}, only the path columns filled), whose
   * counts of 1 to {@link Readership#MIN_GROUP} - 1 readers read "fewer than 5".
   */
  public static void csv(Readership r, PrintWriter out) throws IOException {
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
      csv.printRecord(CSV_HEADER);
      for (ReadershipReport w : r.writeUps()) {
        List<String> row = new ArrayList<>();
        row.add(cell(w.doc()));
        row.add(cell(w.title()));
        row.add(cell(w.owner()));
        row.add(Long.toString(w.reads()));
        row.add(Long.toString(w.anonymousReads()));
        row.add(Long.toString(w.readers()));
        row.add(Long.toString(w.readersOutsideOwner()));
        row.add(Long.toString(w.readToEnd()));
        row.add(w.readToEndRate() == null ? "" : String.format(Locale.ROOT, "%.3f", w.readToEndRate()));
        for (String s : Readership.SOURCES) row.add(Long.toString(w.sources().getOrDefault(s, 0L)));
        row.add(cell(join(w.teams())));
        row.add(cell(join(w.referrers())));
        row.addAll(List.of("write-up", "", ""));
        csv.printRecord(row);
      }
      for (PathReport p : r.paths()) {
        List<String> row = new ArrayList<>(java.util.Collections.nCopies(CSV_HEADER.size(), ""));
        row.set(0, cell(p.path()));
        row.set(CSV_HEADER.size() - 3, "path");
        row.set(CSV_HEADER.size() - 2, PathReport.label(p.started()));
        row.set(CSV_HEADER.size() - 1, PathReport.label(p.finished()));
        csv.printRecord(row);
      }
    }
  }

  /** A text cell a spreadsheet shows as text: one starting with = + - @ or a tab/CR gets a leading '. */
  static String cell(String s) {
    if (s == null || s.isEmpty()) return "";
    char c = s.charAt(0);
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n'
        || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF20') {
      return "'" + s;
    }
    return s;
  }

  private static String join(Map<String, Long> counts) {
    return counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("; "));
  }

  // ---- table

  public static void table(Readership r, PrintWriter out) {
    out.println(r.since() == null ? "Readership, all time" : "Readership since " + r.since());
    out.println();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"write-up", "owner", "reads", "readers", "outside owner", "read to end", "came from"});
    for (ReadershipReport w : r.writeUps()) {
      String rate = w.readToEndRate() == null ? "-" : Math.round(w.readToEndRate() * 100) + "%";
      rows.add(new String[] {w.doc(), w.owner().isEmpty() ? "-" : w.owner(), Long.toString(w.reads()),
          Long.toString(w.readers()), Long.toString(w.readersOutsideOwner()), rate, sources(w.sources())});
    }
    print(rows, out, 2, 3, 4, 5);
    for (ReadershipReport w : r.writeUps()) {
      if (w.teams().isEmpty() && w.fromWriteUps().isEmpty() && w.referrers().isEmpty()) continue;
      out.println();
      out.println(inert(w.doc()) + (w.title().isEmpty() ? "" : "  " + inert(w.title())));
      if (!w.teams().isEmpty()) out.println("  readers by team: " + inert(join(w.teams())));
      if (!w.fromWriteUps().isEmpty()) out.println("  from write-ups:  " + inert(join(w.fromWriteUps())));
      if (!w.referrers().isEmpty()) out.println("  referrers:       " + inert(join(w.referrers())));
    }
    if (!r.months().isEmpty()) {
      out.println();
      List<String[]> months = new ArrayList<>();
      months.add(new String[] {"month", "reads", "write-ups read", "read to end"});
      for (Readership.Month m : r.months()) {
        months.add(new String[] {m.month(), Long.toString(m.reads()), Long.toString(m.writeUpsRead()),
            m.reads() == 0 ? "-" : Math.round(100.0 * m.readToEnd() / m.reads()) + "%"});
      }
      print(months, out, 1, 2, 3);
    }
    if (!r.paths().isEmpty()) {
      out.println();
      List<String[]> paths = new ArrayList<>();
      paths.add(new String[] {"reading path", "readers started", "finished"});
      for (PathReport p : r.paths()) {
        paths.add(new String[] {p.path(), PathReport.label(p.started()), PathReport.label(p.finished())});
      }
      print(paths, out, 1, 2);
    }
  }

  private static String sources(Map<String, Long> sources) {
    return sources.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(3).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static void print(List<String[]> rows, PrintWriter out, int... rightAligned) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] row : rows) {
      for (int i = 0; i < cols; i++) {
        row[i] = inert(row[i]);
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    java.util.Set<Integer> right = java.util.Arrays.stream(rightAligned).boxed().collect(Collectors.toSet());
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        if (i > 0) line.append("  ");
        String pad = " ".repeat(width[i] - row[i].length());
        line.append(right.contains(i) ? pad + row[i] : (i == cols - 1 ? row[i] : row[i] + pad));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** Text safe for a terminal: control, format and bidirectional characters shown as \\uXXXX. */
  static String inert(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.PRIVATE_USE) {
        b.append(String.format(Locale.ROOT, "\\u%04x", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.toString();
  }
}
