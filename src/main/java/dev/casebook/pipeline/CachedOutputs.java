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
  /** Puts in {@code out} the outputs {@code cache} has; returns the others. */
  static CachedOutputs reuse(List<SitePlan.Output> outputs, OutputCache cache, SiteOutput out) throws IOException {
    Map<String, String> digests = new ConcurrentHashMap<>();
    Map<String, PageLinks> links = new ConcurrentHashMap<>();
    Map<String, Boolean> reused = new ConcurrentHashMap<>();
    // Chunks of outputs on every core, with digesters that share the digests of the records they
    // met (the views many pages show are digested once), let go of when this returns.
    java.util.function.Supplier<ValueDigest> digesters = ValueDigest.shared();
    int chunk = 64;
    try {
      java.util.stream.IntStream.range(0, (outputs.size() + chunk - 1) / chunk).parallel().forEach(c -> {
        ValueDigest digester = digesters.get();
        for (SitePlan.Output o : outputs.subList(c * chunk, Math.min(outputs.size(), (c + 1) * chunk))) {
          String digest = digest(digester, o.key());
          if (digest == null) continue;
          digests.put(o.path(), digest);
          try {
            Optional<PageLinks> kept = cache.reuse(o.path(), digest, out);
            if (kept == null) continue;
            reused.put(o.path(), true);
            kept.ifPresent(l -> links.put(o.path(), l));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
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
  private static String digest(ValueDigest digests, Object key) {
    try {
      return digests.hex(key);
    } catch (ValueDigest.Undigestible e) {
      return null;
    }
  }
}
