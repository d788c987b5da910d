package dev.casebook.readership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Readership over a period, per write-up and per month, read from the collector's database with
 * the same SQL on SQLite and PostgreSQL. It reports learning signals (who reads a write-up beyond
 * the team that owns it, whether they read to the end, where they came from), not page-count
 * leaderboards or any mean time to anything.
 *
 * @param since the first day counted, or null for everything
 * @param writeUps one report per write-up, most read first; write-ups of the library nobody read
 *     are included with zeros
 * @param pages page views of the site's other pages by kind ({@code page.home}, ...)
 * @param months the whole library by month, oldest first
 * @param paths how many readers started and finished each reading path that anyone started or
 *     finished, by the path's slug, in slug order
 */
public record Readership(LocalDate since, List<ReadershipReport> writeUps, Map<String, Long> pages, List<Month> months,
    List<PathReport> paths) {
  public Readership {
    paths = List.copyOf(paths);
  }

  /** A report without reading paths. */
  public Readership(LocalDate since, List<ReadershipReport> writeUps, Map<String, Long> pages, List<Month> months) {
    this(since, writeUps, pages, months, List.of());
  }

  /** Teams with fewer distinct readers than this are shown only as {@link #OTHER_TEAMS}. */
  public static final int MIN_GROUP = 5;
  public static final String OTHER_TEAMS = "other teams";
  /** Where readers come from, in the order reports show them. */
  public static final List<String> SOURCES = List.of("write-up", "design", "code", "chat", "search", "feed",
      "site", "other", "direct");
  static final int TOP_REFERRERS = 10;
  private static final String PAGE_PREFIX = "page.";
  /** The {@code doc} of a reading path's events: {@code path.SLUG}. */
  public static final String PATH_PREFIX = "path.";

  /**
   * One month of the whole library.
   *
   * @param month {@code YYYY-MM}
   * @param writeUpsRead how many different write-ups were read
   */
  public record Month(String month, long reads, long writeUpsRead, long readToEnd) {}

  /** A write-up as the library knows it. */
  public record WriteUp(String title, String owner) {}

  /** The library's write-ups by id, for titles, owners and the write-ups nobody read. */
  public static Map<String, WriteUp> writeUps(dev.casebook.model.Library library) {
    Map<String, WriteUp> out = new java.util.LinkedHashMap<>();
    for (var i : library.incidents()) out.put(i.id(), new WriteUp(i.title(), i.owner() == null ? "" : i.owner()));
    return out;
  }

  /**
   * Reads the report from a connection to the collector's database ({@code readership_events}).
   *
   * @param library the library's write-ups by id, for titles, owners and unread write-ups; may be empty
   */
  public static Readership query(Connection c, LocalDate since, Map<String, WriteUp> library) throws SQLException {
    String from = since == null ? "0000-00-00" : since.toString();
    Map<String, Acc> docs = new HashMap<>();
    List<Month> months = new ArrayList<>();
    Map<String, long[]> monthEnd = new HashMap<>();
    {
      String pv = " FROM readership_events WHERE kind = 'pv' AND day >= ?";
      rows(c, "SELECT doc, COUNT(*), SUM(anonymous), COUNT(DISTINCT reader_key)" + pv + " GROUP BY doc", from, rs -> {
        Acc a = acc(docs, rs);
        a.reads = rs.getLong(2);
        a.anonymous = rs.getLong(3);
        a.readers = rs.getLong(4);
      });
      rows(c, "SELECT doc, source, COUNT(*)" + pv + " GROUP BY doc, source", from,
          rs -> acc(docs, rs).sources.put(rs.getString(2), rs.getLong(3)));
      rows(c, "SELECT doc, from_doc, COUNT(*)" + pv + " AND from_doc IS NOT NULL GROUP BY doc, from_doc", from,
          rs -> acc(docs, rs).fromWriteUps.put(rs.getString(2), rs.getLong(3)));
      rows(c, "SELECT doc, team, COUNT(DISTINCT reader_key)" + pv + " AND reader_key IS NOT NULL AND team IS NOT NULL GROUP BY doc, team", from,
          rs -> acc(docs, rs).teams.put(rs.getString(2), rs.getLong(3)));
      rows(c, "SELECT doc, SUBSTR(day, 1, 7), COUNT(*)" + pv + " GROUP BY doc, SUBSTR(day, 1, 7)", from,
          rs -> acc(docs, rs).months.put(rs.getString(2), rs.getLong(3)));
      rows(c, "SELECT doc, referrer, COUNT(*)" + pv + " AND referrer IS NOT NULL GROUP BY doc, referrer", from,
          rs -> acc(docs, rs).referrers.put(rs.getString(2), rs.getLong(3)));
      // a page load reached the end if any of its engagement updates says so
      String loads = "SELECT doc, page_load, MIN(day) AS first_day, MAX(reached_end) AS reached FROM readership_events"
          + " WHERE kind = 'eng' AND day >= ? AND doc NOT LIKE 'page.%' GROUP BY doc, page_load";
      rows(c, "SELECT doc, SUM(reached) FROM (" + loads + ") loads GROUP BY doc", from,
          rs -> acc(docs, rs).readToEnd = rs.getLong(2));
      rows(c, "SELECT SUBSTR(first_day, 1, 7), SUM(reached) FROM (" + loads + ") loads GROUP BY SUBSTR(first_day, 1, 7)",
          from, rs -> monthEnd.put(rs.getString(1), new long[] {rs.getLong(2)}));
      rows(c, "SELECT SUBSTR(day, 1, 7), COUNT(*), COUNT(DISTINCT doc)" + pv + " AND doc NOT LIKE 'page.%'"
          + " GROUP BY SUBSTR(day, 1, 7) ORDER BY SUBSTR(day, 1, 7)", from, rs -> {
            long[] end = monthEnd.getOrDefault(rs.getString(1), new long[1]);
            months.add(new Month(rs.getString(1), rs.getLong(2), rs.getLong(3), end[0]));
          });
    }
    // Readers of a path: pseudonymous keys (per day, like every reader count), and each anonymous
    // browser once, since a browser sends a path's start and finish once.
    Map<String, long[]> paths = new TreeMap<>();
    rows(c, "SELECT doc, kind, COUNT(DISTINCT COALESCE(reader_key, 'anonymous:' || page_load)) FROM readership_events"
        + " WHERE kind IN ('ps', 'pf') AND day >= ? GROUP BY doc, kind", from, rs -> {
          String doc = rs.getString(1);
          if (!doc.startsWith(PATH_PREFIX)) return;
          paths.computeIfAbsent(doc.substring(PATH_PREFIX.length()), k -> new long[2])[rs.getString(2).equals("ps") ? 0 : 1] =
              rs.getLong(3);
        });
    List<PathReport> pathReports = new ArrayList<>();
    paths.forEach((slug, n) -> pathReports.add(PathReport.of(slug, n[0], n[1])));
    for (String id : library.keySet()) docs.computeIfAbsent(id, Acc::new);
    List<ReadershipReport> writeUps = new ArrayList<>();
    Map<String, Long> pages = new TreeMap<>();
    for (Acc a : docs.values()) {
      if (a.doc.startsWith(PAGE_PREFIX)) {
        pages.put(a.doc, a.reads);
        continue;
      }
      WriteUp w = library.getOrDefault(a.doc, new WriteUp("", ""));
      writeUps.add(a.report(w));
    }
    writeUps.sort(Comparator.comparingLong(ReadershipReport::reads).reversed().thenComparing(ReadershipReport::doc));
    return new Readership(since, List.copyOf(writeUps), pages, List.copyOf(months), pathReports);
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private static void rows(Connection c, String sql, String from, Row row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, from);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) row.accept(rs);
      }
    }
  }

  private static Acc acc(Map<String, Acc> docs, ResultSet rs) throws SQLException {
    return docs.computeIfAbsent(rs.getString(1), Acc::new);
  }

  /** One write-up's numbers while they are being read. */
  private static final class Acc {
    final String doc;
    long reads;
    long anonymous;
    long readers;
    long readToEnd;
    final Map<String, Long> sources = new HashMap<>();
    final Map<String, Long> fromWriteUps = new HashMap<>();
    final Map<String, Long> teams = new HashMap<>();
    final Map<String, Long> months = new TreeMap<>();
    final Map<String, Long> referrers = new HashMap<>();

    Acc(String doc) {
      this.doc = doc;
    }

    ReadershipReport report(WriteUp w) {
      long outside = 0;
      for (Map.Entry<String, Long> t : teams.entrySet()) {
        if (t.getKey() != null && !w.owner().isEmpty() && !t.getKey().equalsIgnoreCase(w.owner())) outside += t.getValue();
      }
      Map<String, Long> orderedSources = new LinkedHashMap<>();
      for (String s : SOURCES) if (sources.containsKey(s)) orderedSources.put(s, sources.get(s));
      sources.forEach(orderedSources::putIfAbsent);
      return new ReadershipReport(doc, w.title(), w.owner(), reads, anonymous, Math.max(readers, 0), outside,
          Math.min(readToEnd, reads), orderedSources, mostFirst(fromWriteUps, Integer.MAX_VALUE), foldTeams(teams),
          months, mostFirst(referrers, TOP_REFERRERS));
    }
  }

  /** Teams with at least {@link #MIN_GROUP} distinct readers by name; every other reader in {@link #OTHER_TEAMS}. */
  static Map<String, Long> foldTeams(Map<String, Long> teams) {
    Map<String, Long> shown = new LinkedHashMap<>();
    long other = 0;
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(teams.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(e -> String.valueOf(e.getKey())));
    for (Map.Entry<String, Long> e : sorted) {
      if (e.getKey() != null && e.getValue() >= MIN_GROUP) shown.put(e.getKey(), e.getValue());
      else other += e.getValue();
    }
    if (other > 0) shown.put(OTHER_TEAMS, other);
    return shown;
  }

  private static Map<String, Long> mostFirst(Map<String, Long> counts, int limit) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit).forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

}
