package dev.casebook.render;

import dev.casebook.render.view.FeedEntry;
import dev.casebook.render.view.IncidentView;
import dev.casebook.render.view.SitemapEntry;
import dev.casebook.render.view.TaxonomyView;
import dev.casebook.render.view.TermView;
import dev.casebook.render.view.FeedPage;
import dev.casebook.render.view.PageContext;
import dev.casebook.render.view.SitemapPage;
import dev.casebook.render.view.PathView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The models of the Atom feed and the sitemap. */
final class FeedModel {
  private FeedModel() {}

  static FeedPage feed(PageContext context, String baseUrl, String title, List<IncidentView> newestFirst, int limit) {
    List<FeedEntry> entries = new ArrayList<>();
    for (IncidentView i : newestFirst.subList(0, Math.min(limit, newestFirst.size()))) {
      String updated = i.resolved() != null ? i.resolved().iso() : i.date() + "T00:00:00Z";
      entries.add(new FeedEntry(i, baseUrl + i.url(), updated));
    }
    String updated = entries.stream().map(FeedEntry::updated).max(String::compareTo).orElse("1970-01-01T00:00:00Z");
    return new FeedPage(context, entries, updated, baseUrl.isEmpty() ? "urn:casebook:" + Slugs.of(title) : baseUrl + "feed.xml");
  }

  /**
   * @param views every write-up's view by id
   * @param paths the reading paths, listed with their index page
   * @param pages other pages to list (site-relative URLs), such as the glossary's
   */
  static SitemapPage sitemap(PageContext context, String base, List<IncidentView> incidents, Taxonomies taxonomies,
      Map<String, IncidentView> views, List<PathView> paths, List<String> pages) {
    String newest = incidents.isEmpty() ? "" : incidents.get(0).date();
    List<SitemapEntry> urls = new ArrayList<>();
    urls.add(new SitemapEntry(base, newest));
    urls.add(new SitemapEntry(base + "incidents/", newest));
    for (IncidentView i : incidents) urls.add(new SitemapEntry(base + i.url(), i.date()));
    for (Taxonomy t : taxonomies.all()) {
      TaxonomyView view = t.view();
      urls.add(new SitemapEntry(base + view.url(), newest));
      for (TermView term : view.terms()) {
        urls.add(new SitemapEntry(base + term.url(), views.get(t.ids(term.name()).get(0)).date()));
      }
    }
    if (!paths.isEmpty()) urls.add(new SitemapEntry(base + "paths/", ""));
    for (PathView p : paths) urls.add(new SitemapEntry(base + p.url(), ""));
    for (String page : pages) urls.add(new SitemapEntry(base + page, newest));
    return new SitemapPage(context, urls);
  }
}
