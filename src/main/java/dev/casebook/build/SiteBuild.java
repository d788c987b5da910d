package dev.casebook.build;

import dev.casebook.code.CodeFindings;
import dev.casebook.code.CodeStage;
import dev.casebook.config.ConfigLoader;
import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.index.SearchDocuments;
import dev.casebook.index.SearchIndexStage;
import dev.casebook.link.LinkResolver;
import dev.casebook.link.LinkedLibrary;
import dev.casebook.link.SitePaths;
import dev.casebook.load.LibraryLoader;
import dev.casebook.load.LibrarySources;
import dev.casebook.model.Library;
import dev.casebook.readership.Readership;
import dev.casebook.readership.ReadershipSource;
import dev.casebook.render.SiteRenderer;
import dev.casebook.render.Theme;
import dev.casebook.render.WebJarVersions;
import dev.casebook.sitecheck.SiteLinkChecker;
import dev.casebook.write.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A build, read top to bottom: load, validate, code (pin and check code references, scan code for
 * citations), link, render, index, check links and write. Each
 * stage adds to one list of diagnostics; the build stops at the end of a stage that found
 * errors, and the site is replaced only when every stage succeeded.
 */
public final class SiteBuild {
  public static final String GENERATOR = "Casebook " + WebJarVersions.CASEBOOK;

  private SiteBuild() {}

  /** Validates the whole library, drafts included, and writes nothing. */
  public static BuildResult check(Path source) {
    Diagnostics diagnostics = new Diagnostics();
    StageTimer timer = new StageTimer();
    Library library = validate(source, null, true, diagnostics, timer);
    if (library != null) {
      CodeFindings code = CodeStage.run(library, source, diagnostics);
      timer.lap("code");
      LinkResolver.link(library, source, code, diagnostics);
      timer.lap("link");
    }
    int count = library == null ? 0 : library.incidents().size();
    return new BuildResult(false, diagnostics.sorted(), count, 0, null, ordered(timer));
  }

  /** Builds the site; on any error the previous site stays as it was. */
  public static BuildResult build(BuildOptions options) throws IOException {
    return build(options, BuildProgress.NONE);
  }

  /** Builds the site, telling {@code progress} as each stage finishes; on any error the previous site stays as it was. */
  public static BuildResult build(BuildOptions options, BuildProgress progress) throws IOException {
    return new LiveBuild(options).full(progress);
  }

  private static Library validate(Path source, String baseUrl, boolean drafts, Diagnostics diagnostics, StageTimer timer) {
    if (!Files.isDirectory(source)) {
      diagnostics.error(SourcePosition.of(source.toString()), "library folder does not exist");
      return null;
    }
    SiteConfig config = ConfigLoader.load(source, diagnostics);
    if (config.strict()) diagnostics.warningsAreErrors();
    if (baseUrl != null) config = config.withBaseUrl(baseUrl);
    LibrarySources sources = LibraryLoader.load(source, config, diagnostics);
    timer.lap("load");
    Library library = dev.casebook.validate.LibraryValidator.validate(sources, config, drafts, diagnostics);
    timer.lap("validate");
    return library;
  }

  private static List<Map.Entry<String, Duration>> ordered(StageTimer timer) {
    return timer.timings();
  }
}
