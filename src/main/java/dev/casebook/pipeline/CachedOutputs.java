package dev.casebook.pipeline;

import dev.casebook.memo.ValueDigest;
import dev.casebook.render.SitePlan;
import dev.casebook.sitecheck.PageLinks;
import dev.casebook.write.OutputCache;
import dev.casebook.write.SiteOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outputs of a plan that the build cache already has: each output's key (its template and page
 * model, or its source) is digested ({@link ValueDigest}), and an output whose digest the cache
 * holds for its path is put in place from the cache instead of being rendered. An output whose key
 * cannot be digested is always rendered.
 *
 * @param fresh the outputs to render
 * @param digests the digest of every output that has one, by path
 * @param links the links of the reused pages, by path
 */
record CachedOutputs(List<SitePlan.Output> fresh, Map<String, String> digests, Map<String, PageLinks> links) {
  private static final ThreadLocal<ValueDigest> DIGESTS = ThreadLocal.withInitial(ValueDigest::new);

  /** Puts in {@code out} the outputs {@code cache} has; returns the others. */
  static CachedOutputs reuse(List<SitePlan.Output> outputs, OutputCache cache, SiteOutput out) throws IOException {
    Map<String, String> digests = new ConcurrentHashMap<>();
    Map<String, PageLinks> links = new ConcurrentHashMap<>();
    Map<String, Boolean> reused = new ConcurrentHashMap<>();
    try {
      outputs.parallelStream().forEach(o -> {
        String digest = digest(o.key());
        if (digest == null) return;
        digests.put(o.path(), digest);
        try {
          Optional<PageLinks> kept = cache.reuse(o.path(), digest, out);
          if (kept == null) return;
          reused.put(o.path(), true);
          kept.ifPresent(l -> links.put(o.path(), l));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<SitePlan.Output> fresh = new ArrayList<>();
    for (SitePlan.Output o : outputs) if (!reused.containsKey(o.path())) fresh.add(o);
    return new CachedOutputs(fresh, digests, links);
  }

  /** The digest of an output's key, or null when it has none. */
  private static String digest(Object key) {
    ValueDigest digests = DIGESTS.get();
    try {
      return digests.hex(key);
    } catch (ValueDigest.Undigestible e) {
      return null;
    }
  }
}
