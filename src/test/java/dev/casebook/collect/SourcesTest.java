package dev.casebook.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where readers came from, as the collector decides it. */
class SourcesTest {
  private final Sources sources = new Sources(Set.of("https://incidents.larkspur.example"),
      Map.of("code", List.of("git.larkspur.example"), "chat", List.of("chat.larkspur.example")));

  private Sources.Origin of(String referrer, String tag) {
    return sources.classify(referrer, tag, "https://incidents.larkspur.example");
  }

  @Test
  void pagesOfTheSiteNameTheWriteUpDesignOrSearch() {
    assertEquals(new Sources.Origin("write-up", "INC-2023-014", "/incidents/INC-2023-014/"),
        of("https://incidents.larkspur.example/incidents/INC-2023-014/#contributors", ""));
    assertEquals(new Sources.Origin("design", null, "/design/adr-007/"), of("https://incidents.larkspur.example/design/adr-007/", ""));
    assertEquals(new Sources.Origin("search", null, "/search/"), of("https://incidents.larkspur.example/search/?q=dns", ""));
    assertEquals(new Sources.Origin("site", null, "/"), of("https://incidents.larkspur.example", ""));
    assertEquals("write-up", sources.classify("http://localhost:4000/incidents/INC-2024-003/", "", "http://localhost:4000").source(),
        "the page's own origin counts as the site");
  }

  @Test
  void otherSitesAreKeptAsTheirOriginAndMappedByHost() {
    assertEquals(new Sources.Origin("code", null, "https://github.com"), of("https://github.com/larkspur/dispatch/pull/7?x=1", ""));
    assertEquals(new Sources.Origin("code", null, "https://git.larkspur.example"), of("https://git.larkspur.example/a/b", ""));
    assertEquals("chat", of("https://app.slack.com/", "").source());
    assertEquals("design", of("https://docs.google.com/document/d/1", "").source(), "the longest host entry wins over google.com");
    assertEquals("search", of("https://www.google.com/", "").source());
    assertEquals(new Sources.Origin("other", null, "https://blog.example:8443"), of("https://blog.example:8443/post?utm=1", ""));
    assertEquals("other", of("https://notgithub.com/", "").source());
  }

  @Test
  void aSourceTagWinsAndOnlyHttpReferrersCount() {
    assertEquals("design", of("", "design-doc").source());
    assertEquals("feed", of("https://github.com/", "feed").source());
    assertEquals("code", of("https://github.com/", "unknown-tag").source());
    assertEquals(new Sources.Origin("direct", null, null), of("", ""));
    assertEquals(new Sources.Origin("other", null, null), of("android-app://com.slack/", ""));
    assertEquals(new Sources.Origin("other", null, null), of("https://user:secret@github.com/", ""));
  }
}
