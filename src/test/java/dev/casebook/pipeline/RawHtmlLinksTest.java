package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw HTML in a body reads its links as GitHub does, from the write-up's file: an {@code <img>}
 * of a file beside the write-up (the usual way to give an image a width) and an {@code <a>} to
 * another write-up's file are published and rewritten like Markdown's own links, sanitized or not.
 */
class RawHtmlLinksTest {
  @TempDir Path tmp;

  private Path library(boolean allowHtml) throws IOException {
    Path lib = tmp.resolve("library");
    Files.createDirectories(lib.resolve("incidents/2024/INC-2024-001"));
    Files.writeString(lib.resolve("casebook.yml"), "title: Raw HTML\n" + (allowHtml ? "markdown:\n  allow_html: true\n" : ""));
    Files.writeString(lib.resolve("incidents/2024/INC-2024-001-dns.md"), """
        ---
        id: INC-2024-001
        title: DNS outage
        date: 2024-03-05
        ---

        | badge | group |
        |---|---|
        | <img src="INC-2024-001/badge 1.png" alt="badge" width="150"> | Resolvers |

        <p>See <a href="INC-2024-002-failover.md#what-happened">the failover</a> and <a href="/incidents/">all</a>.</p>
        """);
    Files.writeString(lib.resolve("incidents/2024/INC-2024-002-failover.md"), """
        ---
        id: INC-2024-002
        title: Database failover
        date: 2024-03-06
        ---

        ## What happened

        Nothing is wrong with this one.
        """);
    Files.write(lib.resolve("incidents/2024/INC-2024-001/badge 1.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    return lib;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void rawHtmlLinksToLibraryFilesArePublishedAndRewritten(boolean allowHtml) throws IOException {
    Path source = library(allowHtml);
    Path site = tmp.resolve("site");

    assertEquals(List.of(), SiteBuild.check(source).diagnostics().stream().map(Object::toString).toList());
    BuildResult result = SiteBuild.build(new BuildOptions(source, site, false, null));

    assertEquals(List.of(), result.diagnostics().stream().map(Object::toString).toList());
    assertTrue(result.written());
    Path page = site.resolve("incidents/INC-2024-001/index.html");
    Document doc = Jsoup.parse(Files.readString(page), page.toUri().toString());
    Element img = doc.selectFirst("img[alt=badge]");
    assertEquals("150", img.attr("width"));
    Path image = Path.of(java.net.URI.create(img.absUrl("src")));
    assertEquals(site.resolve("media/2024/INC-2024-001/badge 1.png"), image);
    assertTrue(Files.isRegularFile(image));
    Element failover = doc.select("a").stream().filter(a -> a.text().equals("the failover")).findFirst().orElseThrow();
    assertEquals("../INC-2024-002/#what-happened", failover.attr("href"));
    Element all = doc.select("a").stream().filter(a -> a.text().equals("all")).findFirst().orElseThrow();
    assertEquals("/incidents/", all.attr("href"));
    assertFalse(Files.readString(page).contains("badge 1.png\""), "the src as written is gone");
  }
}
