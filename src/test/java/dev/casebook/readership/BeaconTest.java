package dev.casebook.readership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readership beacon: its size, how a build adds it, and what it sends (run under Node.js). */
class BeaconTest {
  static final Path BEACON = Path.of("site-template", "static", "readership.js");
  @TempDir Path tmp;

  @Test
  void theBeaconIsAtMost800BytesGzipped() throws IOException {
    byte[] script = Files.readAllBytes(BEACON);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      out.write(script);
    }
    assertTrue(gz.size() <= 800, "readership.js is " + gz.size() + " bytes gzipped");
    assertFalse(new String(script, StandardCharsets.UTF_8).contains("cookie"), "sets no cookie");
    assertFalse(new String(script, StandardCharsets.UTF_8).contains("Storage"), "stores nothing in the browser");
  }

  private Path library(String extraConfig) throws IOException {
    Path lib = Fixtures.sampleLibraryCopy(tmp.resolve("library"));
    Files.writeString(lib.resolve("casebook.yml"), Files.readString(lib.resolve("casebook.yml")) + extraConfig);
    return lib;
  }

  @Test
  void aConfiguredEndpointPutsTheBeaconWithTheWriteUpsIdOnEveryPage() throws IOException {
    Path site = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(library("\nreadership:\n  endpoint: /_r/e\n"), site, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    Element script = Jsoup.parse(site.resolve("incidents/INC-2024-003/index.html").toFile()).selectFirst("script[src$=readership.js]");
    assertEquals("../../assets/readership.js", script.attr("src"));
    assertEquals("/_r/e", script.attr("data-endpoint"));
    assertEquals("INC-2024-003", script.attr("data-doc"));
    assertTrue(script.hasAttr("defer"));
    Element home = Jsoup.parse(site.resolve("index.html").toFile()).selectFirst("script[src$=readership.js]");
    assertEquals("page.home", home.attr("data-doc"));
    assertTrue(Files.isRegularFile(site.resolve("assets/readership.js")));
  }

  @Test
  void withoutAnEndpointNoPageLoadsTheBeacon() throws IOException {
    Path site = tmp.resolve("site");
    assertTrue(SiteBuild.build(new BuildOptions(library(""), site, false, null)).written());
    try (var pages = Files.walk(site)) {
      for (Path p : pages.filter(f -> f.toString().endsWith(".html")).toList()) {
        assertFalse(Files.readString(p).contains("readership.js"), p.toString());
      }
    }
  }

  @Test
  void aScriptEndpointIsAnErrorAtItsLine() throws IOException {
    BuildResult result = SiteBuild.check(library("\nreadership:\n  endpoint: javascript:alert(1)\n  sample: 1\n"));
    String diagnostics = result.diagnostics().toString();
    assertTrue(diagnostics.contains("readership endpoint must be an absolute http(s) URL"), diagnostics);
    assertTrue(diagnostics.contains("unknown readership setting 'sample'"), diagnostics);
  }

  /** Runs the beacon in a stand-in page under Node.js and returns what it sent. */
  private JsonNode run(String scenario) throws Exception {
    Path harness = Fixtures.resource("readership/beacon-harness.js");
    Process p = new ProcessBuilder("node", harness.toString(), BEACON.toAbsolutePath().toString(), scenario)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "node failed (Node.js is needed for this test: apt-get install nodejs)");
    return new ObjectMapper().readTree(out);
  }

  @Test
  void aReadSendsAPageViewThenEngagementWithFocusedTimeScrollAndTheEnd() throws Exception {
    JsonNode sent = run("read");
    assertEquals(2, sent.size(), sent.toString());
    JsonNode pv = sent.get(0).get("body");
    assertEquals("pv", pv.get("t").asText());
    assertEquals("INC-2024-003", pv.get("doc").asText());
    assertEquals("https://app.slack.com/", pv.get("r").asText());
    assertEquals("chat", pv.get("src").asText());
    assertFalse(pv.has("a"));
    JsonNode eng = sent.get(1).get("body");
    assertEquals("eng", eng.get("t").asText());
    assertEquals(pv.get("id").asText(), eng.get("id").asText(), "the page load's id joins them");
    assertEquals(40000, eng.get("et").asInt(), "the 60 s in another tab do not count");
    assertEquals(100, eng.get("sd").asInt());
    assertEquals(1, eng.get("end").asInt());
    assertEquals("/_r/e", sent.get(0).get("url").asText());
  }

  @Test
  void aReadingPathStartedOrFinishedIsSentAsItsOwnEventOfTheSamePageLoad() throws Exception {
    JsonNode sent = run("path");
    assertEquals(3, sent.size(), sent.toString());
    String load = sent.get(0).get("body").get("id").asText();
    assertEquals("pv", sent.get(0).get("body").get("t").asText());
    assertEquals("{\"t\":\"ps\",\"doc\":\"path.payments-on-call\",\"v\":1,\"id\":\"" + load + "\"}",
        sent.get(1).get("body").toString(), "which path, started; nothing of the page or the reader");
    assertEquals("{\"t\":\"pf\",\"doc\":\"path.db-on-call\",\"v\":1,\"id\":\"" + load + "\"}",
        sent.get(2).get("body").toString());
    assertEquals(1, run("pathDnt").get(1).get("body").get("a").asInt(), "Do Not Track is kept");
  }

  @Test
  void timeWithoutFocusDoesNotCount() throws Exception {
    JsonNode sent = run("unfocused");
    assertEquals(6000, sent.get(1).get("body").get("et").asInt());
    assertEquals(0, sent.get(1).get("body").get("end").asInt());
  }

  @Test
  void aBackgroundTabSendsItsPageViewOnlyOnceShown() throws Exception {
    JsonNode sent = run("background");
    assertEquals(0, sent.get(0).get("before").asInt());
    assertEquals("pv", sent.get(1).get("body").get("t").asText());
    assertEquals(4000, sent.get(2).get("body").get("et").asInt());
  }

  @Test
  void doNotTrackAndGlobalPrivacyControlMarkEventsAnonymous() throws Exception {
    assertEquals(1, run("dnt").get(0).get("body").get("a").asInt());
    assertEquals(1, run("gpc").get(0).get("body").get("a").asInt());
  }

  @Test
  void aHugeAddressStillMakesAPayloadUnder2KiB() throws Exception {
    JsonNode sent = run("huge");
    assertTrue(sent.get(0).get("size").asInt() <= 2048, sent.get(0).get("size").asText());
    assertEquals(32, sent.get(0).get("body").get("src").asText().length());
  }
}
