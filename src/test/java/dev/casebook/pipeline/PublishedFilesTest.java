package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the files a page links to are published, and none that a browser could run as a page or script. */
public class PublishedFilesTest {
  @TempDir Path tmp;

  /** An SVG that runs script in every way it can when opened on its own. */
  public static final String HOSTILE_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
      + "onload=\"document.documentElement.setAttribute('data-ran','onload')\">"
      + "<script>document.documentElement.setAttribute('data-ran','script')</script>"
      + "<rect id=\"kept\" width=\"10\" height=\"10\" fill=\"teal\"/></svg>\n";
  public static final String HOSTILE_HTML = "<!DOCTYPE html><title>before</title><script>document.title='ran'</script>\n";

  /** A library whose one write-up shows {@code diagram.svg} and links to {@code notes.txt}, with {@code body} after them. */
  public static Path library(Path root, String body) throws IOException {
    Path folder = Files.createDirectories(root.resolve("incidents/2024"));
    Files.writeString(folder.resolve("INC-2024-001-db.md"), "---\nid: INC-2024-001\ntitle: Database\ndate: 2024-03-05\n---\n\n"
        + "![The diagram](diagram.svg)\n\nThe [notes](notes.txt).\n" + body);
    Files.writeString(folder.resolve("diagram.svg"), HOSTILE_SVG);
    Files.writeString(folder.resolve("notes.txt"), "notes\n");
    Files.writeString(folder.resolve("page.html"), HOSTILE_HTML);
    Files.writeString(folder.resolve("script.js"), "document.title='ran'\n");
    Files.write(folder.resolve("unused.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    return root;
  }

  @Test
  void publishesOnlyLinkedFilesAndCleansSvgOfScript() throws IOException {
    Path site = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(library(tmp.resolve("lib"), ""), site, false, null));
    assertEquals(List.of(), result.diagnostics());
    assertEquals(List.of("diagram.svg", "notes.txt"), Files.list(site.resolve("media/2024")).map(p -> p.getFileName().toString())
        .sorted().toList(), "unlinked files (page.html, script.js, unused.png) are not published");
    String svg = Files.readString(site.resolve("media/2024/diagram.svg"), StandardCharsets.UTF_8);
    assertFalse(svg.contains("script") || svg.contains("onload") || svg.contains("data-ran"), svg);
    assertTrue(svg.contains("id=\"kept\""), svg);
  }

  @Test
  void aLinkToAFileTheSiteCannotPublishIsAnErrorAtTheLink() throws IOException {
    Path lib = library(tmp.resolve("lib"), "\nSee [the page](page.html) and ![x](script.js).\n");
    BuildResult result = SiteBuild.check(lib);
    List<String> errors = result.diagnostics().stream().filter(Diagnostic::isError)
        .map(d -> d.position() + ": " + d.message()).toList();
    assertEquals(List.of(
        "incidents/2024/INC-2024-001-db.md:11:5: link 'page.html' leads to a .html file, which the site does not publish "
            + "(a browser could run it as a page or a script)",
        "incidents/2024/INC-2024-001-db.md:11:31: image 'script.js' leads to a .js file, which the site does not publish "
            + "(a browser could run it as a page or a script)"), errors);
    BuildResult build = SiteBuild.build(new BuildOptions(lib, tmp.resolve("site"), false, null));
    assertFalse(build.written());
  }
}
