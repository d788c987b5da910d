package dev.casebook.pipeline;

import dev.casebook.coach.Coach;
import dev.casebook.coach.CoachCache;
import dev.casebook.code.CodeFindings;
import dev.casebook.code.CodeStage;
import dev.casebook.config.CodeRepository;
import dev.casebook.config.ConfigLoader;
import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.index.IndexCache;
import dev.casebook.index.SearchDocuments;
import dev.casebook.index.SearchDocumentsFile;
import dev.casebook.index.SearchIndexStage;
import dev.casebook.link.LinkCache;
import dev.casebook.link.LinkResolver;
import dev.casebook.link.LinkedLibrary;
import dev.casebook.link.SitePaths;
import dev.casebook.load.LibraryLoader;
import dev.casebook.load.LibrarySources;
import dev.casebook.load.ReadCache;
import dev.casebook.model.Incident;
import dev.casebook.model.Library;
import dev.casebook.readership.Readership;
import dev.casebook.render.RenderCache;
import dev.casebook.render.SitePlan;
import dev.casebook.render.SiteRenderer;
import dev.casebook.render.Theme;
import dev.casebook.sitecheck.PageLinks;
import dev.casebook.sitecheck.SiteLinkChecker;
import dev.casebook.validate.LibraryValidator;
import dev.casebook.validate.ValidationCache;
import dev.casebook.write.SiteUpdate;
import dev.casebook.write.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A build that is run again after changes, as {@code serve} does: the first run is a full build;
 * each later run ({@link #update}) reuses what the last one computed from unchanged inputs (files
 * read, write-ups validated, bodies parsed and rendered, views, search texts) and rewrites in place
 * only the files whose inputs changed: the edited write-up's page, the pages that cite it or list
 * it, the browse pages whose terms changed, the feed, and the search index files that hold it. A
 * change to casebook.yml or the theme makes a full build. An update that finds errors writes
 * nothing, so the last good site stays.
 *
 * <p>The pipeline is the same for both: load, validate, code, link, render, index, check links,
 * write. {@link SiteBuild#build} is one full run.
 */
public final class LiveBuild {
  private final BuildOptions options;
  private final Path root;
  private final boolean hints;
  private Caches caches;
  /** What the output folder holds now, or null when it must be built in full. */
  private Site site;
  /** The files the last run wrote and deleted (every file, after a full build). */
  private volatile Set<String> lastWritten = Set.of();
  private volatile Set<String> lastDeleted = Set.of();

  /** What each stage keeps for the next run; thrown away when the configuration or theme changes. */
  private static final class Caches {
    final ReadCache reads = ReadCache.none();
    final ValidationCache validation = ValidationCache.none();
    final LinkCache links = LinkCache.none();
    final RenderCache render = RenderCache.none();
    final IndexCache index = IndexCache.none();
    final CoachCache coach = CoachCache.none();
    CodeRun code;
  }

  /** The code stage's last run: what it was given and what it found. */
  private record CodeRun(List<Object> inputs, CodeFindings findings, List<Diagnostic> diagnostics) {}

  /** The site in the output folder: its plan, its pages' links and its files. */
  private record Site(SiteConfig config, Theme theme, Readership readership, SitePlan plan, Map<String, PageLinks> links,
      Set<String> files, Path output) {}

  public LiveBuild(BuildOptions options) {
    this(options, true);
  }

  /**
   * @param hints whether full builds run every writing rule, as the preview does (its later updates
   *     reuse the hints); without, only the rules the library made errors run, as a one-off site build needs
   */
  public LiveBuild(BuildOptions options, boolean hints) {
    this.options = options;
    this.root = options.source().toAbsolutePath().normalize();
    this.hints = hints;
  }

  /** Validates and links the whole library, writing nothing. */
  public BuildResult check() {
    caches = new Caches();
    site = null;
    Diagnostics diagnostics = new Diagnostics();
    StageTimer timer = new StageTimer();
    SiteConfig config = config(diagnostics);
    if (config == null) return failed(diagnostics, null, timer);
    Library library = loadAndValidate(config, Set.of(), diagnostics, timer);
    CodeFindings code = code(library, Set.of(), diagnostics);
    timer.lap("code");
    Coach coach = Coach.prepare(library, options.source(), diagnostics, caches.coach);
    LinkedLibrary linked = LinkResolver.link(library, options.source(), code, diagnostics, caches.links, coach::read);
    PlannedLinks.check(linked, options.source().resolve(config.folders().templates()), diagnostics);
    timer.lap("link");
    coach.report(library, diagnostics);
    timer.lap("coach");
    return new BuildResult(false, diagnostics.sorted(), library.incidents().size(), 0, null, timer.timings());
  }

  /** Builds the whole site into a new folder and puts it in place of the output folder. */
  public BuildResult full(BuildProgress progress) throws IOException {
    caches = new Caches();
    site = null;
    Diagnostics diagnostics = new Diagnostics();
    StageTimer timer = new StageTimer(progress);
    Path source = options.source();
    SiteConfig config = config(diagnostics);
    if (config == null) return failed(diagnostics, null, timer);
    Library library = loadAndValidate(config, Set.of(), diagnostics, timer);
    Path output = outputFolder(config);
    java.util.Optional<String> badOutput = dev.casebook.write.OutputPlace.problem(source, config, output);
    if (badOutput.isPresent()) {
      diagnostics.error(SourcePosition.of(String.valueOf(output)), badOutput.get());
      return failed(diagnostics, output, timer);
    }

    CodeFindings code = code(library, Set.of(), diagnostics);
    timer.lap("code");
    Coach coach = Coach.prepare(library, options.source(), diagnostics, caches.coach, !hints);
    LinkedLibrary linked = LinkResolver.link(library, source, code, diagnostics, caches.links, coach::read);
    PlannedLinks.check(linked, source.resolve(config.folders().templates()), diagnostics);
    timer.lap("link");
    coach.report(library, diagnostics);
    timer.lap("coach");
    if (diagnostics.hasErrors()) return failed(diagnostics, output, timer);
    Readership readership = null;
    if (options.readership() != null) {
      try {
        readership = options.readership().load(Readership.writeUps(library));
      } catch (IOException e) {
        diagnostics.error(SourcePosition.of(options.readership().name()), e.getMessage());
        return failed(diagnostics, output, timer);
      }
      timer.lap("readership");
    }

    Theme theme = Theme.load(source.resolve(config.folders().templates()));
    try (SiteWriter writer = SiteWriter.open(output)) {
      SitePlan plan = SiteRenderer.plan(linked, readership, theme, SiteBuild.GENERATOR, caches.render);
      SiteRenderer.Report report = plan.write(plan.outputs(), writer, diagnostics);
      timer.lap("render");
      if (diagnostics.hasErrors()) return failed(diagnostics, output, timer);
      SearchDocuments searchDocuments = SearchIndexStage.write(linked, writer, caches.index);
      timer.lap("index");
      SiteLinkChecker.check(writer.root(), writer.files(), report.links(), SitePaths.basePath(config.baseUrl()), diagnostics);
      timer.lap("check links");
      if (diagnostics.hasErrors()) return failed(diagnostics, output, timer);
      Set<String> files = Set.copyOf(writer.files());
      writer.commit();
      if (options.searchDocuments() != null) SearchDocumentsFile.write(searchDocuments, options.searchDocuments());
      timer.lap("write");
      site = new Site(config, theme, readership, plan, new HashMap<>(report.links()), files, output);
      lastWritten = files;
      lastDeleted = Set.of();
      return new BuildResult(true, diagnostics.sorted(), library.incidents().size(), report.pages(), output, timer.timings());
    } catch (SiteWriter.OutputException e) {
      diagnostics.error(SourcePosition.of(String.valueOf(output)), e.getMessage());
      return failed(diagnostics, output, timer);
    }
  }

  /**
   * The pages a run put in place, for the open browser tabs: every page after a full build, else
   * the HTML pages written or deleted (paths in the site, e.g. {@code incidents/INC-2024-001/index.html}).
   */
  public record PagesWritten(boolean everything, Set<String> pages) {
    static PagesWritten all() {
      return new PagesWritten(true, Set.of());
    }

    static PagesWritten of(Set<String> written, Set<String> deleted) {
      Set<String> pages = new HashSet<>();
      for (String p : written) if (p.endsWith(".html")) pages.add(p);
      for (String p : deleted) if (p.endsWith(".html")) pages.add(p);
      return new PagesWritten(false, Set.copyOf(pages));
    }
  }

  /**
   * Brings the site up to date after {@code changed} files (absolute paths) changed: in place when
   * it can, else with a full build. {@code pagesWritten} is told each time pages are in place: an
   * update puts the pages of the changed write-ups (and images) in place first, then the listings
   * (the table of all write-ups, browse pages, feed), so that the page being edited reloads at once;
   * then it brings the search index up to date.
   */
  public BuildResult update(Set<Path> changed, Consumer<PagesWritten> pagesWritten) throws IOException {
    Set<Path> paths = new HashSet<>();
    for (Path p : changed) paths.add(p.toAbsolutePath().normalize());
    if (site == null || needsFullBuild(paths)) {
      BuildResult result = full(BuildProgress.NONE);
      if (result.written()) pagesWritten.accept(PagesWritten.all());
      return result;
    }
    try {
      return updateInPlace(paths, pagesWritten);
    } catch (IOException | RuntimeException e) {
      site = null; // the output folder may be half updated: the next run rebuilds it whole
      throw e;
    }
  }

  /** Whether the configuration, the theme or something unknown changed. */
  private boolean needsFullBuild(Set<Path> changed) {
    Path config = root.resolve(SiteConfig.FILE_NAME);
    Path theme = root.resolve(site.config().folders().templates()).normalize();
    for (Path p : changed) {
      if (p.equals(root) || p.equals(config) || p.startsWith(theme) || !Files.isDirectory(site.output())) return true;
    }
    return false;
  }

  private BuildResult updateInPlace(Set<Path> changed, Consumer<PagesWritten> pagesWritten) throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    StageTimer timer = new StageTimer();
    SiteConfig config = config(diagnostics);
    if (config == null) return failed(diagnostics, null, timer);
    Library library = loadAndValidate(config, changed, diagnostics, timer);
    CodeFindings code = code(library, changed, diagnostics);
    timer.lap("code");
    Coach coach = Coach.prepare(library, options.source(), diagnostics, caches.coach);
    LinkedLibrary linked = LinkResolver.link(library, options.source(), code, diagnostics, caches.links, coach::read);
    timer.lap("link");
    coach.report(library, diagnostics);
    timer.lap("coach");
    Path output = site.output();
    if (diagnostics.hasErrors()) return failed(diagnostics, output, timer);

    SitePlan plan = SiteRenderer.plan(linked, site.readership(), site.theme(), SiteBuild.GENERATOR, caches.render);
    PlannedLinks.check(linked, plan, diagnostics);
    if (diagnostics.hasErrors()) return failed(diagnostics, output, timer);
    List<SitePlan.Output> outputs = plan.changedSince(site.plan());
    Set<String> removed = plan.removedSince(site.plan());
    // The files the site will have: link checks of the first pages count the listings' new files too.
    Set<String> files = new HashSet<>(site.files());
    files.removeAll(removed);
    for (SitePlan.Output o : outputs) files.add(o.path());
    Map<String, PageLinks> links = new HashMap<>(site.links());
    links.keySet().removeAll(removed);
    String basePath = SitePaths.basePath(config.baseUrl());

    List<SitePlan.Output> first = outputs.stream().filter(o -> !o.listing()).toList();
    List<SitePlan.Output> listings = outputs.stream().filter(SitePlan.Output::listing).toList();
    SiteUpdate pages = SiteUpdate.undoable(output);
    SiteRenderer.Report report = plan.write(first, pages, diagnostics);
    links.putAll(report.links());
    if (!report.links().isEmpty()) SiteLinkChecker.check(output, files, links, report.links().keySet(), basePath, diagnostics);
    timer.lap("render");
    if (diagnostics.hasErrors()) return failed(diagnostics, output, timer);
    pages.commit();
    boolean told = !pages.isEmpty();
    if (told) pagesWritten.accept(PagesWritten.of(pages.written(), Set.of()));

    SiteUpdate rest = SiteUpdate.of(output);
    SiteRenderer.Report listed = plan.write(listings, rest, diagnostics);
    links.putAll(listed.links());
    // A page that went away may have been linked from pages that did not change: check them all then.
    if (!listed.links().isEmpty() || !removed.isEmpty()) {
      SiteLinkChecker.check(output, files, links, removed.isEmpty() ? listed.links().keySet() : links.keySet(), basePath, diagnostics);
    }
    timer.lap("listings");
    if (diagnostics.hasErrors()) {
      pages.undo();
      return failed(diagnostics, output, timer);
    }
    for (String path : removed) rest.delete(path);
    rest.commit();
    timer.lap("write");
    // Every good update says so at least once, even when no page changed: a shown problem list goes away.
    if (!rest.isEmpty() || !told) pagesWritten.accept(PagesWritten.of(rest.written(), removed));
    Set<String> written = new HashSet<>(pages.written());
    written.addAll(rest.written());
    int pageCount = (int) written.stream().filter(p -> p.endsWith(".html")).count();
    BuildResult result = new BuildResult(true, diagnostics.sorted(), library.incidents().size(), pageCount, output, timer.timings());

    SiteUpdate index = SiteUpdate.of(output);
    SearchIndexStage.update(linked, index, caches.index);
    index.commit();
    // files already holds every page and copied file the plan makes; the index files are not in the plan.
    files.removeAll(index.deletedFiles());
    files.addAll(index.written());
    written.addAll(index.written());
    Set<String> deleted = new HashSet<>(removed);
    deleted.addAll(index.deletedFiles());
    lastWritten = Set.copyOf(written);
    lastDeleted = Set.copyOf(deleted);
    site = new Site(site.config(), site.theme(), site.readership(), plan, links, Set.copyOf(files), output);
    return result;
  }

  /** The files the last successful run wrote: every file after a full build, the changed ones after an update. */
  public Set<String> lastWritten() {
    return lastWritten;
  }

  /** The files the last successful update deleted. */
  public Set<String> lastDeleted() {
    return lastDeleted;
  }

  private SiteConfig config(Diagnostics diagnostics) {
    if (!Files.isDirectory(options.source())) {
      diagnostics.error(SourcePosition.of(options.source().toString()), "library folder does not exist");
      return null;
    }
    SiteConfig config = ConfigLoader.load(options.source(), diagnostics);
    if (config.strict()) diagnostics.warningsAreErrors();
    if (options.baseUrl() != null) config = config.withBaseUrl(options.baseUrl());
    return config;
  }

  private Library loadAndValidate(SiteConfig config, Set<Path> changed, Diagnostics diagnostics, StageTimer timer) {
    caches.reads.begin(changed);
    LibrarySources sources = LibraryLoader.load(options.source(), config, diagnostics, caches.reads);
    timer.lap("load");
    Library library = LibraryValidator.validate(sources, config, options.drafts(), diagnostics, caches.validation);
    timer.lap("validate");
    return library;
  }

  /**
   * The code stage, run again only when a checkout changed, a write-up's code references did, or
   * the ids comments may cite did.
   */
  private CodeFindings code(Library library, Set<Path> changed, Diagnostics diagnostics) {
    List<Object> inputs = new ArrayList<>();
    for (Incident i : library.incidents()) if (!i.code().isEmpty()) inputs.add(List.of(i.id(), i.code()));
    inputs.add(library.knownIds());
    inputs.add(library.incidents().stream().map(Incident::id).toList());
    boolean checkoutChanged = false;
    for (CodeRepository repo : library.config().code()) {
      if (!repo.hasCheckout()) continue;
      Path checkout = root.resolve(repo.path()).normalize();
      checkoutChanged |= changed.stream().anyMatch(p -> p.startsWith(checkout));
    }
    CodeRun last = caches.code;
    if (last != null && !checkoutChanged && last.inputs().equals(inputs)) {
      diagnostics.addAll(last.diagnostics());
      return last.findings();
    }
    Diagnostics own = new Diagnostics();
    CodeFindings findings = CodeStage.run(library, options.source(), own);
    caches.code = new CodeRun(inputs, findings, own.sorted());
    diagnostics.addAll(own.sorted());
    return findings;
  }

  private Path outputFolder(SiteConfig config) {
    return options.output() != null ? options.output() : options.source().resolve(config.folders().output());
  }

  private static BuildResult failed(Diagnostics diagnostics, Path output, StageTimer timer) {
    return new BuildResult(false, diagnostics.sorted(), 0, 0, output, timer.timings());
  }
}
