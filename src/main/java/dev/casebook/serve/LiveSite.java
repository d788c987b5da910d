package dev.casebook.serve;

import dev.casebook.build.BuildOptions;
import dev.casebook.build.BuildResult;
import dev.casebook.build.SiteBuild;
import dev.casebook.diag.DiagnosticFormat;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a served site in step with its library: watches the library's folder (write-ups, design
 * documents, assets, casebook.yml, the library's theme) with directory-watcher, rebuilds the site
 * a moment after the last change of a burst, and tells the open pages through {@link LiveReload}:
 * reload after a good build, the problems after a failed one (the last good site stays served,
 * since a failed build writes nothing).
 */
public final class LiveSite implements AutoCloseable {
  /** How long the library must be quiet before a rebuild: editors save in several steps. */
  static final long QUIET_MILLIS = 60;

  /** Told after each rebuild, with the files that changed. */
  public interface Listener {
    void rebuilt(BuildResult result, Set<Path> changed);

    /** The rebuild failed in an unexpected way (the site could not be written, say); the last good site stays. */
    void failed(Exception e, Set<Path> changed);
  }

  private final BuildOptions options;
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
  private ScheduledFuture<?> next;
  private DirectoryWatcher watcher;

  private LiveSite(BuildOptions options, LiveReload live, Listener listener) {
    this.options = options;
    this.live = live;
    this.listener = listener;
    this.root = options.source().toAbsolutePath().normalize();
    this.output = options.output().toAbsolutePath().normalize();
  }

  /** Starts watching the library of {@code options}; the first build is the caller's. */
  public static LiveSite watch(BuildOptions options, LiveReload live, Listener listener) throws IOException {
    LiveSite site = new LiveSite(options, live, listener);
    site.watcher = DirectoryWatcher.builder()
        .path(site.root)
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

  /** The output folder (when it is inside the library), git's folder, hidden files and editor backups. */
  boolean ignored(Path path) {
    if (path.startsWith(output)) return true;
    Path relative = path.startsWith(root) ? root.relativize(path) : path;
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".tmp")) return true;
    }
    return false;
  }

  private synchronized void schedule(Path path) {
    pending.add(path);
    if (next != null) next.cancel(false);
    next = scheduler.schedule(this::rebuild, QUIET_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void rebuild() {
    Set<Path> changed;
    synchronized (this) {
      changed = Set.copyOf(pending);
      pending.clear();
      next = null;
    }
    if (changed.isEmpty()) return;
    BuildResult result;
    try {
      result = SiteBuild.build(options);
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      live.problems(DiagnosticFormat.JSON.format(java.util.List.of(dev.casebook.diag.Diagnostic.error(
          dev.casebook.diag.SourcePosition.of(dev.casebook.config.SiteConfig.FILE_NAME), "the site could not be rebuilt: " + message))));
      listener.failed(e, changed);
      return;
    }
    if (result.written()) live.reload();
    else live.problems(DiagnosticFormat.JSON.format(result.diagnostics()));
    listener.rebuilt(result, changed);
  }

  @Override
  public void close() throws IOException {
    scheduler.shutdownNow();
    if (watcher != null) watcher.close();
  }
}
