package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.casebook.diag.Diagnostic;
import dev.casebook.testing.GitRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code stage is run again in a serve update whenever anything it reads of the library changed. */
class CodeStageUpdateTest {
  @TempDir Path tmp;

  private static List<String> notes(BuildResult result) {
    return result.diagnostics().stream().map(Diagnostic::toString).filter(d -> d.contains("a comment cites")).toList();
  }

  @Test
  void aCommentCitingABrokenWriteUpPointsAtItsCurrentError() throws IOException {
    Path library = Files.createDirectories(tmp.resolve("library"));
    try (GitRepo repo = GitRepo.init(library.resolve("shop"))) {
      repo.write("src/Pool.java", "class Pool {\n  // Sized after INC-2024-002.\n}\n").commitAll("pool");
    }
    Files.writeString(library.resolve("casebook.yml"), """
        id_pattern: 'INC-\\d{4}-\\d{3}'
        code:
          - name: shop
            url: https://github.com/acme/shop/
            path: shop
            scan: true
        """);
    Files.createDirectories(library.resolve("incidents"));
    Files.writeString(library.resolve("incidents/a.md"), "---\nid: INC-2024-001\ntitle: Pool exhaustion\ndate: 2024-03-05\n---\n\nBody.\n");
    Path broken = library.resolve("incidents/b.md");
    Files.writeString(broken, "---\nid: INC-2024-002\ndate: 2024-03-06\n---\n\nBody.\n");

    LiveBuild live = new LiveBuild(new BuildOptions(library, tmp.resolve("site"), false, null));
    BuildResult first = live.full(BuildProgress.NONE);
    assertFalse(first.written());
    assertEquals(List.of("shop/src/Pool.java:2:18: note: a comment cites write-up 'INC-2024-002', which has errors of its own"
        + " (see incidents/b.md:1)"), notes(first));

    // Another error in the same write-up: the note follows it, though no id came or went.
    Files.writeString(broken, "---\nid: INC-2024-002\ntitle: Queue\ndate: 2024-13-06\n---\n\nBody.\n");
    BuildResult second = live.update(Set.of(broken), pages -> {});
    assertEquals(1, notes(second).size(), second.diagnostics()::toString);
    assertEquals(notes(SiteBuild.check(library)), notes(second), "the same note as a clean check");
  }
}
