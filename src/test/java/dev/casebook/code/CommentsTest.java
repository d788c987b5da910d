package dev.casebook.code;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pragmatic comment lexer, on the cases that trip simple ones up. */
class CommentsTest {
  private static List<String> comments(String fileName, String text) {
    return Comments.find(text, CommentSyntax.of(fileName)).stream()
        .map(c -> c.pieces().get(0).line() + ":" + c.pieces().get(0).column() + " " + c.text()).toList();
  }

  @Test
  void markersInsideStringsAndUrlsAreNotComments() {
    assertEquals(List.of("3:14 real one"), comments("a.ts", """
        const a = "// not a comment";
        const b = 'it\\'s /* not */ either'; const url = `http://x`;
        let c = 1; // real one
        """));
    assertEquals(List.of(), comments("values.yaml", "image: repo/app:1.2#sha\nurl: http://example.com/#top\n"));
  }

  @Test
  void blockCommentsSpanLinesAndCodeAfterThemIsCodeAgain() {
    assertEquals(List.of("1:14 one two three", "3:26 after"), comments("a.c", """
        int x = 1; /* one
         * two
         * three */ int y = 2; // after
        """));
  }

  @Test
  void consecutiveLineCommentsMakeOneCommentButATrailingCommentStandsAlone() {
    assertEquals(List.of("1:2 first second", "3:9 trailing", "4:2 third"), comments("a.py", "# first\r\n# second\r\nx = 1  # trailing\r\n# third\r\n"));
  }

  @Test
  void eachFileTypeGetsItsOwnMarkers() {
    assertEquals(List.of("1:13 INC-1"), comments("q.sql", "SELECT 1; -- INC-1\n"));
    assertEquals(List.of("1:5 INC-2"), comments("init.lua", "--[[ INC-2 ]] x = 1\n"));
    assertEquals(List.of("2:5 INC-3"), comments("page.html", "<p># not</p>\n<!-- INC-3 -->\n"));
    assertEquals(List.of("1:2 INC-4"), comments("Dockerfile", "# INC-4\nRUN echo // not\n"));
    assertEquals(List.of("1:3 INC-5", "2:2 INC-6"), comments("NOTES", "// INC-5\n# INC-6\n"));
  }
}
