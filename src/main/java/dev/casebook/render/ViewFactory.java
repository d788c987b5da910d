package dev.casebook.render;

import dev.casebook.config.SiteConfig;
import dev.casebook.link.SitePaths;
import dev.casebook.markdown.RenderedBody;
import dev.casebook.model.Incident;
import dev.casebook.model.Timeline;
import dev.casebook.render.view.ContentView;
import dev.casebook.render.view.Heading;
import dev.casebook.render.view.IncidentView;
import dev.casebook.render.view.Moment;
import dev.casebook.render.view.Span;
import dev.casebook.render.view.TermStats;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns model records into the view records templates see. */
final class ViewFactory {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  /** Words a reader reads in a minute, for the reading time. */
  private static final int WORDS_PER_MINUTE = 220;

  private final DateTimeFormatter moment;
  private final DateTimeFormatter time;
  private final SiteConfig config;

  ViewFactory(SiteConfig config) {
    this.config = config;
    this.moment = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH).withZone(config.timezone());
    this.time = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(config.timezone());
  }

  /**
   * The view of write-up {@code i}, whose terms link to {@code terms}; it last changed on the day
   * of its last commit in {@code changes}, else on the day its {@code updated} says.
   */
  IncidentView incident(Incident i, Taxonomies.TermLinks terms, dev.casebook.history.LastChanges changes) {
    Timeline t = i.timeline();
    java.time.LocalDate changed = changes.of(i.source().path()).orElse(i.updated());
    return new IncidentView(
        i.id(),
        i.title(),
        SitePaths.incident(i.id()),
        i.date().toString(),
        DATE.format(i.date()),
        i.date().getYear(),
        i.status().word(),
        i.summary(),
        i.severity(),
        i.owner().isEmpty() ? null : Taxonomies.TermLinks.link(terms.teams(), terms.teamTitles(), i.owner()),
        Taxonomies.TermLinks.links(terms.teams(), terms.teamTitles(), i.teams()),
        Taxonomies.TermLinks.links(terms.services(), terms.serviceTitles(), i.services()),
        Taxonomies.TermLinks.links(terms.tags(), i.tags()),
        i.authors(),
        i.responders(),
        moment(t.started()),
        moment(t.detected()),
        moment(t.mitigated()),
        moment(t.resolved()),
        span(t.timeToDetect()),
        span(t.timeToMitigate()),
        span(t.duration()),
        i.nearMiss(),
        i.extra(),
        i.source().path(),
        config.editUrlOf(i.source().path()),
        config.historyUrlOf(i.source().path()),
        changed == null ? "" : changed.toString(),
        changed == null ? "" : DATE.format(changed));
  }

  /** @param branch the branch of the reference's repository, or empty */
  static dev.casebook.render.view.CodeLinkView codeLink(dev.casebook.code.PinnedReference p, String branch) {
    dev.casebook.model.CodeReference r = p.reference();
    return new dev.casebook.render.view.CodeLinkView(r.repo(), r.path(), r.lines(),
        dev.casebook.code.CodeLocations.shortCommit(p.commit()), branch, p.permalink());
  }

  static dev.casebook.render.view.CodeCitingView codeCiting(dev.casebook.code.CodeCitation c) {
    return new dev.casebook.render.view.CodeCitingView(c.repo(), c.path(), c.line(), c.text(),
        dev.casebook.code.CodeLocations.shortCommit(c.commit()), c.permalink());
  }

  static String dateLabel(java.time.LocalDate date) {
    return DATE.format(date);
  }

  static ContentView content(RenderedBody body) {
    List<Heading> toc = body.toc().stream().map(h -> new Heading(h.level(), h.id(), h.text())).toList();
    int minutes = Math.max(1, Math.round(body.wordCount() / (float) WORDS_PER_MINUTE));
    return new ContentView(body.html(), toc, body.wordCount(), minutes, body.hasDiagrams());
  }

  /** The figures of a term page; medians are the lower middle value for an even count. */
  static TermStats stats(List<IncidentView> incidents) {
    java.util.Map<String, Integer> severities = new java.util.TreeMap<>();
    long[] ttd = new long[incidents.size()];
    long[] ttm = new long[incidents.size()];
    int detected = 0;
    int mitigated = 0;
    int nearMisses = 0;
    for (IncidentView i : incidents) {
      if (i.nearMiss()) nearMisses++;
      if (!i.severity().isEmpty()) severities.merge(i.severity(), 1, Integer::sum);
      if (i.timeToDetect() != null) ttd[detected++] = i.timeToDetect().minutes();
      if (i.timeToMitigate() != null) ttm[mitigated++] = i.timeToMitigate().minutes();
    }
    List<TermStats.Count> counts = severities.entrySet().stream().map(e -> new TermStats.Count(e.getKey(), e.getValue())).toList();
    return new TermStats(incidents.size(), nearMisses, counts, median(ttd, detected), detected, median(ttm, mitigated), mitigated);
  }

  /** The lower middle of the first {@code n} values. */
  private static Span median(long[] minutes, int n) {
    if (n == 0) return null;
    long[] sorted = java.util.Arrays.copyOf(minutes, n);
    java.util.Arrays.sort(sorted);
    return span(Optional.of(Duration.ofMinutes(sorted[(n - 1) / 2])));
  }

  private Moment moment(Instant instant) {
    if (instant == null) return null;
    return new Moment(DateTimeFormatter.ISO_INSTANT.format(instant), moment.format(instant), time.format(instant));
  }

  static Span span(Optional<Duration> duration) {
    return duration.map(d -> new Span(label(d), d.toMinutes(), d.toString())).orElse(null);
  }

  static String label(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 60) return minutes + " min";
    long hours = minutes / 60;
    if (hours < 24) return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
    long days = hours / 24;
    return hours % 24 == 0 ? days + " d" : days + " d " + hours % 24 + " h";
  }
}
