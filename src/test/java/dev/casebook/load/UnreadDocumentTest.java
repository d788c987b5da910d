package dev.casebook.load;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.diag.SourcePosition;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading the id of a write-up whose front matter could not be read. */
class UnreadDocumentTest {
  private static final SourcePosition ERROR = SourcePosition.at("x.md", 1);

  private static Optional<String> id(byte[] bytes) {
    return UnreadDocument.recover("x.md", bytes, ERROR).map(u -> u.id() + " at " + u.idPosition());
  }

  private static Optional<String> id(String text) {
    return id(text.getBytes(UTF_8));
  }

  @Test
  void findsTheTopLevelIdLineOfTheFrontMatter() {
    assertEquals(Optional.of("INC-1 at x.md:3:5"), id("---\ntitle: T\nid: INC-1\ndate: 2024-03-05\n\nBody.\n"));
    assertEquals(Optional.of("INC-1 at x.md:2:5"), id("\uFEFF---\r\nid: 'INC-1'   # a comment\r\n"));
    assertEquals(Optional.of("INC-1 at x.md:2:5"), id("---\nid: \"INC-1\"\ntitle: \"unclosed\n"));
    // Latin-1 bytes elsewhere in the file do not hide an ASCII id.
    assertEquals(Optional.of("INC-2 at x.md:3:5"), id("---\ntitle: Caf\u00e9\nid: INC-2\n".getBytes(ISO_8859_1)));
  }

  @Test
  void findsNoIdWhereThereIsNone() {
    assertEquals(Optional.empty(), id("# No front matter\nid: INC-1\n"));
    assertEquals(Optional.empty(), id("---\ntitle: T\n  id: nested\nid:\n"));
    assertEquals(Optional.empty(), id("---\ntitle: T\n---\nid: INC-1 in the body\n"));
  }
}
