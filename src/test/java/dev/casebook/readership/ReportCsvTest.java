package dev.casebook.readership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV report: a row per write-up, then a row per reading path with readers counted as the other formats count them. */
class ReportCsvTest {
  @Test
  void readingPathsComeAfterTheWriteUpsWithTheirReadersStartedAndFinished() throws Exception {
    ReadershipReport w = new ReadershipReport("INC-2024-003", "Dispatch stalled", "payments", 12, 1, 9, 4, 6,
        Map.of("direct", 12L), Map.of(), Map.of(), Map.of("2025-03", 12L), Map.of());
    Readership r = new Readership(null, List.of(w), Map.of(), List.of(), List.of(
        PathReport.of("db-on-call", 3, 0), PathReport.of("payments-on-call", 7, 5), PathReport.of("=evil", 5, 4)));

    StringWriter out = new StringWriter();
    ReportWriter.write(r, ReportWriter.Format.CSV, new PrintWriter(out));
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(out.toString())).getRecords();

    assertEquals(List.of("write-up", "path", "path", "path"), rows.stream().map(x -> x.get("kind")).toList());
    CSVRecord writeUp = rows.get(0);
    assertEquals(List.of("INC-2024-003", "12", "", ""),
        List.of(writeUp.get("id"), writeUp.get("reads"), writeUp.get("path_readers_started"), writeUp.get("path_readers_finished")));
    assertEquals(List.of("db-on-call", "fewer than 5", "0"), path(rows.get(1)), "1 to 4 readers are never a number");
    assertEquals(List.of("payments-on-call", "7", "5"), path(rows.get(2)));
    assertEquals(List.of("'=evil", "5", "fewer than 5"), path(rows.get(3)), "a slug is a cell like any other");
    assertEquals("", rows.get(2).get("reads"), "a path has no page views of its own");
    assertEquals(ReportWriter.CSV_HEADER.size(), rows.get(2).size());
  }

  private static List<String> path(CSVRecord row) {
    return List.of(row.get("id"), row.get("path_readers_started"), row.get("path_readers_finished"));
  }
}
