package dev.casebook.load;

import dev.casebook.text.TextFile;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlScalar;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrontMatterSplitterTest {
  private static final String WRITE_UP =
      "---\nid: INC-1\ntitle: Checkout latency\ndate: 2024-03-05\n---\n\n## What happened\n\nSlow.\n";

  private final Diagnostics diagnostics = new Diagnostics();

  private Optional<SourceDocument> split(String text) {
    return FrontMatterSplitter.split("f.md", text, diagnostics);
  }

  private List<String> reported() {
    return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
  }

  private static String text(YamlMap map, String key) {
    return ((YamlScalar) map.get(key).orElseThrow()).text();
  }

  @Test
  void splitsFrontMatterFromTheBodyAndKnowsTheBodysFirstFileLine() {
    SourceDocument doc = split(WRITE_UP).orElseThrow();

    assertEquals("f.md", doc.path());
    assertEquals(6, doc.bodyLine());
    assertEquals("\n## What happened\n\nSlow.\n", doc.body());
    assertEquals("Checkout latency", text(doc.frontMatter(), "title"));
    assertEquals(new SourcePosition("f.md", 4, 1), doc.frontMatter().entry("date").orElseThrow().keyPosition());
    assertEquals(new SourcePosition("f.md", 3, 8), doc.frontMatter().get("title").orElseThrow().position());
    assertEquals(List.of(), reported());
  }

  @Test
  void handlesCrlfLineEndingsWithTheSameLinesAndValues() {
    SourceDocument doc = split(WRITE_UP.replace("\n", "\r\n")).orElseThrow();

    assertEquals(6, doc.bodyLine());
    assertEquals("\r\n## What happened\r\n\r\nSlow.\r\n", doc.body());
    assertEquals("Checkout latency", text(doc.frontMatter(), "title"));
    assertEquals("2024-03-05", text(doc.frontMatter(), "date"));
    assertEquals(new SourcePosition("f.md", 4, 1), doc.frontMatter().entry("date").orElseThrow().keyPosition());
    assertEquals(List.of(), reported());
  }

  @Test
  void reportsYamlErrorsAtFileLinesWithCrlfLineEndings() {
    SourceDocument doc = split("---\r\nid: INC-1\r\ntitle: x\r\ntitle: y\r\n---\r\nBody\r\n").orElseThrow();

    assertEquals("x", text(doc.frontMatter(), "title"));
    assertEquals(List.of("f.md:4:1: error: duplicate key 'title' (first set at line 3)"), reported());
  }

  @Test
  void acceptsThreeDotsAsTheClosingFence() {
    SourceDocument doc = split("---\nid: INC-1\n...\nBody\n").orElseThrow();

    assertEquals(4, doc.bodyLine());
    assertEquals("Body\n", doc.body());
    assertEquals(List.of(), reported());
  }

  @Test
  void acceptsFencesWithTrailingSpaces() {
    SourceDocument doc = split("--- \nid: INC-1\n---\t \nBody\n").orElseThrow();

    assertEquals("INC-1", text(doc.frontMatter(), "id"));
    assertEquals("Body\n", doc.body());
  }

  @Test
  void allowsAWriteUpWithoutABody() {
    SourceDocument doc = split("---\nid: INC-1\n---").orElseThrow();

    assertEquals("", doc.body());
    assertEquals(4, doc.bodyLine());
  }

  @Test
  void leavesLaterThreeDashLinesInTheBody() {
    SourceDocument doc = split("---\nid: INC-1\n---\nAbove\n\n---\n\nBelow\n").orElseThrow();

    assertEquals("Above\n\n---\n\nBelow\n", doc.body());
    assertEquals(4, doc.bodyLine());
  }

  @Test
  void reportsMissingFrontMatterAtLineOne() {
    assertEquals(Optional.empty(), split("\n---\nid: INC-1\n---\n"));
    assertEquals(List.of("f.md:1: error: missing front matter "
        + "(a write-up starts with a '---' line, then YAML with at least id, title and date)"), reported());
  }

  @Test
  void reportsUnterminatedFrontMatterAtTheOpeningFence() {
    assertEquals(Optional.empty(), split("---\nid: INC-1\ntitle: x\n\n## Body\n"));
    assertEquals(List.of("f.md:1: error: unterminated front matter (close it with a '---' line before the body)"), reported());
  }

  @Test
  void reportsEmptyFrontMatter() {
    assertEquals(Optional.empty(), split("---\n---\nBody\n"));
    assertEquals(List.of("f.md:2: error: front matter is empty (add at least id, title and date)"), reported());
  }

  @Test
  void reportsFrontMatterOfOnlyCommentsAsEmpty() {
    assertEquals(Optional.empty(), split("---\n# id: INC-1\n---\nBody\n"));
    assertEquals(List.of("f.md:2: error: front matter is empty (add at least id, title and date)"), reported());
  }

  @Test
  void reportsBrokenYamlWithoutCallingItEmpty() {
    assertEquals(Optional.empty(), split("---\nid: INC-1\ntitle: \"Unclosed\n---\nBody\n"));
    assertEquals(List.of("f.md:3:8: error: invalid YAML: found unexpected end of stream (while scanning a quoted scalar)"),
        reported());
  }

  @Test
  void reportsFrontMatterThatIsNotAMapping() {
    assertEquals(Optional.empty(), split("---\n- id: INC-1\n---\n"));
    assertEquals(List.of("f.md:2:1: error: front matter must be a mapping of keys to values, not a list"), reported());
  }

  @Test
  void findsTheFenceOfAFileWithAByteOrderMarkOnceTextFileHasDecodedIt() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.writeBytes(WRITE_UP.getBytes(UTF_8));

    SourceDocument doc = TextFile.decode("f.md", bytes.toByteArray(), diagnostics)
        .flatMap(this::split)
        .orElseThrow();

    assertEquals(new SourcePosition("f.md", 2, 1), doc.frontMatter().entry("id").orElseThrow().keyPosition());
    assertEquals(6, doc.bodyLine());
    assertEquals(List.of(), reported());
  }
}
