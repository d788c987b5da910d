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
  void writesTheSettingsAndEveryDocumentsFieldTextsOnceAndEveryFilesTerms() throws IOException {
    JsonNode root = new ObjectMapper().readTree(build().toFile());
    assertEquals(3, root.get("version").asInt());
    assertEquals("2.3.9", root.get("lunr").asText());
    assertEquals("ref", root.get("ref").asText());
    assertEquals(List.of("title^10", "id^1", "summary^4", "service^5", "team^5", "tag^5", "names^5", "body^1"), fields(root));
    assertEquals(0, root.get("documentBoosts").size(), "no document boosts");
    assertEquals(0, root.get("metadataWhitelist").size(), "no metadata");

    List<Incident> incidents = SearchIndexStageTest.link(Fixtures.sampleLibrary()).library().incidents();
    JsonNode documents = root.get("documents");
    assertEquals(incidents.size() + 4 + 7, documents.size(), "the write-ups, then the 2 design documents, the 2 reading paths and the 7 glossary terms");
    int n = SearchIndexStageTest.indexOf(incidents, "INC-2023-014");
    JsonNode doc = documents.get(n);
    assertEquals(List.of("ref", "title", "id", "summary", "service", "team", "tag", "names", "body"), SearchIndexStageTest.fieldNames(doc));
    assertEquals(Integer.toString(n), doc.get("ref").asText());
    assertEquals("INC-2023-014", doc.get("id").asText());
    assertEquals("Orders database failover left writes pointed at the old primary", doc.get("title").asText());
    assertEquals(List.of("orders", "checkout"), SearchIndexStageTest.texts(doc.get("service")));
    assertEquals(List.of("data-infra", "fulfilment", "payments"), SearchIndexStageTest.texts(doc.get("team")));
    assertEquals(List.of("database", "failover", "dns", "runbooks"), SearchIndexStageTest.texts(doc.get("tag")));
    assertTrue(doc.get("summary").asText().startsWith("Patroni failed the orders database over"));
    assertTrue(doc.get("body").asText().contains("PgBouncer"));

    JsonNode indexes = root.get("indexes");
    assertEquals(2, indexes.size(), "the short fields' index and the body's");
    assertEquals("fields", indexes.get(0).get("name").asText());
    assertEquals(List.of("title", "id", "summary", "service", "team", "tag", "names"), SearchIndexStageTest.texts(indexes.get(0).get("fields")));
    assertEquals("body", indexes.get(1).get("name").asText());
    assertEquals(List.of("body"), SearchIndexStageTest.texts(indexes.get(1).get("fields")));
    JsonNode file = indexes.get(1).get("files").get(0);
    assertEquals("assets/search/body-0.js", file.get("path").asText());
    assertEquals("window.casebookSearchBody", file.get("global").asText());
    assertEquals("0", file.get("indexProperty").asText());
    JsonNode files = indexes.get(1).get("files");
    assertTrue(files.get(files.size() - 1).get("terms").get("to").isNull(), "the last partition has no end");
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
    assertEquals(documents.partitions().size(), rebuilt.size());
    for (SearchDocuments.Partition p : documents.partitions()) {
      String lunrJs = rebuilt.get(p.path()).asText();
      assertEquals(lunrJs, LunrIndexWriter.toJson(p.index()), p.path());
      assertShips(lunrJs, p, Files.readAllBytes(tmp.resolve("site").resolve(p.path())), true);
    }
  }

  @Test
  void lunrJsRebuildsSmallPartitionsByteForByteCompressedOrNot() throws Exception {
    // The sample library's index is one partition; partitions of about 25 entries give many.
    // Compressed (the default) and plain (search: {compress: false}).
    SearchDocuments documents = SearchDocuments.of(SearchIndexStageTest.link(Fixtures.sampleLibrary())).withPartitionPostings(25);
    Path file = tmp.resolve("small/search-documents.json");
    SearchDocumentsFile.write(documents, file);
    JsonNode rebuilt = rebuild(file);
    assertTrue(documents.partitions().size() > 30, "many partitions: " + documents.partitions().size());
    assertEquals(documents.partitions().size(), rebuilt.size());
    for (boolean compress : new boolean[] {true, false}) {
      Path site = tmp.resolve("small/site-" + compress);
      try (dev.casebook.write.SiteWriter writer = dev.casebook.write.SiteWriter.open(site)) {
        SearchIndexStage.write(documents.withCompression(compress), writer);
        writer.commit();
      }
      for (SearchDocuments.Partition p : documents.partitions()) {
        assertShips(rebuilt.get(p.path()).asText(), p, Files.readAllBytes(site.resolve(p.path())), compress);
      }
    }
  }

  /**
   * The file of partition {@code p} is the script that sets its entry to lunr.js's JSON: as it is, or
   * compressed, a string that decodes to exactly that JSON.
   */
  private static void assertShips(String lunrJs, SearchDocuments.Partition p, byte[] file, boolean compressed) throws Exception {
    String global = p.group().global();
    String prefix = global + " = " + global + " || {}; " + global + "[" + p.number() + "] = ";
    String text = new String(file, StandardCharsets.UTF_8);
    if (compressed) {
      assertTrue(text.startsWith(prefix + "\"") && text.endsWith("\";\n"), p.path());
      assertEquals(lunrJs, SearchIndexStageTest.json(file, prefix), p.path());
    } else {
      assertEquals(prefix + lunrJs + ";\n", text, p.path());
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
