package dev.casebook.pipeline;

import dev.casebook.diag.Diagnostics;
import dev.casebook.index.SearchIndexStage;
import dev.casebook.link.LinkedLibrary;
import dev.casebook.link.SitePaths;
import dev.casebook.render.SitePlan;
import dev.casebook.render.SiteRenderer;
import dev.casebook.render.Theme;
import dev.casebook.sitecheck.PageLinks;
import dev.casebook.sitecheck.SiteLinkChecker;
import dev.casebook.write.OutputCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The render, check links and write stages of a run: what the plan says changed is rendered, its
 * links are checked against every file the site will have, and it is put in place in the target.
 * In place ({@code serve}), the pages of what changed are put in place and announced first, and the
 * listings are planned and written after them; in a new folder, everything at once, filled from
 * the build cache when there is one. The index stage follows, in {@link LiveBuild}.
 */
final class SiteWrite {
  private SiteWrite() {}

  /** A build cache: its folder, and the theme whose fingerprint its entries must carry. */
  record Cache(Path folder, Theme theme) {}

  /**
   * Renders the plan's outputs that changed since {@code site} (all of them for a new folder),
   * checks their links against every file the site will have, and puts them in place: the pages of
   * what changed, then the listings. Returns null, with nothing of the run left in place, when a
   * link check finds errors.
   *
   * @param site the site in the output folder, or null when {@code target} is a new folder
   * @param buildCache the build cache a new folder is filled from, or null
   * @param keep whether later runs update this one's site (then the plan and links are kept in the result)
   */
  static Written write(SiteTarget target, LiveBuild.Site site, LinkedLibrary linked, SitePlan plan, Cache buildCache,
      boolean keep, Set<String> firstPages, Diagnostics diagnostics, StageTimer timer,
      Consumer<LiveBuild.PagesWritten> pagesWritten) throws IOException {
    SitePlan previous = site == null ? SitePlan.EMPTY : site.plan();
    // In place, the listings are planned once the pages of what changed are shown; else all at once.
    List<SitePlan.Output> outputs = new ArrayList<>(target.inPlace() ? plan.pagesChangedSince(previous) : plan.changedSince(previous));
    Set<String> removed = target.inPlace() ? plan.pagesRemovedSince(previous) : plan.removedSince(previous);
    // Every file the site will have, for the link check (pages load the search index's first file).
    Set<String> files = site == null ? new HashSet<>() : new HashSet<>(site.files());
    files.removeAll(removed);
    for (SitePlan.Output o : outputs) files.add(o.path());
    files.add(SearchIndexStage.PATH);
    Map<String, PageLinks> links = site == null ? new HashMap<>() : new HashMap<>(site.links());
    links.keySet().removeAll(removed);
    String basePath = SitePaths.basePath(linked.library().config().baseUrl());

    Set<String> unchecked = new HashSet<>();
    // A new folder with a build cache: the outputs the cache has are put in place, not rendered.
    OutputCache cache = null;
    CachedOutputs cached = null;
    if (!target.inPlace() && buildCache != null) {
      cache = OutputCache.open(buildCache.folder(), BuildFingerprint.of(buildCache.theme()));
      cached = CachedOutputs.reuse(outputs, cache, target.pages());
      outputs = cached.fresh();
      links.putAll(cached.links());
      unchecked.addAll(cached.links().keySet());
      timer.lap("reuse");
    }
    // In place, the pages of the edited files come first, and are shown as soon as their links
    // check, before the other pages that show what changed (the pages that cite an edited title).
    Set<String> shown = new HashSet<>();
    boolean early = target.inPlace();
    boolean told = false;
    int renderedPages = 0;
    List<List<SitePlan.Output>> batches = batches(outputs.stream().filter(o -> !o.listing()).toList(),
        target.inPlace() ? firstPages : Set.of());
    for (int b = 0; b < batches.size(); b++) {
      SiteRenderer.Report pages = plan.write(batches.get(b), target.pages(), diagnostics);
      renderedPages += pages.pages();
      links.putAll(pages.links());
      unchecked.addAll(pages.links().keySet());
      if (!early) continue;
      // A page is shown when its links check without a word against the files known so far. A link
      // to a listing this update adds (a new tag's page) is not known yet: such pages wait for the full check.
      Diagnostics problems = new Diagnostics();
      if (!unchecked.isEmpty()) SiteLinkChecker.check(target.root(), files, links, unchecked, basePath, problems);
      timer.lap(b == 0 ? "render" : "other pages");
      if (!problems.sorted().isEmpty()) {
        early = false;
        continue;
      }
      unchecked.clear();
      Set<String> done = new HashSet<>(target.pagesDone());
      done.removeAll(shown);
      shown.addAll(done);
      if (!done.isEmpty()) {
        told = true;
        pagesWritten.accept(LiveBuild.PagesWritten.of(done, Set.of()));
      }
    }
    if (target.inPlace()) {
      List<SitePlan.Output> listingOutputs = plan.listingsChangedSince(previous);
      outputs.addAll(listingOutputs);
      for (SitePlan.Output o : listingOutputs) files.add(o.path());
      removed = plan.removedSince(previous);
      files.removeAll(removed);
      links.keySet().removeAll(removed);
      timer.lap("plan listings");
    }
    SiteRenderer.Report listed = plan.write(outputs.stream().filter(SitePlan.Output::listing).toList(), target.listings(),
        diagnostics);
    links.putAll(listed.links());
    unchecked.addAll(listed.links().keySet());
    timer.lap(target.inPlace() ? "listings" : "render");
    // A page that went away may have been linked from pages that did not change: check them all then.
    if (!removed.isEmpty()) unchecked.addAll(links.keySet());
    if (!unchecked.isEmpty()) SiteLinkChecker.check(target.root(), files, links, unchecked, basePath, diagnostics);
    timer.lap("check links");
    if (diagnostics.hasErrors()) {
      target.undoPages();
      return null;
    }
    for (String path : removed) target.delete(path);
    Set<String> listings = new HashSet<>(target.inPlace() ? target.pagesDone() : Set.of());
    listings.removeAll(shown);
    listings.addAll(target.listingsDone());
    // Every good update says so at least once, even when no page changed: a shown problem list goes away.
    if (target.inPlace() && (!listings.isEmpty() || !removed.isEmpty() || !told)) {
      pagesWritten.accept(LiveBuild.PagesWritten.of(listings, removed));
    }
    int pageCount = target.inPlace()
        ? (int) target.written().stream().filter(p -> p.endsWith(".html")).count()
        : renderedPages + listed.pages() + (cached == null ? 0 : cached.links().size());
    Set<String> rendered = outputs.stream().map(SitePlan.Output::path).collect(java.util.stream.Collectors.toUnmodifiableSet());
    if (cache != null) {
      // The files are in the new folder: keep them now, and let go of the cache before the index stage.
      for (SitePlan.Output o : outputs) {
        String digest = cached.digests().get(o.path());
        if (digest != null) cache.made(o.path(), digest, links.get(o.path()));
      }
      cache.store(target.root());
      timer.lap("cache");
    }
    return new Written(keep ? plan : null, keep ? links : null, files, removed, rendered, pageCount);
  }

  /**
   * The pages to render, in the order they are shown: those of {@code first} (the pages of the
   * edited files) when there are both such pages and others, then the others; else all at once.
   */
  static List<List<SitePlan.Output>> batches(List<SitePlan.Output> pages, Set<String> first) {
    if (first.isEmpty()) return List.of(pages);
    List<SitePlan.Output> own = new ArrayList<>();
    List<SitePlan.Output> others = new ArrayList<>();
    for (SitePlan.Output o : pages) (first.contains(o.path()) ? own : others).add(o);
    return own.isEmpty() || others.isEmpty() ? List.of(pages) : List.of(own, others);
  }

  /**
   * What the render, check links and write stages did: the plan and the pages' links (only when
   * later runs will need them), every file the site will have, the files removed and rendered.
   */
  record Written(SitePlan plan, Map<String, PageLinks> links, Set<String> files, Set<String> removed,
      Set<String> rendered, int pageCount) {}
}
