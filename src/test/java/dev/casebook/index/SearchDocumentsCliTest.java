package dev.casebook.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.cli.Main;
import dev.casebook.model.Incident;
import dev.casebook.search.LunrIndexWriter;
import dev.casebook.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code casebook build --search-documents FILE}: what each index was built from, to rebuild it with lunr.js. */
class SearchDocumentsCliTest {
  @TempDir Path tmp;

  private Path build() {
    Path site = tmp.resolve("site");
    Path file = tmp.resolve("out/search-documents.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new String[] {"build", "--source", Fixtures.sampleLibrary().toString(), "--out", site.toString(),
        "--search-documents", file.toString(), "--quiet"}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, exit, err.toString());
    assertEquals("", out.toString() + err.toString());
    assertTrue(Files.isRegularFile(file));
    return file;
  }

  @Test
  void writesTheSettingsAndEveryDocumentsFieldTexts() throws IOException {
    JsonNode root = new ObjectMapper().readTree(build().toFile());
    assertEquals(1, root.get("indexes").size(), "the site ships one index");
    JsonNode index = root.get("indexes").get(0);
    assertEquals("assets/search/index.js", index.get("path").asText());
    assertEquals("2.3.9", index.get("lunr").asText());
    assertEquals("ref", index.get("ref").asText());
    List<String> fields = new ArrayList<>();
    index.get("fields").forEach(f -> fields.add(f.get("name").asText() + "^" + f.get("boost").asText()));
    assertEquals(List.of("title^10", "id^10", "summary^4", "service^5", "team^5", "tag^5", "body^1"), fields);
    assertEquals(0, index.get("documentBoosts").size(), "no document boosts");
    assertEquals(0, index.get("metadataWhitelist").size(), "no metadata");

    List<Incident> incidents = SearchIndexStageTest.link(Fixtures.sampleLibrary()).library().incidents();
    JsonNode documents = index.get("documents");
    assertEquals(incidents.size(), documents.size());
    int n = SearchIndexStageTest.indexOf(incidents, "INC-2023-014");
    JsonNode doc = documents.get(n);
    assertEquals(Integer.toString(n), doc.get("ref").asText());
    assertEquals("INC-2023-014", doc.get("id").asText());
    assertEquals("Orders database failover left writes pointed at the old primary", doc.get("title").asText());
    assertEquals(List.of("orders", "checkout"), SearchIndexStageTest.texts(doc.get("service")));
    assertEquals(List.of("data-infra", "fulfilment", "payments"), SearchIndexStageTest.texts(doc.get("team")));
    assertEquals(List.of("database", "failover", "dns", "runbooks"), SearchIndexStageTest.texts(doc.get("tag")));
    assertTrue(doc.get("summary").asText().startsWith("Patroni failed the orders database over"));
    assertTrue(doc.get("body").asText().contains("PgBouncer"));
  }

  @Test
  void lunrJsRebuildsTheSiteIndexFromItByteForByte() throws Exception {
    Path file = build();
    Path dir = Files.createDirectories(tmp.resolve("node"));
    copy("/META-INF/resources/webjars/lunr/2.3.9/lunr.js", dir.resolve("lunr.js"));
    copy("/index/rebuild-from-search-documents.js", dir.resolve("rebuild.js"));
    Process p;
    try {
      p = new ProcessBuilder("node", dir.resolve("rebuild.js").toString(), dir.resolve("lunr.js").toString(), file.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new AssertionError("Node.js is required to rebuild the index with lunr.js, but `node` could not be started: "
          + e.getMessage(), e);
    }
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "node timed out");
    assertEquals(0, p.exitValue(), "node failed");
    JsonNode rebuilt = new ObjectMapper().readTree(out);
    String lunrJs = rebuilt.get(SearchIndexStage.PATH).asText();
    String java = LunrIndexWriter.toJson(SearchDocuments.of(SearchIndexStageTest.link(Fixtures.sampleLibrary())).index());
    assertEquals(lunrJs, java);
    String script = Files.readString(tmp.resolve("site").resolve(SearchIndexStage.PATH), StandardCharsets.UTF_8);
    assertTrue(script.startsWith("window.casebookSearch = {\"index\": " + lunrJs + ", \"docs\": "));
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = SearchDocumentsCliTest.class.getResourceAsStream(resource)) {
      if (in == null) throw new AssertionError("missing on the test class path: " + resource);
      Files.copy(in, target);
    }
  }
}
