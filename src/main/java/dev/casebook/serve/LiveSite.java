package dev.casebook.serve;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.LiveBuild;
import dev.casebook.config.CodeRepository;
import dev.casebook.config.ConfigLoader;
import dev.casebook.config.SiteConfig;
import dev.casebook.diag.DiagnosticFormat;
import dev.casebook.diag.Diagnostics;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a served site in step with its library: watches the library (casebook.yml and the folders
 * it names: write-ups and their assets, the theme, design documents, code checkouts) with
 * directory-watcher, rebuilds the site
 * a moment after the last change of a burst, and tells the open pages through {@link LiveReload}:
 * reload after a good build, the problems after a failed one (the last good site stays served,
 * since a failed build writes nothing).
 */
public final class LiveSite implements AutoCloseable {
  /** How long the library must be quiet before a rebuild: editors save in several steps. */
  static final long QUIET_MILLIS = 30;

  /** Told after each rebuild, with the files that changed. */
  public interface Listener {
    void rebuilt(BuildResult result, Set<Path> changed);

    /** The rebuild failed in an unexpected way (the site could not be written, say); the last good site stays. */
    void failed(Exception e, Set<Path> changed);
  }

  private final BuildOptions options;
  private final LiveBuild build;
  private final LiveReload live;
  private final Listener listener;
  private final Path root;
  private final Path output;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "casebook-rebuild");
    t.setDaemon(true);
    return t;
  });
  private final Set<Path> pending = new LinkedHashSet<>();
  /** Whether a change came in after the running update took its changes: that update's search index can wait. */
  private volatile boolean newer;
  /** The library files changed while serving (relative, with /): the preview shows their writing hints. */
  private final Set<String> edited = new java.util.HashSet<>();
  private ScheduledFuture<?> next;
  private DirectoryWatcher watcher;
  /** The folders whose files make the site (null: everything under the library's root). */
  private volatile List<Path> content;
  /** The catalog files casebook.yml names, read with it. */
  private volatile dev.casebook.catalog.Catalog catalog;

  private LiveSite(LiveBuild build, BuildOptions options, LiveReload live, Listener listener) {
    this.build = build;
    this.options = options;
    this.live = live;
    this.listener = listener;
    this.root = options.source().toAbsolutePath().normalize();
    this.output = options.output().toAbsolutePath().normalize();
  }

  /** Starts watching the library of {@code options}; the first change builds the site in full, later ones update it. */
  public static LiveSite watch(BuildOptions options, LiveReload live, Listener listener) throws IOException {
    return watch(new LiveBuild(options), options, live, listener);
  }

  /**
   * Starts watching the library of {@code options}, whose site {@code build} has built: each change
   * updates it in place.
   */
  public static LiveSite watch(LiveBuild build, BuildOptions options, LiveReload live, Listener listener) throws IOException {
    LiveSite site = new LiveSite(build, options, live, listener);
    site.content = site.contentFolders();
    List<Path> paths = new ArrayList<>(List.of(site.root));
    if (site.content != null) {
      // Design folders and code checkouts may live beside the library.
      for (Path folder : site.content) if (!folder.startsWith(site.root) && Files.isDirectory(folder)) paths.add(folder);
    }
    site.watcher = DirectoryWatcher.builder()
        .paths(paths)
        .fileHashing(false)
        .listener(site::changed)
        .build();
    site.watcher.watchAsync(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "casebook-watch");
      t.setDaemon(true);
      return t;
    }));
    return site;
  }

  private void changed(DirectoryChangeEvent event) {
    if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
      schedule(root);
      return;
    }
    Path path = event.path();
    if (path == null || ignored(path.toAbsolutePath().normalize())) return;
    schedule(path);
  }

  /**
   * The folders the site is made of, as casebook.yml names them: write-ups, theme, design
   * documents, reading paths and code checkouts; null when the write-ups sit in the library's root itself.
   */
  private List<Path> contentFolders() {
    SiteConfig config = ConfigLoader.load(root, new Diagnostics());
    Path incidents = root.resolve(config.folders().incidents()).normalize();
    if (!Files.isDirectory(incidents)) return null;
    List<Path> folders = new ArrayList<>(List.of(incidents, root.resolve(config.folders().templates()).normalize()));
    for (String design : config.folders().design()) folders.add(root.resolve(design).normalize());
    folders.add(root.resolve(config.folders().paths()).normalize());
    folders.add(root.resolve(dev.casebook.glossary.Glossary.FOLDER).normalize());
    catalog = config.catalog();
    for (CodeRepository repository : config.code()) {
      if (repository.hasCheckout()) folders.add(root.resolve(repository.path()).normalize());
    }
    return List.copyOf(folders);
  }

  /**
   * Changes that cannot change the site: outside casebook.yml and the content folders, in the
   * output folder, git's folder, hidden files and editor backups.
   */
  boolean ignored(Path path) {
    if (path.startsWith(output)) return true;
    List<Path> folders = content;
    if (folders != null && !path.equals(root.resolve(SiteConfig.FILE_NAME)) && folders.stream().noneMatch(path::startsWith)
        && !catalogFile(path)) {
      return true;
    }
    Path relative = path.startsWith(root) ? root.relativize(path) : path;
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".tmp")) return true;
    }
    return false;
  }

  /** Whether {@code path} is one of the catalog files casebook.yml names (Backstage files may sit anywhere in the library). */
  private boolean catalogFile(Path path) {
    dev.casebook.catalog.Catalog known = catalog;
    return known != null && path.startsWith(root) && known.reads(root.relativize(path).toString().replace('\\', '/'));
  }

  private synchronized void schedule(Path path) {
    pending.add(path);
    newer = true;
    if (next != null) next.cancel(false);
    next = scheduler.schedule(this::rebuild, QUIET_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void rebuild() {
    Set<Path> changed;
    synchronized (this) {
      changed = Set.copyOf(pending);
      pending.clear();
      newer = false;
      next = null;
    }
    if (changed.isEmpty()) return;
    if (changed.contains(root.resolve(SiteConfig.FILE_NAME))) content = contentFolders();
    BuildResult result;
    try {
      result = build.update(changed, written -> live.reload(written), () -> newer);
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      live.problems(DiagnosticFormat.JSON.format(java.util.List.of(dev.casebook.diag.Diagnostic.error(
          dev.casebook.diag.SourcePosition.of(dev.casebook.config.SiteConfig.FILE_NAME), "the site could not be rebuilt: " + message))));
      listener.failed(e, changed);
      return;
    }
    if (!result.written()) live.problems(problems(result.diagnostics()));
    else live.hints(DiagnosticFormat.JSON.format(hintsOfEdited(result, changed)));
    listener.rebuilt(result, changed);
  }

  /** The writing hints about the files edited so far. */
  private java.util.List<dev.casebook.diag.Diagnostic> hintsOfEdited(BuildResult result, Set<Path> changed) {
    for (Path p : changed) {
      Path abs = p.toAbsolutePath().normalize();
      if (abs.startsWith(root)) edited.add(root.relativize(abs).toString().replace('\\', '/'));
    }
    return result.diagnostics().stream().filter(d -> d.isHint() && edited.contains(d.position().file())).toList();
  }

  @Override
  public void close() throws IOException {
    scheduler.shutdownNow();
    if (watcher != null) watcher.close();
  }

  /**
   * The problems of a failed build as the preview shows them (JSON, as {@code check --format json}):
   * errors first, then warnings, hints and notes, each in file order, so that what stops the build
   * is at the top of the page.
   */
  public static String problems(List<dev.casebook.diag.Diagnostic> diagnostics) {
    return DiagnosticFormat.JSON.format(
        diagnostics.stream().sorted(java.util.Comparator.comparing(dev.casebook.diag.Diagnostic::severity)).toList());
  }
}
