package dev.casebook.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.sitecheck.PageLinks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputCacheTest {
  @TempDir Path tmp;

  private static final String D1 = "a".repeat(64);
  private static final String D2 = "b".repeat(64);

  /** A site with one page and one script, stored in the cache as made. */
  private Path storeFirstSite(Path cacheFolder) throws IOException {
    Path site = tmp.resolve("site1");
    Files.createDirectories(site.resolve("incidents/INC-1"));
    Files.writeString(site.resolve("incidents/INC-1/index.html"), "<p>one</p>");
    Files.writeString(site.resolve("app.js"), "x()");
    OutputCache cache = OutputCache.open(cacheFolder, "f1");
    assertEquals(0, cache.size());
    cache.made("incidents/INC-1/index.html", D1, new PageLinks("incident.ftlh", List.of("/a/"), Set.of("top")));
    cache.made("app.js", D2, null);
    cache.store(site);
    return site;
  }

  @Test
  void aStoredFileIsPutInPlaceWhenItsDigestIsUnchanged() throws IOException {
    Path folder = tmp.resolve("cache");
    storeFirstSite(folder);
    OutputCache cache = OutputCache.open(folder, "f1");
    assertEquals(2, cache.size());
    try (SiteWriter out = SiteWriter.open(tmp.resolve("site2"))) {
      Optional<PageLinks> links = cache.reuse("incidents/INC-1/index.html", D1, out);
      assertNotNull(links);
      assertEquals(List.of("/a/"), links.orElseThrow().urls());
      assertEquals(Set.of("top"), links.orElseThrow().ids());
      assertEquals(Optional.empty(), cache.reuse("app.js", D2, out), "a file that is not a page has no links");
      assertNull(cache.reuse("app.js", D1, out), "another digest: made anew");
      assertNull(cache.reuse("other.html", D1, out), "a path the cache does not have");
      out.commit();
    }
    assertEquals("<p>one</p>", Files.readString(tmp.resolve("site2/incidents/INC-1/index.html")));
    assertEquals("x()", Files.readString(tmp.resolve("site2/app.js")));
  }

  @Test
  void anotherFingerprintOrADamagedManifestStartsEmpty() throws IOException {
    Path folder = tmp.resolve("cache");
    storeFirstSite(folder);
    assertEquals(0, OutputCache.open(folder, "f2").size(), "another Casebook or theme");
    Files.writeString(folder.resolve("manifest.json"), "{\"format\": 1, \"fingerprint\": \"f1\", \"outputs\": {");
    assertEquals(0, OutputCache.open(folder, "f1").size(), "a manifest cut short");
  }

  @Test
  void aKeptFileThatChangedSizeOrWentAwayIsNotUsed() throws IOException {
    Path folder = tmp.resolve("cache");
    storeFirstSite(folder);
    Path kept = folder.resolve("files").resolve(D1);
    // The kept file is a link to the site's file or a copy; replace it rather than write through the link.
    Files.delete(kept);
    Files.writeString(kept, "<p>one, changed</p>");
    OutputCache cache = OutputCache.open(folder, "f1");
    try (SiteWriter out = SiteWriter.open(tmp.resolve("site2"))) {
      assertNull(cache.reuse("incidents/INC-1/index.html", D1, out));
      Files.delete(folder.resolve("files").resolve(D2));
      assertNull(cache.reuse("app.js", D2, out));
    }
  }

  @Test
  void storingKeepsOnlyWhatTheLastSiteHas() throws IOException {
    Path folder = tmp.resolve("cache");
    Path site1 = storeFirstSite(folder);
    OutputCache cache = OutputCache.open(folder, "f1");
    Path site2 = tmp.resolve("site2");
    try (SiteWriter out = SiteWriter.open(site2)) {
      assertNotNull(cache.reuse("incidents/INC-1/index.html", D1, out));
      out.write("app.js", "y()".getBytes(StandardCharsets.UTF_8));
      out.commit();
    }
    String d3 = "c".repeat(64);
    cache.made("app.js", d3, null);
    cache.store(site2);
    try (var files = Files.list(folder.resolve("files"))) {
      assertEquals(Set.of(D1, d3), Set.copyOf(files.map(p -> p.getFileName().toString()).toList()));
    }
    // The first site's files are untouched by what the cache did.
    assertEquals("x()", Files.readString(site1.resolve("app.js")));
    OutputCache again = OutputCache.open(folder, "f1");
    assertEquals(2, again.size());
    try (SiteWriter out = SiteWriter.open(tmp.resolve("site3"))) {
      assertNull(again.reuse("app.js", D2, out));
      assertEquals(Optional.empty(), again.reuse("app.js", d3, out));
      out.commit();
    }
    assertEquals("y()", Files.readString(tmp.resolve("site3/app.js")));
  }

  @Test
  void aDigestIsNeverAPath() throws IOException {
    Path folder = tmp.resolve("cache");
    storeFirstSite(folder);
    OutputCache cache = OutputCache.open(folder, "f1");
    assertThrows(IllegalArgumentException.class, () -> cache.made("x.html", "../../etc/passwd", null));
    assertTrue(Files.isRegularFile(folder.resolve("manifest.json")));
  }
}
