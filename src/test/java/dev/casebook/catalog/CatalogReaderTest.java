package dev.casebook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.diag.Diagnostics;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogReaderTest {
  @TempDir Path tmp;
  private final Diagnostics diagnostics = new Diagnostics();

  private Catalog read(Path root, String yaml) {
    YamlMap map = (YamlMap) YamlReader.read(yaml, "casebook.yml", 0, diagnostics).orElseThrow();
    return CatalogReader.read(map.entry("catalog").orElseThrow(), root, diagnostics);
  }

  private List<String> problems() {
    return diagnostics.sorted().stream().map(Object::toString).toList();
  }

  @Test
  void readsEveryDocumentOfABackstageFileAndCasebookYmlWinsFieldByField() throws IOException {
    Path library = Files.createDirectories(tmp.resolve("library"));
    Files.createDirectories(library.resolve("services/checkout"));
    Files.writeString(library.resolve("services/checkout/catalog-info.yaml"), """
        kind: Component
        metadata:
          name: checkout
          title: Checkout
          description: From the catalog.
          links: [{url: "https://dash.example.com/c", type: dashboard}, {url: "https://run.example.com/c", title: runbook}]
        spec: {owner: "group:default/payments"}
        ---
        kind: Location
        metadata: {name: elsewhere}
        ---
        kind: group
        metadata: {name: payments, description: Payments team.}
        spec: {parent: engineering}
        """);
    Catalog catalog = read(library, """
        catalog:
          files: ['services/**/catalog-info.yaml']
          services:
            checkout:
              description: From casebook.yml.
              links: {runbook: "https://runbooks.example.com/checkout"}
        """);
    assertEquals(List.of(), problems());
    assertEquals(new Catalog.Entry("checkout", "Checkout", "From casebook.yml.", "payments", List.of(
        new Catalog.Link("runbook", "https://runbooks.example.com/checkout"), new Catalog.Link("dashboard", "https://dash.example.com/c"))),
        catalog.service("checkout"));
    assertEquals(Map.of("payments", new Catalog.Entry("payments", "", "Payments team.", "", List.of())), catalog.teams());
    assertEquals(true, catalog.reads("services/checkout/catalog-info.yaml"));
    assertEquals(true, catalog.reads("services/new/catalog-info.yaml"), "a file that does not exist yet");
    assertEquals(false, catalog.reads("incidents/2024/INC-2024-001.md"));
  }

  @Test
  void filesOutsideTheLibraryAreNeverRead() throws IOException {
    Path library = Files.createDirectories(tmp.resolve("library"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("catalog-info.yaml"), "kind: Group\nmetadata: {name: intruders}\n");
    Files.createSymbolicLink(library.resolve("linked"), outside);
    Files.createSymbolicLink(library.resolve("file.yaml"), outside.resolve("catalog-info.yaml"));
    Catalog catalog = read(library, "catalog:\n  files: [linked/*.yaml, linked/catalog-info.yaml, file.yaml, '*.yaml', ../outside/*.yaml]\n");
    assertEquals(Map.of(), catalog.teams());
    assertEquals(List.of(
        "casebook.yml:2:11: warning: catalog file pattern 'linked/*.yaml' matches no file",
        "casebook.yml:2:26: warning: catalog file pattern 'linked/catalog-info.yaml' matches no file",
        "casebook.yml:2:52: warning: catalog file pattern 'file.yaml' matches no file",
        "casebook.yml:2:63: warning: catalog file pattern '*.yaml' matches no file",
        "casebook.yml:2:73: error: catalog file pattern '../outside/*.yaml' must be inside the library"
            + " (for example catalog/*.yaml or services/*/catalog-info.yaml)"), problems());
  }

  @Test
  void anOwnerReferenceNamesTheTeam() {
    assertEquals("payments", BackstageFiles.ownerName("group:default/payments"));
    assertEquals("payments", BackstageFiles.ownerName("group:payments"));
    assertEquals("payments", BackstageFiles.ownerName("payments"));
  }
}
