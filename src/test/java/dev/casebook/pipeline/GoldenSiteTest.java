package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages built from {@code sites/minimal/input} are exactly {@code sites/minimal/expected}: the
 * output is the contract. Theme assets (copied as they are) are left out. After an intended
 * change, regenerate with {@code mvn test -Dtest=GoldenSiteTest -Dgolden.update=true} and review
 * the diff; regeneration refuses to run on CI.
 */
class GoldenSiteTest {
  @TempDir Path tmp;

  @Test
  void theMinimalLibraryBuildsToItsGoldenPages() throws IOException {
    Path input = Fixtures.resource("sites/minimal/input");
    Path out = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(input, out, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    Fixtures.assertGolden(out, Path.of("src/test/resources/sites/minimal/expected"),
        path -> !path.startsWith("assets/") && !path.startsWith("media/") && !path.equals(".casebook"));
  }

}
