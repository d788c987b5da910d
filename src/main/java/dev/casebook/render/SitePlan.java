package dev.casebook.render;

import dev.casebook.diag.Diagnostics;
import dev.casebook.parallel.Jobs;
import dev.casebook.sitecheck.PageLinks;
import dev.casebook.write.SiteOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every file the render stage makes, each with the value that decides its bytes (its key): for a
 * page, its template and every value the template sees; for a copied file, where it comes from and
 * its size and time. Two outputs with equal keys write the same bytes, so comparing a plan with the
 * last one tells which files a change touched.
 */
public final class SitePlan {
  /** Writes one output. */
  interface Job {
    void run(Rendering rendering) throws IOException;
  }

  /** Where a write goes: the site, the problems, and the links of each HTML page written. */
  record Rendering(SiteOutput out, Diagnostics diagnostics, Map<String, PageLinks> links) {}

  /**
   * One file of the site.
   *
   * @param path in the site, e.g. {@code incidents/INC-2024-001/index.html}
   * @param key what decides the file's bytes; equal keys, equal bytes
   * @param listing whether it is made from many write-ups (the table of all write-ups, a browse
   *     page, the feed), as opposed to one write-up's or design document's page or a copied file
   */
  public record Output(String path, Object key, Job job, boolean listing) {
    Output(String path, Object key, Job job) {
      this(path, key, job, false);
    }

    Output asListing() {
      return new Output(path, key, job, true);
    }
  }

  /** The outputs that are not listings, in order, with the place the listings take among them. */
  private final List<Output> pages;
  private final int listingsAt;
  private final Supplier<List<Output>> listingsOf;
  /** Made on first use: the listings, every output, and every output by path. */
  private List<Output> listings;
  private List<Output> outputs;
  private Map<String, Output> byPath;

  SitePlan(List<Output> outputs) {
    this(outputs, outputs.size(), List::of);
  }

  /**
   * A plan whose listings are planned only when first asked for, so that an update can put the
   * pages of what changed in place before the listings (the costliest part of a plan) are made.
   *
   * @param pages every output but the listings
   * @param listingsAt where the listings go among {@code pages}
   * @param listings makes the listing outputs (a pure function of values fixed when the plan is made)
   */
  SitePlan(List<Output> pages, int listingsAt, Supplier<List<Output>> listings) {
    this.pages = List.copyOf(pages);
    this.listingsAt = listingsAt;
    this.listingsOf = listings;
  }

  /** The plan of a site that has no files yet: every output of a plan has changed since it. */
  public static final SitePlan EMPTY = new SitePlan(List.of());

  /** Every output, listings included. */
  public synchronized Collection<Output> outputs() {
    if (outputs == null) {
      List<Output> all = new ArrayList<>(pages.size() + listings().size());
      all.addAll(pages.subList(0, listingsAt));
      all.addAll(listings());
      all.addAll(pages.subList(listingsAt, pages.size()));
      // Two outputs that want one file are both kept: writing them reports it, as a full build does.
      outputs = List.copyOf(all);
      byPath = new LinkedHashMap<>();
      for (Output o : outputs) byPath.putIfAbsent(o.path(), o);
    }
    return outputs;
  }

  private synchronized List<Output> listings() {
    if (listings == null) listings = List.copyOf(listingsOf.get());
    return listings;
  }

  private synchronized Map<String, Output> byPath() {
    outputs();
    return byPath;
  }

  /** The outputs that {@code previous} did not have, or had with a different key. */
  public List<Output> changedSince(SitePlan previous) {
    return changed(outputs(), previous);
  }

  /** The outputs but the listings that {@code previous} did not have, or had with a different key; plans no listing. */
  public List<Output> pagesChangedSince(SitePlan previous) {
    return changed(pages, previous);
  }

  /** The listings that {@code previous} did not have, or had with a different key. */
  public List<Output> listingsChangedSince(SitePlan previous) {
    return changed(listings(), previous);
  }

  private static List<Output> changed(Collection<Output> outputs, SitePlan previous) {
    Map<String, Output> before = previous.byPath();
    List<Output> changed = new ArrayList<>();
    for (Output o : outputs) {
      Output last = before.get(o.path());
      if (last == null || !Objects.equals(last.key(), o.key())) changed.add(o);
    }
    return changed;
  }

  /** The files of outputs but listings that {@code previous} made and this plan does not; plans no listing. */
  public Set<String> pagesRemovedSince(SitePlan previous) {
    Set<String> now = new java.util.HashSet<>();
    for (Output o : pages) now.add(o.path());
    Set<String> removed = new LinkedHashSet<>();
    for (Output o : previous.pages) if (!now.contains(o.path())) removed.add(o.path());
    return removed;
  }

  /** The files {@code previous} made that this plan does not. */
  public Set<String> removedSince(SitePlan previous) {
    Map<String, Output> now = byPath();
    Set<String> removed = new LinkedHashSet<>();
    for (String path : previous.byPath().keySet()) if (!now.containsKey(path)) removed.add(path);
    return removed;
  }

  /**
   * Renders {@code which} (outputs of this plan) into {@code out} on every core, the listings (the
   * largest pages) first; problems go to {@code diagnostics}.
   */
  public SiteRenderer.Report write(Collection<Output> which, SiteOutput out, Diagnostics diagnostics) throws IOException {
    Map<String, PageLinks> links = new ConcurrentHashMap<>();
    Rendering rendering = new Rendering(out, diagnostics, links);
    List<Runnable> jobs = new ArrayList<>(which.size());
    for (boolean listings : new boolean[] {true, false}) {
      for (Output o : which) {
        if (o.listing() != listings) continue;
        jobs.add(() -> {
          try {
            o.job().run(rendering);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
    try {
      Jobs.run(jobs);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new SiteRenderer.Report(links.size(), Map.copyOf(links));
  }

  /** The key of a file copied into the site: where it is, its size and its time. */
  static Object fileKey(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(file.toString(), a.size(), a.lastModifiedTime().toMillis());
    } catch (IOException e) {
      return List.of(file.toString(), -1L, System.nanoTime());
    }
  }
}
