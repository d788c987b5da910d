package dev.casebook.render.view;

import dev.casebook.readership.Readership;
import java.util.List;
import java.util.Map;

/**
 * What {@code learning.ftlh} sees: readership next to citations.
 *
 * @param rows a row per write-up, most read outside its team first
 * @param since the first day counted, as a label; empty for everything
 * @param readToEndPercent the share of reads that reached the end, or -1 without reads
 * @param sources reads by where readers came from, most first
 * @param paths each reading path of the library with how many readers started and finished it
 */
public record LearningPage(PageContext context, List<LearningRow> rows, String since, long readOutside, long unread,
    long citedLater, int readToEndPercent, Map<String, Long> sources, List<Readership.Month> months, LibraryView library,
    List<PathReaders> paths) implements PageModel {
  /** A reading path with its readers: a number, or "fewer than 5". */
  public record PathReaders(PathView path, String started, String finished) {}
}
