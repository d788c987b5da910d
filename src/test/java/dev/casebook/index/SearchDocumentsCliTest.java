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
  void writesTheSettingsAndEveryDocumentsFieldTextsForEveryIndexFile() throws IOException {
    JsonNode root = new ObjectMapper().readTree(build().toFile());
    assertEquals(2, root.get("version").asInt());
    assertEquals(2, root.get("indexes").size(), "the first index and one body shard (15 write-ups, 2 design documents)");
    JsonNode index = root.get("indexes").get(0);
    assertEquals("assets/search/index.js", index.get("path").asText());
    assertEquals("window.casebookSearch", index.get("global").asText());
    assertEquals("index", index.get("indexProperty").asText());
    assertEquals("2.3.9", index.get("lunr").asText());
    assertEquals("ref", index.get("ref").asText());
    assertEquals(List.of("title^10", "id^1", "summary^4", "service^5", "team^5", "tag^5", "names^5"), fields(index));
    assertEquals(0, index.get("documentBoosts").size(), "no document boosts");
    assertEquals(0, index.get("metadataWhitelist").size(), "no metadata");

    List<Incident> incidents = SearchIndexStageTest.link(Fixtures.sampleLibrary()).library().incidents();
    JsonNode documents = index.get("documents");
    assertEquals(incidents.size() + 2, documents.size(), "the write-ups, then the 2 design documents");
    int n = SearchIndexStageTest.indexOf(incidents, "INC-2023-014");
    JsonNode doc = documents.get(n);
    assertEquals(List.of("ref", "title", "id", "summary", "service", "team", "tag", "names"), SearchIndexStageTest.fieldNames(doc));
    assertEquals(Integer.toString(n), doc.get("ref").asText());
    assertEquals("INC-2023-014", doc.get("id").asText());
    assertEquals("Orders database failover left writes pointed at the old primary", doc.get("title").asText());
    assertEquals(List.of("orders", "checkout"), SearchIndexStageTest.texts(doc.get("service")));
    assertEquals(List.of("data-infra", "fulfilment", "payments"), SearchIndexStageTest.texts(doc.get("team")));
    assertEquals(List.of("database", "failover", "dns", "runbooks"), SearchIndexStageTest.texts(doc.get("tag")));
    assertTrue(doc.get("summary").asText().startsWith("Patroni failed the orders database over"));

    JsonNode shard = root.get("indexes").get(1);
    assertEquals("assets/search/body-0.js", shard.get("path").asText());
    assertEquals("window.casebookSearchShards", shard.get("global").asText());
    assertEquals("0", shard.get("indexProperty").asText());
    assertEquals(List.of("body^1"), fields(shard));
    assertEquals(incidents.size() + 2, shard.get("documents").size());
    JsonNode body = shard.get("documents").get(n);
    assertEquals(List.of("ref", "body"), SearchIndexStageTest.fieldNames(body));
    assertEquals(Integer.toString(n), body.get("ref").asText());
    assertTrue(body.get("body").asText().contains("PgBouncer"));
  }

  private static List<String> fields(JsonNode index) {
    List<String> fields = new ArrayList<>();
    index.get("fields").forEach(f -> fields.add(f.get("name").asText() + "^" + f.get("boost").asText()));
    return fields;
  }

  @Test
  void lunrJsRebuildsEveryIndexFileOfTheSiteFromItByteForByte() throws Exception {
    Path file = build();
    JsonNode rebuilt = rebuild(file);
    SearchDocuments documents = SearchDocuments.of(SearchIndexStageTest.link(Fixtures.sampleLibrary()));
    assertEquals(documents.pieces().size(), rebuilt.size());
    for (SearchDocuments.Piece piece : documents.pieces()) {
      String lunrJs = rebuilt.get(piece.path()).asText();
      assertEquals(lunrJs, LunrIndexWriter.toJson(piece.index()), piece.path());
      String script = Files.readString(tmp.resolve("site").resolve(piece.path()), StandardCharsets.UTF_8);
      String expected = piece.first()
          ? "window.casebookSearch = {\"index\": " + lunrJs + ", \"docs\": "
          : "window.casebookSearchShards = window.casebookSearchShards || {}; window.casebookSearchShards[" + piece.shard() + "] = "
              + lunrJs + ";\n";
      assertTrue(piece.first() ? script.startsWith(expected) : script.equals(expected), piece.path());
    }
  }

  @Test
  void lunrJsRebuildsSmallShardsByteForByte() throws Exception {
    // The sample library fits in one shard; shards of 4 documents give five, the last one smaller.
    SearchDocuments documents = SearchDocuments.of(SearchIndexStageTest.link(Fixtures.sampleLibrary())).withShardSize(4);
    Path file = tmp.resolve("small/search-documents.json");
    SearchDocumentsFile.write(documents, file);
    Path site = tmp.resolve("small/site");
    try (dev.casebook.write.SiteWriter writer = dev.casebook.write.SiteWriter.open(site)) {
      SearchIndexStage.write(documents, writer);
      writer.commit();
    }
    JsonNode rebuilt = rebuild(file);
    assertEquals(6, rebuilt.size(), "the first index and five shards");
    for (SearchDocuments.Piece piece : documents.pieces()) {
      String lunrJs = rebuilt.get(piece.path()).asText();
      String script = Files.readString(site.resolve(piece.path()), StandardCharsets.UTF_8);
      if (piece.first()) {
        assertTrue(script.startsWith("window.casebookSearch = {\"index\": " + lunrJs + ", \"docs\": "), piece.path());
      } else {
        assertEquals("window.casebookSearchShards = window.casebookSearchShards || {}; window.casebookSearchShards["
            + piece.shard() + "] = " + lunrJs + ";\n", script, piece.path());
      }
    }
  }

  /** {path: JSON.stringify(idx)} for every index of a search documents file, built by lunr.js under Node. */
  private JsonNode rebuild(Path file) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("node"));
    if (!Files.exists(dir.resolve("lunr.js"))) {
      copy("/META-INF/resources/webjars/lunr/2.3.9/lunr.js", dir.resolve("lunr.js"));
      copy("/index/rebuild-from-search-documents.js", dir.resolve("rebuild.js"));
    }
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
    return new ObjectMapper().readTree(out);
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = SearchDocumentsCliTest.class.getResourceAsStream(resource)) {
      if (in == null) throw new AssertionError("missing on the test class path: " + resource);
      Files.copy(in, target);
    }
  }
}
