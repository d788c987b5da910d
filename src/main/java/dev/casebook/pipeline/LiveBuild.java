package dev.casebook.pipeline;

import dev.casebook.coach.Coach;
import dev.casebook.coach.CoachCache;
import dev.casebook.code.CodeFindings;
import dev.casebook.config.ConfigLoader;
import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.index.IndexCache;
import dev.casebook.index.SearchDocuments;
import dev.casebook.index.SearchDocumentsFile;
import dev.casebook.link.LinkCache;
import dev.casebook.link.LinkResolver;
import dev.casebook.link.LinkedLibrary;
import dev.casebook.load.LibraryLoader;
import dev.casebook.load.LibrarySources;
import dev.casebook.load.ReadCache;
import dev.casebook.link.SitePaths;
import dev.casebook.model.DesignDoc;
import dev.casebook.model.Incident;
import dev.casebook.model.Library;
import dev.casebook.readership.Readership;
import dev.casebook.render.RenderCache;
import dev.casebook.render.SitePlan;
import dev.casebook.render.SiteRenderer;
import dev.casebook.render.Theme;
import dev.casebook.sitecheck.PageLinks;
import dev.casebook.validate.LibraryValidator;
import dev.casebook.validate.ValidationCache;
import dev.casebook.write.OutputPlace;
import dev.casebook.write.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The build pipeline. Its stages are listed once, in {@link #run}: config, load, validate, code,
 * link, coach, readership, plan, then render, check links, write and index. {@code check}, a full
 * build and a {@code serve} update are runs of that one list and differ only in how far they go
 * and what they start from:
 *
 * <ul>
 *   <li>{@link #check} stops after the plan and writes nothing;
 *   <li>{@link #full} starts from empty caches and writes the whole site into a new folder that
 *       replaces the output folder at the end ({@link SiteTarget.NewFolder});
 *   <li>{@link #update} starts from the caches and the site the last run left: every stage
 *       reuses what it computed from inputs that have not changed, and the write stage rewrites in
 *       place only the files whose plan entries changed ({@link SiteTarget.InPlace}). A change to
 *       casebook.yml or the theme, which every stage reads, starts from empty caches.
 * </ul>
 *
 * A run that finds errors writes nothing, so the last good site stays.
 */
public final class LiveBuild {
  private final BuildOptions options;
  private final Path root;
  private final boolean hints;
  /** Whether later runs update this one's site: else a run lets go of its plan before the index stage. */
  private final boolean keep;
  /** The library's folder of glossary files, read with the configuration. */
  private static final String GLOSSARY = dev.casebook.glossary.Glossary.FOLDER;
  private Caches caches = new Caches();
  /** The configuration the last run read, or null. */
  private SiteConfig lastConfig;
  /** What the output folder holds now, or null when it must be built in full. */
  private Site site;
  /** The files the last run wrote and deleted (every file, after a full build). */
  private volatile Set<String> lastWritten = Set.of();
  private volatile Set<String> lastDeleted = Set.of();
  /** The outputs of the plan the last run rendered: those whose key changed (every one, after a full build). */
  private volatile Set<String> lastRendered = Set.of();

  /** How far a run goes. */
  private enum Goal {
    /** Every problem {@code build} would report; nothing written. */
    CHECK,
    /** The site. */
    SITE
  }

  /** What each stage keeps for the next run; thrown away when the configuration or theme changes. */
  private static final class Caches {
    ReadCache reads = ReadCache.none();
    ValidationCache validation = ValidationCache.none();
    LinkCache links = LinkCache.none();
    final RenderCache render = RenderCache.none();
    final IndexCache index = IndexCache.none();
    CoachCache coach = CoachCache.none();
    CodeStep code;
    Theme theme;
    /** The folder of the library's theme overrides (which may not exist yet). */
    Path themeFolder;
    Readership readership;
    /** The day each write-up last changed in git: read once per full build, not on each update. */
    dev.casebook.history.LastChanges lastChanges;

    /** Lets go of the stages' memos that hold the library's sources (for a run that is not followed by another). */
    void forgetSources() {
      reads = ReadCache.none();
      validation = ValidationCache.none();
      links = LinkCache.none();
      coach = CoachCache.none();
    }
  }

  /** The site in the output folder: its plan, its pages' links and its files. */
  record Site(SitePlan plan, Map<String, PageLinks> links, Set<String> files, Path output) {}

  public LiveBuild(BuildOptions options) {
    this(options, true);
  }

  /**
   * @param hints whether site builds run every writing rule, as the preview does; without, only
   *     the rules the library made errors run, as a one-off site build needs
   */
  public LiveBuild(BuildOptions options, boolean hints) {
    this(options, hints, true);
  }

  /**
   * A build of which only one run is kept ({@code keep} false, a one-off {@code build}) holds less
   * memory: the plan, its page models and the pages' links are let go before the search index is made.
   */
  static LiveBuild once(BuildOptions options) {
    return new LiveBuild(options, false, false);
  }

  private LiveBuild(BuildOptions options, boolean hints, boolean keep) {
    this.options = options;
    this.root = options.source().toAbsolutePath().normalize();
    this.hints = hints;
    this.keep = keep;
  }

  /** Validates and links the whole library, writing nothing. */
  public BuildResult check() {
    caches = new Caches();
    site = null;
    try {
      return run(Goal.CHECK, Set.of(), BuildProgress.NONE, pages -> {});
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a check writes nothing
    }
  }

  /** Builds the whole site into a new folder and puts it in place of the output folder. */
  public BuildResult full(BuildProgress progress) throws IOException {
    return full(progress, pages -> {});
  }

  private BuildResult full(BuildProgress progress, Consumer<PagesWritten> pagesWritten) throws IOException {
    caches = new Caches();
    site = null;
    return run(Goal.SITE, Set.of(), progress, pagesWritten);
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
    return update(changed, pagesWritten, () -> false);
  }

  /**
   * As {@link #update(Set, Consumer)}, but an update in place leaves the search index as it was
   * when {@code newer} says, during the index stage, that a newer change is waiting: its pages and
   * listings are in place, and the next update brings the index up to date with both changes. A
   * writer who saves again while the index is written does not wait for it.
   */
  public BuildResult update(Set<Path> changed, Consumer<PagesWritten> pagesWritten, java.util.function.BooleanSupplier newer)
      throws IOException {
    Set<Path> paths = new HashSet<>();
    for (Path p : changed) paths.add(p.toAbsolutePath().normalize());
    if (site == null || needsFullBuild(paths)) return full(BuildProgress.NONE, pagesWritten);
    caches.index.stopWhen(newer);
    try {
      return run(Goal.SITE, paths, BuildProgress.NONE, pagesWritten);
    } catch (IOException | RuntimeException e) {
      site = null; // the output folder may be half updated: the next run rebuilds it whole
      throw e;
    } finally {
      caches.index.stopWhen(() -> false);
    }
  }

  /** The pages of the write-ups and design documents whose files are among {@code changed}: an update shows them first. */
  private Set<String> pagesOf(Set<Path> changed, Library library) {
    Set<String> files = new HashSet<>();
    for (Path p : changed) {
      Path file = p.toAbsolutePath().normalize();
      if (file.startsWith(root)) files.add(root.relativize(file).toString().replace('\\', '/'));
    }
    if (files.isEmpty()) return Set.of();
    Set<String> pages = new HashSet<>();
    for (Incident i : library.incidents()) if (files.contains(i.source().path())) pages.add(SitePaths.incident(i.id()) + "index.html");
    for (DesignDoc d : library.designDocs()) if (files.contains(d.source().path())) pages.add(SitePaths.design(d.slug()) + "index.html");
    return pages;
  }

  /** Whether the configuration, the theme or something unknown changed. */
  private boolean needsFullBuild(Set<Path> changed) {
    Path config = root.resolve(SiteConfig.FILE_NAME);
    Path theme = caches.themeFolder;
    for (Path p : changed) {
      if (p.equals(root) || p.equals(config) || (theme != null && p.startsWith(theme)) || !Files.isDirectory(site.output())) {
        return true;
      }
      // The glossary and the catalog are read with the configuration, and every page may show them.
      if (p.startsWith(root)) {
        String relative = root.relativize(p).toString().replace('\\', '/');
        if (relative.equals(GLOSSARY) || relative.startsWith(GLOSSARY + "/")) return true;
        if (lastConfig != null && lastConfig.catalog().reads(relative)) return true;
      }
    }
    return false;
  }

  /**
   * The pipeline: every stage, in order ({@link SiteWrite} holds render, check links and write). A
   * stage reads the typed results of the ones before it and its own cache, and adds its problems to
   * one list; errors stop the run where the next stage could not go on or where writing would begin.
   */
  private BuildResult run(Goal goal, Set<Path> changed, BuildProgress progress, Consumer<PagesWritten> pagesWritten)
      throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    StageTimer timer = new StageTimer(progress);
    SiteConfig config = config(diagnostics);
    if (config == null) return failed(diagnostics, null, timer);
    lastConfig = config;
    caches.reads.begin(changed);
    LibrarySources sources = LibraryLoader.load(options.source(), config, diagnostics, caches.reads);
    timer.lap("load");
    Library library = LibraryValidator.validate(sources, config, options.drafts(), diagnostics, caches.validation);
    timer.lap("validate");
    Path output = site != null ? site.output() : outputFolder(config);
    if (goal == Goal.SITE && site == null) {
      Optional<String> badOutput = OutputPlace.problem(options.source(), config, output);
      if (badOutput.isPresent()) {
        diagnostics.error(SourcePosition.of(String.valueOf(output)), badOutput.get());
        return failed(diagnostics, output, timer);
      }
    }
    if (caches.code == null) caches.code = new CodeStep(root, options.source());
    CodeFindings code = caches.code.run(library, changed, diagnostics);
    timer.lap("code");
    Coach coach = Coach.prepare(library, options.source(), diagnostics, caches.coach, goal == Goal.SITE && !hints);
    LinkedLibrary linked = LinkResolver.link(library, options.source(), code, diagnostics, caches.links, coach::read);
    timer.lap("link");
    coach.report(library, diagnostics);
    timer.lap("coach");
    if (!keep) {
      // A one-off run is done with the Markdown once the bodies are rendered: let go of it, and of
      // what held it (the sources, the stages' memos), rather than keep the text twice to the end.
      sources = null;
      coach = null;
      caches.forgetSources();
      linked = linked.withoutMarkdown();
      library = linked.library();
    }
    Readership readership = goal == Goal.SITE && !diagnostics.hasErrors() ? readership(library, diagnostics, timer) : null;
    // The plan: every file of the site and what decides its bytes. A check makes it only to check
    // the links bodies make straight to the site's pages, as build does.
    SitePlan plan = null;
    if ((goal == Goal.SITE && !diagnostics.hasErrors()) || !linked.siteLinks().isEmpty()) {
      if (caches.lastChanges == null) caches.lastChanges = goal == Goal.CHECK ? dev.casebook.history.LastChanges.NONE
          : dev.casebook.history.GitHistory.read(root, config.gitInfo(),
              library.incidents().stream().map(i -> i.source().path()).toList(), diagnostics);
      plan = SiteRenderer.plan(linked, readership, caches.lastChanges, theme(config), SiteBuild.GENERATOR, caches.render);
      PlannedLinks.check(linked, plan, diagnostics);
      timer.lap("plan");
    }
    if (goal == Goal.CHECK) {
      return new BuildResult(false, diagnostics.sorted(), library.incidents().size(), 0, null, timer.timings());
    }
    if (diagnostics.hasErrors()) return failed(diagnostics, output, timer);
    try (SiteTarget target = site == null ? new SiteTarget.NewFolder(output) : new SiteTarget.InPlace(output)) {
      Set<String> firstPages = site == null ? Set.of() : pagesOf(changed, linked.library());
      SiteWrite.Written written = SiteWrite.write(target, site, linked, plan, cacheOf(), keep, firstPages, diagnostics, timer,
          pagesWritten);
      if (written == null) return failed(diagnostics, output, timer);
      plan = null; // a one-off run lets go of it (and of its pages' models) before the index stage
      if (!keep) caches = new Caches();
      int writeUps = library.incidents().size();
      // A one-off run makes the search documents now and lets go of the bodies' HTML before the index.
      Indexed toIndex = keep ? new Indexed(linked, null) : new Indexed(null, SearchDocuments.of(linked));
      linked = null;
      return index(target, output, toIndex, writeUps, written, diagnostics, timer, pagesWritten);
    } catch (SiteWriter.OutputException e) {
      diagnostics.error(SourcePosition.of(String.valueOf(output)), e.getMessage());
      return failed(diagnostics, output, timer);
    }
  }

  /** What the index stage is made from: the linked library (to update, and remember) or its search documents alone. */
  private record Indexed(LinkedLibrary linked, SearchDocuments documents) {}

  /** The index stage: writes the search index and puts the whole run in place. */
  private BuildResult index(SiteTarget target, Path output, Indexed from, int writeUps, SiteWrite.Written w, Diagnostics diagnostics,
      StageTimer timer, Consumer<PagesWritten> pagesWritten) throws IOException {
    SearchDocuments documents = null;
    try {
      documents = from.documents() != null && target instanceof SiteTarget.NewFolder folder
          ? folder.commit(from.documents()) : target.commit(from.linked(), caches.index);
      timer.lap("index and write");
    } catch (dev.casebook.index.IndexCache.Stopped stopped) {
      // Only an update in place stops; nothing of its index was written, and the next update writes it.
      timer.lap(BuildResult.INDEX_LEFT);
    }
    if (!target.inPlace()) pagesWritten.accept(PagesWritten.all());
    if (documents != null && options.searchDocuments() != null) SearchDocumentsFile.write(documents, options.searchDocuments());
    Set<String> files = w.files();
    files.removeAll(target.deleted());
    files.addAll(target.written());
    lastWritten = target.written();
    lastRendered = w.rendered();
    Set<String> deleted = new HashSet<>(w.removed());
    deleted.addAll(target.deleted());
    lastDeleted = Set.copyOf(deleted);
    site = keep ? new Site(w.plan(), w.links(), Set.copyOf(files), output) : null;
    return new BuildResult(true, diagnostics.sorted(), writeUps, w.pageCount(), output, timer.timings());
  }

  /** The files the last successful run wrote: every file after a full build, the changed ones after an update. */
  public Set<String> lastWritten() {
    return lastWritten;
  }

  /**
   * The plan's outputs the last successful run rendered: those whose key (template and values, or
   * source file) changed. A file rendered again may still have the same bytes, and is then not written.
   */
  public Set<String> lastRendered() {
    return lastRendered;
  }

  /** The files the last successful update deleted. */
  public Set<String> lastDeleted() {
    return lastDeleted;
  }

  /** The build cache a new folder is filled from, or null without {@code --cache}. */
  private SiteWrite.Cache cacheOf() {
    return options.cache() == null ? null : new SiteWrite.Cache(options.cache(), caches.theme);
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

  /** The readership the Learning page is made of: read once per cache, when the build is given a source. */
  private Readership readership(Library library, Diagnostics diagnostics, StageTimer timer) {
    if (options.readership() == null || caches.readership != null) return caches.readership;
    try {
      caches.readership = options.readership().load(Readership.writeUps(library));
    } catch (IOException e) {
      diagnostics.error(SourcePosition.of(options.readership().name()), e.getMessage());
    }
    timer.lap("readership");
    return caches.readership;
  }

  /** The theme: the default one with the library's overrides; read once per cache. */
  private Theme theme(SiteConfig config) {
    if (caches.theme == null) {
      caches.themeFolder = root.resolve(config.folders().templates()).normalize();
      caches.theme = Theme.load(caches.themeFolder);
    }
    return caches.theme;
  }

  private Path outputFolder(SiteConfig config) {
    return options.output() != null ? options.output() : options.source().resolve(config.folders().output());
  }

  private static BuildResult failed(Diagnostics diagnostics, Path output, StageTimer timer) {
    return new BuildResult(false, diagnostics.sorted(), 0, 0, output, timer.timings());
  }
}
