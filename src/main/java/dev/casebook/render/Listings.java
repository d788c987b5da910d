package dev.casebook.render;

import dev.casebook.code.CodeFindings;
import dev.casebook.link.CitationGraph;
import dev.casebook.link.SitePaths;
import dev.casebook.readership.Readership;
import dev.casebook.readership.ReadershipReport;
import dev.casebook.render.view.DesignView;
import dev.casebook.render.view.DesignsPage;
import dev.casebook.render.view.GlossaryPage;
import dev.casebook.render.view.HomePage;
import dev.casebook.render.view.IncidentView;
import dev.casebook.render.view.IncidentsPage;
import dev.casebook.render.view.LibraryPage;
import dev.casebook.render.view.LibraryView;
import dev.casebook.render.view.PageContext;
import dev.casebook.render.view.PageInfo;
import dev.casebook.render.view.PageModel;
import dev.casebook.render.view.PathView;
import dev.casebook.render.view.PathsPage;
import dev.casebook.render.view.SiteView;
import dev.casebook.render.view.TaxonomyPage;
import dev.casebook.render.view.TaxonomyView;
import dev.casebook.render.view.TermPage;
import dev.casebook.render.view.TermStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The listing pages: every page made of many write-ups (home, the table of write-ups, browse and
 * term pages, design documents, citations, learning, feed, sitemap). They are a function of
 * {@link Sources} and nothing else, so the render cache keeps them while the sources are equal:
 * a listing cannot be stale without its sources having changed.
 */
final class Listings {
  private static final int RECENT = 8;
  private static final int FEED_ENTRIES = 50;
  /** How many of the most cited write-ups the home page shows. */
  private static final int MOST_CITED = 5;

  /**
   * Everything the listings read. Parts that stay the same objects while unchanged (views, the
   * taxonomies, the citation graph, code findings, readership) make comparing cheap.
   *
   * @param designs the design documents' views by key
   */
  record Sources(PageJobs jobs, SiteView site, String title, String description, String baseUrl, String readershipEndpoint,
      List<IncidentView> views, Map<String, IncidentView> viewsById, Taxonomies taxonomies, LibraryView library,
      Map<String, DesignView> designs, CitationGraph citations, CodeFindings code, Readership readership,
      Map<String, ReadershipReport> readers, List<PathView> paths, List<GlossaryPage.Term> glossary) {}

  private final Sources s;
  private final List<SitePlan.Output> pages = new ArrayList<>();

  private Listings(Sources s) {
    this.s = s;
  }

  /** The listing outputs of {@code sources}. */
  static List<SitePlan.Output> of(Sources sources) {
    Listings listings = new Listings(sources);
    listings.make();
    return listings.pages.stream().map(SitePlan.Output::asListing).toList();
  }

