package dev.casebook.pipeline;

import dev.casebook.render.WebJarVersions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A build, read top to bottom: load, validate, code (pin and check code references, scan code for
 * citations), link, render, index, check links and write. Each
 * stage adds to one list of diagnostics; the build stops at the end of a stage that found
 * errors, and the site is replaced only when every stage succeeded. One-off runs of
 * {@link LiveBuild}, which {@code serve} keeps to update the site in place.
 */
public final class SiteBuild {
  public static final String GENERATOR = "Casebook " + WebJarVersions.CASEBOOK;

  private SiteBuild() {}

  /** Validates the whole library, drafts included, and writes nothing. */
  public static BuildResult check(Path source) {
    return new LiveBuild(new BuildOptions(source, null, true, null)).check();
  }

  /** Builds the site; on any error the previous site stays as it was. */
  public static BuildResult build(BuildOptions options) throws IOException {
    return build(options, BuildProgress.NONE);
  }

  /** Builds the site, telling {@code progress} as each stage finishes; on any error the previous site stays as it was. */
  public static BuildResult build(BuildOptions options, BuildProgress progress) throws IOException {
    // Hints are for check and the preview: a site build runs only the writing rules the library made errors.
    return LiveBuild.once(options).full(progress);
  }
}
