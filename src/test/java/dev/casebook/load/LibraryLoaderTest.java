package dev.casebook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.casebook.config.ConfigLoader;
import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryLoaderTest {
  @TempDir Path tmp;

  static final String DOC = "---\ntitle: \"%s\"\n---\n\nText.\n";

  /** A library with write-ups, design documents in nested folders, and files the loader leaves out. */
  private Path library() throws IOException {
    Path lib = tmp.resolve("lib");
    Files.createDirectories(lib.resolve("incidents"));
    Files.writeString(lib.resolve("incidents/INC-1.md"), "---\nid: INC-1\ntitle: One\n---\n\nBody.\n");
    Files.createDirectories(lib.resolve("design/adr"));
    Files.writeString(lib.resolve("design/0001-b.md"), DOC.formatted("B"));
    Files.writeString(lib.resolve("design/adr/0002-a.md"), DOC.formatted("A"));
    Files.writeString(lib.resolve("design/README.md"), DOC.formatted("readme"));
    Files.writeString(lib.resolve("design/_draft.md"), DOC.formatted("draft"));
    Files.writeString(lib.resolve("design/notes.txt"), "not Markdown");
    Files.createDirectories(lib.resolve("design/.hidden"));
    Files.writeString(lib.resolve("design/.hidden/0003.md"), DOC.formatted("hidden"));
    Files.createDirectories(lib.resolve("design/_wip"));
    Files.writeString(lib.resolve("design/_wip/0004.md"), DOC.formatted("wip"));
    Path outside = Files.writeString(tmp.resolve("outside.md"), DOC.formatted("outside"));
    Files.createSymbolicLink(lib.resolve("design").resolve("0005-outside.md"), outside);
    Files.createSymbolicLink(lib.resolve("design").resolve("0006-inside.md"), lib.resolve("design/0001-b.md"));
    return lib;
  }

  private static List<String> designPaths(LibrarySources sources) {
    return sources.designDocuments().stream().map(SourceDocument::path).toList();
  }

  private static LibrarySources load(Path lib, ReadCache cache, Set<Path> changed) {
    Diagnostics diagnostics = new Diagnostics();
    SiteConfig config = ConfigLoader.load(lib, diagnostics);
    cache.begin(changed);
    LibrarySources sources = LibraryLoader.load(lib, config, diagnostics, cache);
    assertFalse(diagnostics.hasErrors(), diagnostics.sorted().toString());
    return sources;
  }

  @Test
  void designDocumentsAreTheMarkdownFilesOfTheFolderInPathOrder() throws IOException {
    Path lib = library();
    LibrarySources sources = load(lib, ReadCache.none(), Set.of());
    assertEquals(List.of("design/0001-b.md", "design/0006-inside.md", "design/adr/0002-a.md"), designPaths(sources));
  }

  @Test
  void anUpdateSeesEditedAddedAndDeletedDesignDocuments() throws IOException {
    Path lib = library().toRealPath();
    ReadCache cache = new ReadCache();
    load(lib, cache, Set.of());

    // An edit of a known file: the last walks still hold, and the file is read again.
    Path b = lib.resolve("design/0001-b.md");
    Files.writeString(b, DOC.formatted("B, edited"));
    LibrarySources edited = load(lib, cache, Set.of(b));
    assertEquals(List.of("design/0001-b.md", "design/0006-inside.md", "design/adr/0002-a.md"), designPaths(edited));
    assertEquals("B, edited", edited.designDocuments().get(0).frontMatter().get("title").map(n -> ((dev.casebook.yaml.YamlScalar) n).text()).orElseThrow());

    // A new file is found though the watcher names only it; so is one the watcher names in another folder.
    Path c = Files.writeString(lib.resolve("design/adr/0000-c.md"), DOC.formatted("C"));
    assertEquals(List.of("design/0001-b.md", "design/0006-inside.md", "design/adr/0000-c.md", "design/adr/0002-a.md"),
        designPaths(load(lib, cache, Set.of(c))));

    // A deleted file is gone, and a write-up's edit keeps the design documents as they are.
    Files.delete(lib.resolve("design/adr/0002-a.md"));
    assertEquals(List.of("design/0001-b.md", "design/0006-inside.md", "design/adr/0000-c.md"),
        designPaths(load(lib, cache, Set.of(lib.resolve("design/adr/0002-a.md")))));
    Path inc = lib.resolve("incidents/INC-1.md");
    Files.writeString(inc, "---\nid: INC-1\ntitle: One, edited\n---\n\nBody.\n");
    LibrarySources afterWriteUp = load(lib, cache, Set.of(inc));
    assertEquals(List.of("design/0001-b.md", "design/0006-inside.md", "design/adr/0000-c.md"), designPaths(afterWriteUp));
    assertEquals("One, edited", afterWriteUp.documents().get(0).frontMatter().get("title").map(n -> ((dev.casebook.yaml.YamlScalar) n).text()).orElseThrow());
  }
}