  /** Every page but the write-ups' and design documents' own. */
  private void make() {
    CitationModels cited = new CitationModels(s.citations(), s.code(), s.viewsById().keySet(), s.designs().keySet());
    page(pages, "index.ftlh", "", new HomePage(context("home", s.title(), s.description(), ""),
        s.views().subList(0, Math.min(RECENT, s.views().size())),
        s.views().stream().filter(IncidentView::nearMiss).limit(RECENT).toList(), s.taxonomies().years.view(), s.library(),
        s.paths(), cited.mostCited(s.views(), MOST_CITED)));
    incidentTable();
    for (Taxonomy taxonomy : s.taxonomies().all()) {
      TaxonomyView view = taxonomy.view();
      page(pages, "taxonomy.ftlh", taxonomy.url(), new TaxonomyPage(
          context("taxonomy", taxonomy.title, "Write-ups by " + taxonomy.singular + ".", taxonomy.url()), view, s.library()));
      for (String term : taxonomy.terms()) {
        List<IncidentView> termIncidents = taxonomy.ids(term).stream().map(s.viewsById()::get).toList();
        String description = taxonomy.term(term).description();
        TermStats stats = ViewFactory.stats(termIncidents);
        for (Pages.Page<IncidentView> p : Pages.of(taxonomy.url(term), termIncidents, Pages.SIZE)) {
          String about = description.isEmpty() ? "Write-ups about " + term + "." : description;
          page(pages, "term.ftlh", p.url(), new TermPage(context("term", term, about, p.url()), view, taxonomy.term(term),
              p.entries(), p.pagination(), stats, termIncidents.get(0), termIncidents.get(termIncidents.size() - 1), s.library()));
        }
      }
    }
    // Served for any missing URL at any depth: its links start from the site's path on its server.
    String base = SitePaths.basePath(s.baseUrl());
    pages.add(s.jobs().output("404.ftlh", "404.html", new LibraryPage(new PageContext(s.site(), base + "assets/",
        s.readershipEndpoint(), new PageInfo("404", "Page not found", "", "404.html", ""), base), s.library()), Map.of()));
    page(pages, "search.ftlh", "search/",
        new LibraryPage(context("search", "Search", "Search every write-up.", "search/"), s.library()));
    if (!s.paths().isEmpty()) {
      page(pages, "paths.ftlh", "paths/", new PathsPage(context("paths", "Reading paths",
          "Write-ups to read in order, chosen for new people on a team or a rotation.", "paths/"), s.paths()));
    }
    if (!s.glossary().isEmpty()) {
      page(pages, "glossary.ftlh", "glossary/", new GlossaryPage(context("glossary", "Glossary",
          "The terms and acronyms write-ups use, with what they mean.", "glossary/"), s.glossary()));
    }
    if (!s.designs().isEmpty()) {
      for (Pages.Page<DesignView> p : Pages.of("design/", List.copyOf(s.designs().values()), Pages.SIZE)) {
        page(pages, "designs.ftlh", p.url(), new DesignsPage(
            context("designs", "Design documents", "Design documents that cite write-ups.", p.url()), p.entries(),
            p.pagination(), s.library()));
      }
    }
    if (s.readership() != null) {
      page(pages, "learning.ftlh", "learning/", cited.learning(context("learning", "Learning",
          "Whether write-ups are read beyond the teams that own them, read to the end, and cited by later work.", "learning/"),
          s.views(), s.readership(), s.readers(), s.library(), s.paths()));
    }
    page(pages, "citations.ftlh", "citations/", cited.citations(
        context("citations", "Citations", "Which write-ups later write-ups, designs and code cite.", "citations/"), s.views(), s.library()));
    List<DesignView> designs = List.copyOf(s.designs().values());
    pages.add(new SitePlan.Output("citations.json",
        List.of(s.views(), designs, s.citations().citations(), s.code().references(), s.code().citations()), r -> {
          try (java.io.OutputStream json = r.out().create("citations.json")) {
            CitationGraphJson.write(s.views(), designs, s.citations(), s.code(), json);
          }
        }));
    file(pages, "feed.ftlx", "feed.xml", FeedModel.feed(context("feed", s.title(), s.description(), "feed.xml"), s.baseUrl(), s.title(),
        s.views(), FEED_ENTRIES));
    if (!s.baseUrl().isEmpty()) {
      file(pages, "sitemap.ftlx", "sitemap.xml", FeedModel.sitemap(context("sitemap", "", "", "sitemap.xml"), s.baseUrl(), s.views(),
          s.taxonomies(), s.viewsById(), s.paths(), s.glossary().isEmpty() ? List.of() : List.of("glossary/")));
    }
  }

  /**
   * The table of every write-up, {@link Pages#SIZE} rows a page; when it takes more than one page,
   * also the rows of all of them as a script, which the table loads to sort and filter them all.
   */
  private void incidentTable() {
    TermStats stats = ViewFactory.stats(s.views());
    List<Pages.Page<IncidentView>> table = Pages.of("incidents/", s.views(), Pages.SIZE);
    String rows = table.size() > 1 ? IncidentRows.PATH : "";
    for (Pages.Page<IncidentView> p : table) {
      page(pages, "incidents.ftlh", p.url(), new IncidentsPage(
          context("incidents", "All write-ups", "Every write-up in the library.", p.url()), p.entries(), p.pagination(),
          stats, s.library(), rows));
    }
    if (!rows.isEmpty()) pages.add(IncidentRows.output(s.views()));
  }


  private void page(List<SitePlan.Output> pages, String template, String url, PageModel model) {
    pages.add(s.jobs().output(template, url + "index.html", model, Map.of()));
  }

  /** A file other than a page (the feed, the sitemap) that a template renders from a page model. */
  private void file(List<SitePlan.Output> pages, String template, String path, PageModel model) {
    pages.add(s.jobs().output(template, path, model, Map.of()));
  }

  /** What every page's layout reads. */
  private PageContext context(String kind, String title, String description, String url) {
    return PageContext.of(s.site(), s.baseUrl(), s.readershipEndpoint(), kind, title, description, url);
  }
}
