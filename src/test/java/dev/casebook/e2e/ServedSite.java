package dev.casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.serve.PreviewServer;
import dev.casebook.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The sample library's site, built, served on a free port and opened in headless Chromium. */
final class ServedSite implements AutoCloseable {
  /** Something to add to the built site before it is served, such as a test page. */
  interface Extra {
    void addTo(Path site) throws IOException;
  }

  final Path site;
  final PreviewServer server;
  final Chromium chromium;

  private ServedSite(Path site, PreviewServer server, Chromium chromium) {
    this.site = site;
    this.server = server;
    this.chromium = chromium;
  }

  static ServedSite sample(Path tmp, Extra extra) throws Exception {
    Path site = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(Fixtures.sampleLibrary(), site, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    extra.addTo(site);
    return new ServedSite(site, PreviewServer.start(site, 0), Chromium.find(tmp));
  }

  /** The site of {@code library}, built into {@code tmp}, served and opened in Chromium. */
  static ServedSite of(Path library, Path tmp) throws Exception {
    Path site = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(library, site, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    return new ServedSite(site, PreviewServer.start(site, 0), Chromium.find(tmp));
  }

  static ServedSite sample(Path tmp) throws Exception {
    return sample(tmp, site -> {});
  }

  /** The DOM of a served page after its scripts ran. */
  Document open(String path) throws Exception {
    return Jsoup.parse(chromium.dumpDom(server.url() + path));
  }

  @Override
  public void close() {
    server.close();
  }
}
