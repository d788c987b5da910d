package dev.casebook.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.config.CodeHost;
import dev.casebook.config.CodeRepository;
import dev.casebook.diag.SourcePosition;
import dev.casebook.testing.GitRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comments in a checkout that cite incident ids. */
class CodeScannerTest {
  private static final CodeRepository SHOP = new CodeRepository("shop", "https://github.com/acme/shop",
      CodeHost.GITHUB.template(), "shop", true, "main", SourcePosition.at("casebook.yml", 2));
  private static final CodeScanner SCANNER = new CodeScanner(IdFinder.of(Pattern.compile("INC-\\d{4}-\\d{3}"), Set.of()));

  @TempDir Path library;

  private List<CodeCitation> scan() throws IOException {
    try (Checkout checkout = Checkout.open(SHOP, library)) {
      return SCANNER.scan(checkout);
    }
  }

  private static List<String> summary(List<CodeCitation> citations) {
    return citations.stream().map(c -> c.path() + ":" + c.line() + " " + c.id() + " | " + c.text()).toList();
  }

  @Test
  void findsIdsInCommentsOfCommonLanguagesAndNotInStringsOrCode() throws IOException {
    String head;
    try (GitRepo repo = GitRepo.init(library.resolve("shop"))) {
      repo.write("src/Pool.java", """
          class Pool {
            // Bounded since INC-2024-007: an unbounded pool
            // starved the database.
            String label = "INC-2024-001 is not cited by a string";
            String url = "http://example.com/INC-2024-002"; // but this comment cites INC-2024-003.
            /*
             * A block comment that cites
             * INC-2024-004 on its second line.
             */
            int size = 10; /* INC-2024-005 */ int more = 2;
          }
          """);
      repo.write("jobs/cleanup.py", """
          PATTERN = "# INC-2024-010 inside a string"
          # See INC-2024-011 and INC-2024-011 again, and INC-2024-012.
          x = 1  # trailing INC-2024-013
          """);
      repo.write("db/migrate.sql", "SELECT 1; -- INC-2024-020\n");
      repo.write("web/index.html", "<p>INC-2024-030 in text</p>\n<!-- INC-2024-031 -->\n");
      repo.write("deploy/values.yaml", "image: shop:1.2#INC-2024-040\n# INC-2024-041\n");
      head = repo.commitAll("code");
    }
    List<CodeCitation> found = scan();
    assertEquals(List.of(
        "db/migrate.sql:1 INC-2024-020 | INC-2024-020",
        "deploy/values.yaml:2 INC-2024-041 | INC-2024-041",
        "jobs/cleanup.py:2 INC-2024-011 | See INC-2024-011 and INC-2024-011 again, and INC-2024-012.",
        "jobs/cleanup.py:2 INC-2024-012 | See INC-2024-011 and INC-2024-011 again, and INC-2024-012.",
        "jobs/cleanup.py:3 INC-2024-013 | trailing INC-2024-013",
        "src/Pool.java:2 INC-2024-007 | Bounded since INC-2024-007: an unbounded pool starved the database.",
        "src/Pool.java:5 INC-2024-003 | but this comment cites INC-2024-003.",
        "src/Pool.java:8 INC-2024-004 | A block comment that cites INC-2024-004 on its second line.",
        "src/Pool.java:10 INC-2024-005 | INC-2024-005",
        "web/index.html:2 INC-2024-031 | INC-2024-031"), summary(found));
    CodeCitation first = found.get(5);
    assertEquals("https://github.com/acme/shop/blob/" + head + "/src/Pool.java#L2", first.permalink());
    assertEquals(head, first.commit());
    assertEquals("shop/src/Pool.java:2:20", first.position().toString());
  }

  @Test
  void respectsGitignoreAndSkipsBinaryAndHugeFiles() throws IOException {
    try (GitRepo repo = GitRepo.init(library.resolve("shop"))) {
      repo.write(".gitignore", "build/\n*.log\n");
      repo.write("src/App.java", "// INC-2024-001\n");
      repo.write("src/.gitignore", "generated/\n");
      repo.write("src/generated/Gen.java", "// INC-2024-002\n");
      repo.write("build/Out.java", "// INC-2024-003\n");
      repo.write("debug.log", "# INC-2024-004\n");
      repo.write("huge.js", "// INC-2024-005\n" + "x".repeat((int) CodeScanner.MAX_FILE_BYTES));
      repo.write("at-limit.js", "// INC-2024-006\n" + "x".repeat((int) CodeScanner.MAX_FILE_BYTES - 16));
      repo.commitAll("code");
      Files.write(repo.root().resolve("image.bin"), "// INC-2024-007\n\0\0binary".getBytes());
    }
    assertEquals(List.of("at-limit.js:1 INC-2024-006 | INC-2024-006", "src/App.java:1 INC-2024-001 | INC-2024-001"), summary(scan()));
  }

  @Test
  void aFolderOutsideGitIsScannedAsFilesWithLinksToTheBranch() throws IOException {
    Path shop = Files.createDirectories(library.resolve("shop/src"));
    Files.writeString(shop.resolve("App.go"), "package app\n\n// Retries are capped (INC-2024-001).\n");
    Files.writeString(library.resolve("shop/.gitignore"), "vendor/\n");
    Files.createDirectories(library.resolve("shop/vendor"));
    Files.writeString(library.resolve("shop/vendor/lib.go"), "// INC-2024-002\n");
    List<CodeCitation> found = scan();
    assertEquals(List.of("src/App.go:3 INC-2024-001 | Retries are capped (INC-2024-001)."), summary(found));
    assertNull(found.get(0).commit());
    assertEquals("https://github.com/acme/shop/blob/main/src/App.go#L3", found.get(0).permalink());
  }

  @Test
  void withoutAnIdPatternOnlyKnownIdsAreFound() throws IOException {
    try (GitRepo repo = GitRepo.init(library.resolve("shop"))) {
      repo.write("main.rs", "// outage-2024-a and outage-2024-b and v1.2.3\nfn main() {}\n");
      repo.commitAll("code");
    }
    try (Checkout checkout = Checkout.open(SHOP, library)) {
      List<CodeCitation> found = new CodeScanner(IdFinder.of(null, Set.of("outage-2024-a", "outage-2023-z"))).scan(checkout);
      assertEquals(List.of("main.rs:1 outage-2024-a | outage-2024-a and outage-2024-b and v1.2.3"), summary(found));
    }
  }

  @Test
  void theLiteralPrefilterComesFromTheIdPattern() {
    assertEquals("INC-", IdFinder.literalPrefix("INC-\\d{4}-\\d{3}"));
    assertEquals("", IdFinder.literalPrefix("(?i)inc-\\d+"));
    assertEquals("PM", IdFinder.literalPrefix("PMX?-\\d+"));
    assertEquals("", IdFinder.literalPrefix("INC-\\d+|OPS-\\d+"));
    assertEquals("outage-202", IdFinder.commonPrefix(List.of("outage-2024-a", "outage-2023-z")));
    IdFinder finder = IdFinder.of(Pattern.compile("INC-\\d{4}-\\d{3}"), Set.of());
    byte[] without = "// nothing to see".getBytes();
    byte[] with = "// see INC-2024-001".getBytes();
    assertTrue(finder.mayContain(with, with.length));
    assertEquals(false, finder.mayContain(without, without.length));
  }
}
