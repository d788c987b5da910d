package dev.casebook.pipeline;

import dev.casebook.readership.ReadershipSource;
import java.nio.file.Path;

/**
 * What to build.
 *
 * @param source the library root
 * @param output where the site goes; null for the library's configured output folder
 * @param drafts include write-ups with {@code status: draft}
 * @param baseUrl overrides the library's {@code base_url}; null to keep it
 * @param searchDocuments where to write what the search index was built from (JSON); null for nowhere
 * @param readership where the Learning page's readership comes from; null for no page
 * @param cache the build cache folder, whose files a full build reuses when what decides them is
 *     unchanged; null for none
 */
public record BuildOptions(Path source, Path output, boolean drafts, String baseUrl, Path searchDocuments, ReadershipSource readership,
    Path cache) {
  public BuildOptions(Path source, Path output, boolean drafts, String baseUrl) {
    this(source, output, drafts, baseUrl, null, null, null);
  }

  public BuildOptions(Path source, Path output, boolean drafts, String baseUrl, Path searchDocuments) {
    this(source, output, drafts, baseUrl, searchDocuments, null, null);
  }

  public BuildOptions(Path source, Path output, boolean drafts, String baseUrl, Path searchDocuments, ReadershipSource readership) {
    this(source, output, drafts, baseUrl, searchDocuments, readership, null);
  }

  /** The same, with the build cache in {@code cache}. */
  public BuildOptions withCache(Path cache) {
    return new BuildOptions(source, output, drafts, baseUrl, searchDocuments, readership, cache);
  }
}
