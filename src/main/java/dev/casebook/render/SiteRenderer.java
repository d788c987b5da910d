package dev.casebook.render;

import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.link.LinkedLibrary;
import dev.casebook.link.SitePaths;
import dev.casebook.load.AssetFile;
import dev.casebook.markdown.RenderedBody;
import dev.casebook.model.Incident;
import dev.casebook.model.DesignDoc;
import dev.casebook.readership.Readership;
import dev.casebook.readership.ReadershipReport;
import dev.casebook.render.view.LearningRow;
import dev.casebook.render.view.CitationCount;
import dev.casebook.render.view.DesignCiting;
import dev.casebook.render.view.DesignView;
import dev.casebook.render.view.Citing;
import dev.casebook.render.view.IncidentView;
import dev.casebook.render.view.PageInfo;
import dev.casebook.render.view.SiteView;
import dev.casebook.render.view.TaxonomyView;
import dev.casebook.sitecheck.PageLinks;
import dev.casebook.write.SiteWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The render stage: every page of the site, from the linked library and the theme, written
 * straight to the {@link SiteWriter} so memory does not grow with the library. Write-up pages
 * render in parallel.
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
  private final TemplateEngine templates;
  private final SiteWriter out;
  private final Diagnostics diagnostics;
  private final Taxonomies taxonomies;
  private final ViewFactory views;
  private final SiteView site;
  private final Map<String, IncidentView> incidentViews = new LinkedHashMap<>();
  private final List<IncidentView> allViews;
  private final Map<String, DesignView> designViews = new LinkedHashMap<>();
  private final Map<String, PageLinks> htmlPages = new java.util.concurrent.ConcurrentHashMap<>();
  private final Readership readership;
  private final Map<String, ReadershipReport> readers = new HashMap<>();

  private SiteRenderer(LinkedLibrary linked, Readership readership, Theme theme, SiteWriter out, Diagnostics diagnostics,
      String generator) {
    this.linked = linked;
    this.readership = readership;
    if (readership != null) for (ReadershipReport r : readership.writeUps()) readers.put(r.doc(), r);
    this.config = linked.library().config();
    this.theme = theme;
    this.templates = new TemplateEngine(theme);
    this.out = out;
    this.diagnostics = diagnostics;
    List<Incident> incidents = linked.library().incidents();
    this.taxonomies = new Taxonomies(config, incidents);
    this.views = new ViewFactory(config, taxonomies);
    for (Incident i : incidents) incidentViews.put(i.id(), views.incident(i));
    this.allViews = List.copyOf(incidentViews.values());
    this.site = new SiteView(config.title(), config.description(), config.baseUrl(), config.language(), generator,
        incidents.size(), (int) incidents.stream().filter(Incident::nearMiss).count(),
        taxonomies.all().stream().map(Taxonomy::view).toList(), "feed.xml", linked.library().designDocs().size(),
        readership != null);
    for (DesignDoc d : linked.library().designDocs()) designViews.put(SitePaths.designKey(d.slug()), designView(d));
  }

  /**
   * What the render stage wrote.
   *
   * @param pages how many HTML pages
   * @param links each HTML page's path in the site with its links and ids, for the link check
   */
  public record Report(int pages, Map<String, PageLinks> links) {}

  /** Renders the site into {@code out}; problems go to {@code diagnostics}. */
  public static Report render(LinkedLibrary linked, Theme theme, SiteWriter out, Diagnostics diagnostics, String generator)
      throws IOException {
    return render(linked, null, theme, out, diagnostics, generator);
  }

  /**
   * Renders the site into {@code out}, with a Learning page and readers on each write-up when
   * {@code readership} is given; problems go to {@code diagnostics}.
   */
  public static Report render(LinkedLibrary linked, Readership readership, Theme theme, SiteWriter out, Diagnostics diagnostics,
      String generator) throws IOException {
    SiteRenderer renderer = new SiteRenderer(linked, readership, theme, out, diagnostics, generator);
    int pages = renderer.render();
    return new Report(pages, Map.copyOf(renderer.htmlPages));
  }

  private int render() throws IOException {
    AtomicBoolean diagrams = new AtomicBoolean();
    List<Incident> incidents = linked.library().incidents();
    try {
      java.util.stream.IntStream.range(0, incidents.size()).parallel().forEach(n -> {
        Incident incident = incidents.get(n);
        RenderedBody body = linked.bodies().get(incident.id());
        if (body.hasDiagrams()) diagrams.set(true);
        Map<String, Object> model = new HashMap<>();
        model.put("incident", incidentViews.get(incident.id()));
        model.put("content", ViewFactory.content(body));
        model.put("related", incident.related().stream().map(r -> incidentViews.get(r.id())).filter(v -> v != null).toList());
        List<Citing> citing = linked.citations().citing(incident.id()).stream()
            .filter(c -> incidentViews.containsKey(c.from()))
            .map(c -> new Citing(incidentViews.get(c.from()), c.context())).toList();
        model.put("citedBy", citing);
        model.put("citedByDesign", linked.citations().citing(incident.id()).stream()
            .filter(c -> designViews.containsKey(c.from()))
            .map(c -> new DesignCiting(designViews.get(c.from()), c.context())).toList());
        model.put("relatedBy", citing.stream().map(Citing::incident).toList());
        model.put("code", linked.code().referencesOf(incident.id()).stream().map(p -> ViewFactory.codeLink(p, config)).toList());
        model.put("citedInCode", linked.code().citing(incident.id()).stream().map(ViewFactory::codeCiting).toList());
        model.put("readers", readers.get(incident.id()));
        model.put("newer", n > 0 ? allViews.get(n - 1) : null);
        model.put("older", n + 1 < allViews.size() ? allViews.get(n + 1) : null);
        page("incident.ftlh", "incident", incident.title(), incident.summary(), SitePaths.incident(incident.id()), model);
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    renderListings();
    if (linked.designBodies().values().stream().anyMatch(RenderedBody::hasDiagrams)) diagrams.set(true);
    copyAssets(diagrams.get());
    return htmlPages.size();
  }

  /** Every page but the write-ups' own, rendered in parallel. */
  private void renderListings() {
    List<Runnable> pages = new ArrayList<>();
    Map<String, Object> home = new HashMap<>();
    home.put("recent", allViews.subList(0, Math.min(RECENT, allViews.size())));
    home.put("nearMisses", allViews.stream().filter(IncidentView::nearMiss).limit(RECENT).toList());
    home.put("years", taxonomies.years.view());
    pages.add(() -> page("index.ftlh", "home", config.title(), config.description(), "", home));
    pages.add(() -> page("incidents.ftlh", "incidents", "All write-ups", "Every write-up in the library.", "incidents/",
        Map.of("incidents", allViews, "stats", ViewFactory.stats(allViews))));
    for (Taxonomy taxonomy : taxonomies.all()) {
      TaxonomyView view = taxonomy.view();
      pages.add(() -> page("taxonomy.ftlh", "taxonomy", taxonomy.title, "Write-ups by " + taxonomy.singular + ".",
          taxonomy.url(), Map.of("taxonomy", view)));
      for (String term : taxonomy.terms()) {
        pages.add(() -> {
          List<IncidentView> termIncidents = taxonomy.incidents(term).stream().map(i -> incidentViews.get(i.id())).toList();
          String description = taxonomy.term(term).description();
          page("term.ftlh", "term", term, description.isEmpty() ? "Write-ups about " + term + "." : description,
              taxonomy.url(term), Map.of("taxonomy", view, "term", taxonomy.term(term), "incidents", termIncidents,
                  "stats", ViewFactory.stats(termIncidents)));
        });
      }
    }
    pages.add(() -> render("404.ftlh", "404.html",
        model("404", "Page not found", "", "404.html", Map.of("root", SitePaths.basePath(config.baseUrl())))));
    pages.add(() -> page("search.ftlh", "search", "Search", "Search every write-up.", "search/", Map.of()));
    if (!designViews.isEmpty()) {
      pages.add(() -> page("designs.ftlh", "designs", "Design documents", "Design documents that cite write-ups.",
          "design/", Map.of("designs", List.copyOf(designViews.values()))));
      for (DesignDoc d : linked.library().designDocs()) {
        pages.add(() -> {
          String key = SitePaths.designKey(d.slug());
          List<IncidentView> cites = linked.citations().cites(key).stream().map(incidentViews::get).filter(v -> v != null).toList();
          page("design.ftlh", "design", d.title(), "", SitePaths.design(d.slug()), Map.of("design", designViews.get(key),
              "content", ViewFactory.content(linked.designBodies().get(d.slug())), "cites", cites));
        });
      }
    }
    if (readership != null) {
      pages.add(() -> page("learning.ftlh", "learning", "Learning",
          "Whether write-ups are read beyond the teams that own them, read to the end, and cited by later work.",
          "learning/", learningModel()));
    }
    pages.add(() -> page("citations.ftlh", "citations", "Citations", "Which write-ups later write-ups, designs and code cite.",
        "citations/", citationsModel()));
    pages.add(() -> {
      try (java.io.OutputStream json = out.create("citations.json")) {
        CitationGraphJson.write(allViews, designViews.values(), linked.citations(), linked.code(), json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    pages.add(() -> render("feed.ftlx", "feed.xml",
        model("feed", config.title(), config.description(), "feed.xml", FeedModel.feed(config, allViews, FEED_ENTRIES))));
    if (!config.baseUrl().isEmpty()) {
      pages.add(() -> render("sitemap.ftlx", "sitemap.xml",
          model("sitemap", "", "", "sitemap.xml", FeedModel.sitemap(config, allViews, taxonomies))));
    }
    pages.parallelStream().forEach(Runnable::run);
  }

  private static final int MOST_CITED = 20;
  private static final int UNCITED_LISTED = 100;

  private Map<String, Object> citationsModel() {
    List<CitationCount> counts = allViews.stream().map(this::citationCount).toList();
    List<CitationCount> most = counts.stream().filter(c -> c.count() > 0)
        .sorted(java.util.Comparator.comparingInt(CitationCount::count).reversed()).limit(MOST_CITED).toList();
    List<IncidentView> uncited = counts.stream().filter(c -> c.count() == 0).map(CitationCount::incident).toList();
    return Map.of("mostCited", most, "uncited", uncited.subList(0, Math.min(UNCITED_LISTED, uncited.size())),
        "uncitedCount", uncited.size(), "citationCount", linked.citations().citations().size(),
        "codeCitationCount", linked.code().citations().size());
  }

  /** Who cites a write-up: later write-ups, design documents and places in code. */
  private CitationCount citationCount(IncidentView v) {
    int writeUps = 0;
    int designs = 0;
    int code = 0;
    for (String from : linked.citations().citedBy(v.id())) {
      if (incidentViews.containsKey(from)) writeUps++;
      else if (designViews.containsKey(from)) designs++;
      else if (from.startsWith("code:")) code++;
    }
    return new CitationCount(v, writeUps + designs + code, writeUps, designs, code);
  }

  /** The Learning page: readership next to what the library knows at build time (citations). */
  private Map<String, Object> learningModel() {
    List<LearningRow> rows = new ArrayList<>();
    long reads = 0;
    long readToEnd = 0;
    Map<String, Long> sources = new java.util.LinkedHashMap<>();
    for (IncidentView v : allViews) {
      ReadershipReport r = readers.get(v.id());
      CitationCount cited = citationCount(v);
      long outside = r == null ? 0 : r.readersOutsideOwner();
      long all = r == null ? 0 : r.reads();
      Integer endPercent = r == null || r.readToEndRate() == null ? null : (int) Math.round(r.readToEndRate() * 100);
      List<String> from = r == null ? List.of() : r.sources().entrySet().stream().filter(e -> e.getValue() > 0)
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3).map(Map.Entry::getKey).toList();
      rows.add(new LearningRow(v, all, r == null ? 0 : r.readers(), outside, endPercent, from, cited.writeUps(), cited.designs(),
          cited.code()));
      if (r != null) {
        reads += r.reads();
        readToEnd += r.readToEnd();
        r.sources().forEach((k, n) -> sources.merge(k, n, Long::sum));
      }
    }
    List<LearningRow> sorted = rows.stream().sorted(java.util.Comparator.comparingLong(LearningRow::readersOutsideOwner).reversed()
        .thenComparing(java.util.Comparator.comparingInt(LearningRow::citations).reversed())).toList();
    Map<String, Object> model = new HashMap<>();
    model.put("rows", sorted);
    model.put("since", readership.since() == null ? "" : ViewFactory.dateLabel(readership.since()));
    model.put("readOutside", rows.stream().filter(r -> r.readersOutsideOwner() > 0).count());
    model.put("unread", rows.stream().filter(r -> r.reads() == 0).count());
    model.put("citedLater", rows.stream().filter(r -> r.citations() > 0).count());
    model.put("readToEndPercent", reads == 0 ? -1 : (int) Math.round(100.0 * readToEnd / reads));
    Map<String, Long> bySize = new java.util.LinkedHashMap<>();
    sources.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> bySize.put(e.getKey(), e.getValue()));
    model.put("sources", bySize);
    model.put("months", readership.months());
    return model;
  }

  private DesignView designView(DesignDoc d) {
    String date = d.date() == null ? "" : d.date().toString();
    String label = d.date() == null ? "" : ViewFactory.dateLabel(d.date());
    return new DesignView(d.slug(), d.title(), SitePaths.design(d.slug()), d.status(), d.authors(), date, label,
        d.source().path(), linked.citations().cites(SitePaths.designKey(d.slug())).size());
  }

  private void page(String template, String kind, String title, String description, String url, Map<String, Object> extra) {
    render(template, url + "index.html", model(kind, title, description, url, extra));
  }

  private Map<String, Object> model(String kind, String title, String description, String url, Map<String, Object> extra) {
    extra = new HashMap<>(extra);
    Map<String, Object> model = new HashMap<>(extra);
    String root = (String) model.computeIfAbsent("root", k -> SitePaths.rootFrom(url));
    model.put("site", site);
    model.put("assets", root + "assets/");
    model.put("readership", config.readership().endpoint());
    String canonical = config.baseUrl().isEmpty() || kind.equals("404") ? "" : config.baseUrl() + url;
    model.put("page", new PageInfo(kind, title, description == null ? "" : description, url, canonical));
    return model;
  }

  private void render(String template, String path, Map<String, Object> model) {
    try {
      if (path.endsWith(".html")) {
        String html = templates.render(template, model);
        out.write(path, html.getBytes(StandardCharsets.UTF_8));
        htmlPages.put(path, PageLinks.scan(templateSource(template), html));
      } else {
        try (java.io.Writer writer = new java.io.OutputStreamWriter(out.create(path), StandardCharsets.UTF_8)) {
          templates.render(template, model, writer);
        }
      }
    } catch (TemplateEngine.TemplateFailure e) {
      diagnostics.error(new SourcePosition(templateSource(e.template()), e.line(), 0), "template error: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where a template comes from, as diagnostics name it. */
  private String templateSource(String template) {
    boolean own = theme.overrideRoot().isPresent() && theme.overrideRoot().get().resolve(template).toFile().isFile();
    return own ? config.folders().templates() + "/" + template : "(default theme) " + template;
  }

  private void copyResource(String resource, String path, String what) throws IOException {
    try (InputStream in = SiteRenderer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IOException(what + " is missing from the class path: " + resource);
      out.copy(path, in);
    }
  }

  private void copyAssets(boolean diagrams) throws IOException {
    for (Map.Entry<String, Path> e : theme.files("static").entrySet()) {
      out.copy("assets/" + e.getKey(), e.getValue());
    }
    copyResource(LUNR_RESOURCE, LUNR_PATH, "lunr.js");
    if (diagrams) copyResource(MERMAID_RESOURCE, MERMAID_PATH, "the Mermaid script");
    String content = linked.library().contentPrefix();
    List<AssetFile> assets = new ArrayList<>(linked.library().assets());
    for (AssetFile asset : assets) {
      if (asset.path().startsWith(content)) out.copy(SitePaths.media(asset.path().substring(content.length())), asset.file());
    }
  }
}
