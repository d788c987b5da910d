package dev.casebook.render;

import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.link.LinkedLibrary;
import dev.casebook.link.SitePaths;
import dev.casebook.model.AssetFile;
import dev.casebook.markdown.RenderedBody;
import dev.casebook.model.Incident;
import dev.casebook.model.DesignDoc;
import dev.casebook.readership.Readership;
import dev.casebook.readership.ReadershipReport;
import dev.casebook.render.view.PageContext;
import dev.casebook.render.view.PageModel;
import dev.casebook.render.view.HomePage;
import dev.casebook.render.view.IncidentsPage;
import dev.casebook.render.view.TaxonomyPage;
import dev.casebook.render.view.TermPage;
import dev.casebook.render.view.DesignsPage;
import dev.casebook.render.view.LibraryPage;
import dev.casebook.render.view.DesignView;
import dev.casebook.render.view.IncidentView;
import dev.casebook.render.view.PathPage;
import dev.casebook.render.view.PathView;
import dev.casebook.render.view.PathsPage;
import dev.casebook.render.view.SiteView;
import dev.casebook.render.view.TaxonomyView;
import dev.casebook.render.view.TermStats;
import dev.casebook.sitecheck.PageLinks;
import dev.casebook.write.SiteOutput;
import dev.casebook.render.view.LibraryView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The render stage, in two steps. {@link #plan} decides every file of the site and what each one's
 * bytes depend on (a page's template and the values its template sees); {@link SitePlan#write}
 * renders them. A full build writes every file of the plan; {@code serve} compares the plan with the
 * last one and writes only the files whose template values changed. Pages render in parallel.
 */
public final class SiteRenderer {
  /** Where the Mermaid script sits in its WebJar, and where the site gets it. */
  static final String MERMAID_RESOURCE = "META-INF/resources/webjars/mermaid/" + WebJarVersions.MERMAID + "/dist/mermaid.min.js";
  static final String MERMAID_PATH = "assets/vendor/mermaid.min.js";
  /** Where lunr.js sits in its WebJar, and where the site gets it (for search). */
  static final String LUNR_RESOURCE = "META-INF/resources/webjars/lunr/" + dev.casebook.search.LunrIndex.VERSION + "/lunr.min.js";
  static final String LUNR_PATH = "assets/vendor/lunr.min.js";
  private static final int RECENT = 8;
  private static final int FEED_ENTRIES = 50;

  private final LinkedLibrary linked;
  private final SiteConfig config;
  private final Theme theme;
  private final PageJobs jobs;
  private final Taxonomies taxonomies;
  private final SiteView site;
  private final LibraryView library;
  /** The write-ups' views by id, in library order (not to be changed). */
  private final Map<String, IncidentView> incidentViews;
  private final List<IncidentView> allViews;
  private final Map<String, DesignView> designViews = new LinkedHashMap<>();
  private final ReadingPaths readingPaths;
  private final Readership readership;
  private final Map<String, ReadershipReport> readers = new HashMap<>();
  private final RenderCache cache;

  private SiteRenderer(LinkedLibrary linked, Readership readership, dev.casebook.history.LastChanges changes, Theme theme,
      String generator, RenderCache cache) {
    this.linked = linked;
    this.readership = readership;
    if (readership != null) for (ReadershipReport r : readership.writeUps()) readers.put(r.doc(), r);
    this.config = linked.library().config();
    this.theme = theme;
    this.jobs = new PageJobs(cache.templates(theme), theme, linked.library().config().folders().templates());
    List<Incident> incidents = linked.library().incidents();
    this.cache = cache;
    this.taxonomies = cache.taxonomies(config, incidents);
    RenderCache.Views views = cache.views(incidents, taxonomies.links(), changes, new ViewFactory(config));
    this.incidentViews = views.byId();
    this.allViews = views.all();
    this.site = cache.site(new SiteView(config.title(), config.description(), config.baseUrl(), config.language(), generator,
        taxonomies.all().stream().map(Taxonomy::link).toList(), "feed.xml", !linked.library().designDocs().isEmpty(),
        readership != null, !config.glossary().isEmpty(), !linked.library().paths().isEmpty()));
    this.library = new LibraryView(incidents.size(), (int) incidents.stream().filter(Incident::nearMiss).count(),
        linked.library().designDocs().size(), taxonomies.all().stream().map(Taxonomy::view).toList());
    for (DesignDoc d : linked.library().designDocs()) designViews.put(SitePaths.designKey(d.slug()), designView(d));
    this.readingPaths = new ReadingPaths(linked.library().paths(), incidentViews, designViews);
  }

  /**
   * What the render stage wrote.
   *
   * @param pages how many HTML pages
   * @param links each HTML page's path in the site with its links and ids, for the link check
   */
  public record Report(int pages, Map<String, PageLinks> links) {}

  /** Renders the whole site into {@code out}; problems go to {@code diagnostics}. */
  public static Report render(LinkedLibrary linked, Theme theme, SiteOutput out, Diagnostics diagnostics, String generator)
      throws IOException {
    return render(linked, null, theme, out, diagnostics, generator);
  }

  /**
   * Renders the whole site into {@code out}, with a Learning page and readers on each write-up when
   * {@code readership} is given; problems go to {@code diagnostics}.
   */
  public static Report render(LinkedLibrary linked, Readership readership, Theme theme, SiteOutput out, Diagnostics diagnostics,
      String generator) throws IOException {
    SitePlan plan = plan(linked, readership, theme, generator, RenderCache.none());
    return plan.write(plan.outputs(), out, diagnostics);
  }

  /**
   * Every file of the site and what decides its bytes, without rendering anything; write-up views
   * come from {@code cache} when their write-ups have not changed.
   */
  public static SitePlan plan(LinkedLibrary linked, Readership readership, Theme theme, String generator, RenderCache cache) {
    return plan(linked, readership, dev.casebook.history.LastChanges.NONE, theme, generator, cache);
  }

  /** The plan, with the day each write-up last changed in {@code changes} (from git history). */
  public static SitePlan plan(LinkedLibrary linked, Readership readership, dev.casebook.history.LastChanges changes, Theme theme,
      String generator, RenderCache cache) {
    return new SiteRenderer(linked, readership, changes, theme, generator, cache).plan();
  }

  private SitePlan plan() {
    List<SitePlan.Output> outputs = new ArrayList<>();
    List<Incident> incidents = linked.library().incidents();
    // A page's key is its template and the values the template sees. The write-ups' pages are
    // derived values: one is made again only when an input it read changed.
    synchronized (cache) {
      cache.pageViews.set(incidentViews);
      cache.incidentPages.start(incidentPageSources());
      cache.designPages.start(designPageSources());
    }
    outputs.addAll(onEveryCore(incidents, i -> cache.incidentPages.page(i.id())));
    int listingsAt = outputs.size();
    outputs.addAll(onEveryCore(linked.library().designDocs(), d -> cache.designPages.page(d.slug())));
    pathPages(outputs);
    boolean diagrams = linked.bodies().values().stream().anyMatch(RenderedBody::hasDiagrams)
        || linked.designBodies().values().stream().anyMatch(RenderedBody::hasDiagrams);
    assets(outputs, diagrams);
    outputs.add(cache.idList(linked.library().incidents()));
    // The listings are a function of their sources alone, kept while the sources are equal, and
    // planned only when asked for: an update shows the pages of what changed first.
    return new SitePlan(outputs, listingsAt, this::listings);
  }

  /** How many items a core takes at a time in {@link #onEveryCore}. */
  private static final int CHUNK = 256;

  /** {@code make} of each item, in the items' order, made on every core. */
  private static <T> List<SitePlan.Output> onEveryCore(List<T> items, java.util.function.Function<T, SitePlan.Output> make) {
    SitePlan.Output[] made = new SitePlan.Output[items.size()];
    dev.casebook.parallel.Jobs.forEachIndex(made.length, CHUNK, n -> made[n] = make.apply(items.get(n)));
    return java.util.Arrays.asList(made);
  }

  /** The listing outputs: the last plan's when their sources are equal. */
  private List<SitePlan.Output> listings() {
    return cache.listings(new Listings.Sources(jobs, site, config.title(), config.description(),
        config.baseUrl(), config.readership().endpoint(), allViews, incidentViews, taxonomies, library,
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(designViews)), linked.citations(), linked.code(), readership,
        Map.copyOf(readers), readingPaths.all(), GlossaryTerms.of(config.glossary())));
  }

  /** The inputs of the write-ups' pages in this plan. */
  private IncidentPages.Sources incidentPageSources() {
    Map<String, String> branches = new HashMap<>();
    for (dev.casebook.config.CodeRepository r : config.code()) if (r.branch() != null) branches.put(r.name(), r.branch());
    IncidentPages.Settings settings = new IncidentPages.Settings(site, config.baseUrl(), config.readership().endpoint(),
        Map.copyOf(branches), jobs);
    return new IncidentPages.Sources(settings, linked.library().incidents(), linked.bodies(), linked.citations(),
        designViews, linked.code(), readers, id -> readingPaths.placesOf(SitePaths.incident(id)));
  }

  /** The inputs of the design documents' pages in this plan (their bodies are not part of the listings' key). */
  private DesignPages.Sources designPageSources() {
    return new DesignPages.Sources(new DesignPages.Settings(site, config.baseUrl(), config.readership().endpoint(), jobs),
        linked.library().designDocs(), linked.designBodies(), linked.citations()::citesInOrder, Map.copyOf(designViews),
        readingPaths::placesOf);
  }

  /** A page per reading path: its introduction and its steps with their reasons. */
  private void pathPages(List<SitePlan.Output> pages) {
    for (dev.casebook.model.ReadingPath p : linked.library().paths()) {
      RenderedBody body = linked.pathBodies().get(p.slug());
      PathView view = readingPaths.paths.get(p.slug());
      pages.add(output("path.ftlh", view.url() + "index.html",
          new PathPage(context("path", p.title(), "A reading path for " + p.audience() + ".", view.url()), view,
              ViewFactory.content(body), readingPaths.steps.get(p.slug())),
          IncidentPages.traced(body, p.source())));
    }
  }

  private DesignView designView(DesignDoc d) {
    String date = d.date() == null ? "" : d.date().toString();
    String label = d.date() == null ? "" : ViewFactory.dateLabel(d.date());
    return new DesignView(d.slug(), d.title(), SitePaths.design(d.slug()), d.status(), d.authors(), date, label,
        d.source().path(), linked.citations().cites(SitePaths.designKey(d.slug())).size());
  }

  /** What every page's layout reads. */
  private PageContext context(String kind, String title, String description, String url) {
    return PageContext.of(site, config.baseUrl(), config.readership().endpoint(), kind, title, description, url);
  }

  private SitePlan.Output output(String template, String path, PageModel model, Map<String, SourcePosition> traced) {
    return jobs.output(template, path, model, traced);
  }

  private static void copyResource(SiteOutput out, String resource, String path, String what) throws IOException {
    try (InputStream in = SiteRenderer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IOException(what + " is missing from the class path: " + resource);
      out.copy(path, in);
    }
  }

  /** The theme's static files, lunr.js, Mermaid when a body has a diagram, and the images and files the bodies link to. */
  private void assets(List<SitePlan.Output> outputs, boolean diagrams) {
    for (Map.Entry<String, Path> e : theme.files("static").entrySet()) {
      Path file = e.getValue();
      outputs.add(new SitePlan.Output("assets/" + e.getKey(), SitePlan.fileKey(file), r -> r.out().copy("assets/" + e.getKey(), file)));
    }
    outputs.add(new SitePlan.Output(LUNR_PATH, LUNR_RESOURCE, r -> copyResource(r.out(), LUNR_RESOURCE, LUNR_PATH, "lunr.js")));
    if (diagrams) {
      outputs.add(new SitePlan.Output(MERMAID_PATH, MERMAID_RESOURCE,
          r -> copyResource(r.out(), MERMAID_RESOURCE, MERMAID_PATH, "the Mermaid script")));
    }
    // Only the files a page links to, of types that cannot run script; SVG is cleaned of script.
    String content = linked.library().contentPrefix();
    for (AssetFile asset : linked.library().assets()) {
      if (!asset.path().startsWith(content) || !linked.media().contains(asset.path()) || !AssetFile.publishable(asset.path())) continue;
      String path = SitePaths.media(asset.path().substring(content.length()));
      outputs.add(new SitePlan.Output(path, List.of(SitePlan.fileKey(asset.file()), asset.edition()), AssetFile.svg(asset.path())
          ? r -> r.out().write(path, SvgSanitizer.sanitize(java.nio.file.Files.readAllBytes(asset.file())))
          : r -> r.out().copy(path, asset.file())));
    }
  }
}
