package dev.casebook.render;

import dev.casebook.code.CodeFindings;
import dev.casebook.link.CitationGraph;
import dev.casebook.readership.PathReport;
import dev.casebook.readership.Readership;
import dev.casebook.readership.ReadershipReport;
import dev.casebook.render.view.CitationCount;
import dev.casebook.render.view.CitationsPage;
import dev.casebook.render.view.LearningPage;
import dev.casebook.render.view.LibraryView;
import dev.casebook.render.view.PageContext;
import dev.casebook.render.view.IncidentView;
import dev.casebook.render.view.LearningRow;
import dev.casebook.render.view.PathView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of the Citations page (the most cited write-ups, the uncited ones) and of the
 * Learning page (readership next to citations): who cites each write-up, counted by kind.
 */
final class CitationModels {
  private static final int MOST_CITED = 20;
  private static final int UNCITED_LISTED = 100;

  private final CitationGraph graph;
  private final CodeFindings code;
  private final Set<String> incidents;
  private final Set<String> designs;

  /**
   * @param incidents the ids of the write-ups in the site
   * @param designs the citation keys of the design documents
   */
  CitationModels(CitationGraph graph, CodeFindings code, Set<String> incidents, Set<String> designs) {
    this.graph = graph;
    this.code = code;
    this.incidents = incidents;
    this.designs = designs;
  }

  /** Who cites a write-up: later write-ups, design documents and places in code. */
  CitationCount count(IncidentView v) {
    int writeUps = 0;
    int designDocs = 0;
    int places = 0;
    for (String from : graph.citedBy(v.id())) {
      if (incidents.contains(from)) writeUps++;
      else if (designs.contains(from)) designDocs++;
      else if (from.startsWith("code:")) places++;
    }
    return new CitationCount(v, writeUps + designDocs + places, writeUps, designDocs, places);
  }

  /** The {@code limit} most cited write-ups of {@code all}, most first; ties keep the order of {@code all}. */
  List<CitationCount> mostCited(List<IncidentView> all, int limit) {
    return topOf(all.stream().map(this::count).toList(), limit);
  }

  private static List<CitationCount> topOf(List<CitationCount> counts, int limit) {
    return counts.stream().filter(c -> c.count() > 0)
        .sorted(Comparator.comparingInt(CitationCount::count).reversed()).limit(limit).toList();
  }

  /** The Citations page. */
  CitationsPage citations(PageContext context, List<IncidentView> all, LibraryView library) {
    List<CitationCount> counts = all.stream().map(this::count).toList();
    List<CitationCount> most = topOf(counts, MOST_CITED);
    List<IncidentView> uncited = counts.stream().filter(c -> c.count() == 0).map(CitationCount::incident).toList();
    return new CitationsPage(context, most, uncited.subList(0, Math.min(UNCITED_LISTED, uncited.size())), uncited.size(),
        graph.citations().size(), code.citations().size(), library);
  }

  /** The library's reading paths, each with its readers (none when nobody started it). */
  private static List<LearningPage.PathReaders> pathReaders(List<PathView> paths, Readership readership) {
    Map<String, PathReport> bySlug = new java.util.HashMap<>();
    for (PathReport p : readership.paths()) bySlug.put(p.path(), p);
    return paths.stream().map(p -> {
      PathReport r = bySlug.getOrDefault(p.slug(), new PathReport(p.slug(), 0, 0));
      return new LearningPage.PathReaders(p, PathReport.label(r.started()), PathReport.label(r.finished()));
    }).toList();
  }

  /** The Learning page: readership next to what the library knows at build time (citations). */
  LearningPage learning(PageContext context, List<IncidentView> all, Readership readership, Map<String, ReadershipReport> readers,
      LibraryView library, List<PathView> paths) {
    List<LearningRow> rows = new ArrayList<>();
    long reads = 0;
    long readToEnd = 0;
    Map<String, Long> sources = new LinkedHashMap<>();
    for (IncidentView v : all) {
      ReadershipReport r = readers.get(v.id());
      CitationCount cited = count(v);
      long outside = r == null ? 0 : r.readersOutsideOwner();
      long total = r == null ? 0 : r.reads();
      Integer endPercent = r == null || r.readToEndRate() == null ? null : (int) Math.round(r.readToEndRate() * 100);
      List<String> from = r == null ? List.of() : r.sources().entrySet().stream().filter(e -> e.getValue() > 0)
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3).map(Map.Entry::getKey).toList();
      rows.add(new LearningRow(v, total, r == null ? 0 : r.readers(), outside, endPercent, from, cited.writeUps(), cited.designs(),
          cited.code()));
      if (r != null) {
        reads += r.reads();
        readToEnd += r.readToEnd();
        r.sources().forEach((k, n) -> sources.merge(k, n, Long::sum));
      }
    }
    List<LearningRow> sorted = rows.stream().sorted(Comparator.comparingLong(LearningRow::readersOutsideOwner).reversed()
        .thenComparing(Comparator.comparingInt(LearningRow::citations).reversed())).toList();
    Map<String, Long> bySize = new LinkedHashMap<>();
    sources.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> bySize.put(e.getKey(), e.getValue()));
    return new LearningPage(context, sorted, readership.since() == null ? "" : ViewFactory.dateLabel(readership.since()),
        rows.stream().filter(r -> r.readersOutsideOwner() > 0).count(), rows.stream().filter(r -> r.reads() == 0).count(),
        rows.stream().filter(r -> r.citations() > 0).count(), reads == 0 ? -1 : (int) Math.round(100.0 * readToEnd / reads),
        bySize, readership.months(), library, pathReaders(paths, readership));
  }
}
