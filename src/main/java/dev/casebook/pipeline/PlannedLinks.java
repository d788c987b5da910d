package dev.casebook.pipeline;

import dev.casebook.diag.Diagnostics;
import dev.casebook.link.LinkedLibrary;
import dev.casebook.link.SitePaths;
import dev.casebook.render.RenderCache;
import dev.casebook.render.SitePlan;
import dev.casebook.render.SiteRenderer;
import dev.casebook.render.Theme;
import dev.casebook.sitecheck.PageLinks;
import dev.casebook.sitecheck.SiteLinkChecker;
import dev.casebook.write.SiteOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the links that bodies make straight to paths of the site (see {@link dev.casebook.link.SiteLink})
 * against the files the site's plan has, before anything is rendered: {@code check} and
 * {@code build} report the same broken links, at the line of the write-up that has them. A link
 * to a {@code #fragment} of a page has that one page rendered, unwritten, to read its ids.
 */
final class PlannedLinks {
  private PlannedLinks() {}

  /** Checks against the site of {@code plan}. */
  static void check(LinkedLibrary linked, SitePlan plan, Diagnostics diagnostics) {
    if (linked.siteLinks().isEmpty()) return;
    Map<String, SitePlan.Output> outputs = new HashMap<>();
    for (SitePlan.Output o : plan.outputs()) outputs.putIfAbsent(o.path(), o);
    Set<String> files = new HashSet<>(outputs.keySet());
    SiteLinkChecker.checkSiteLinks(linked.siteLinks(), files, page -> ids(plan, outputs.get(page)),
        SitePaths.basePath(linked.library().config().baseUrl()), diagnostics);
  }

  /** The ids of one page of the plan, rendered and thrown away. */
  private static Set<String> ids(SitePlan plan, SitePlan.Output page) {
    if (page == null) return Set.of();
    try {
      PageLinks links = plan.write(List.of(page), NOWHERE, new Diagnostics()).links().get(page.path());
      return links == null ? Set.of() : links.ids();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where pages rendered only to be read go. */
  private static final SiteOutput NOWHERE = new SiteOutput() {
    @Override
    public void write(String path, byte[] bytes) {}

    @Override
    public OutputStream create(String path) {
      return OutputStream.nullOutputStream();
    }

    @Override
    public void copy(String path, Path source) {}

    @Override
    public void copy(String path, InputStream source) {}
  };
}
