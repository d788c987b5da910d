package dev.casebook.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
  private static final String TAG_HINT = "only plain strings, numbers, booleans, dates, lists and mappings are allowed";
  private static final String ALIAS_HINT = "write the values out instead of repeating them with '*' aliases";

  private final Diagnostics diagnostics = new Diagnostics();

  private Optional<YamlNode> read(String yaml, int lineOffset) {
    return YamlReader.read(yaml, "f.md", lineOffset, diagnostics);
  }

  /** Reads front matter that starts on line 2 of f.md, after the opening '---'. */
  private YamlMap frontMatter(String yaml) {
    return assertInstanceOf(YamlMap.class, read(yaml, 1).orElseThrow());
  }

  private List<String> reported() {
    return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
  }

  private static String text(YamlNode node) {
    return assertInstanceOf(YamlScalar.class, node).text();
  }

  @Test
  void positionsAreFileLinesCountingTheLinesBeforeTheYaml() {
    YamlMap map = frontMatter("id: INC-1\ntitle: Hello\nteams:\n  - payments\n  - platform\n");

    assertEquals(new SourcePosition("f.md", 2, 1), map.entry("id").orElseThrow().keyPosition());
    assertEquals(new SourcePosition("f.md", 3, 8), map.get("title").orElseThrow().position());
    YamlList teams = assertInstanceOf(YamlList.class, map.get("teams").orElseThrow());
    assertEquals(new SourcePosition("f.md", 5, 3), teams.position());
    assertEquals(new SourcePosition("f.md", 6, 5), teams.items().get(1).position());
    assertEquals(List.of(), reported());
  }

  @Test
  void positionsStartAtLineOneWithoutAnOffset() {
    YamlMap map = assertInstanceOf(YamlMap.class, YamlReader.read("a: 1\nb: [x, y]\n", "casebook.yml", 0, diagnostics).orElseThrow());

    assertEquals(new SourcePosition("casebook.yml", 1, 1), map.entry("a").orElseThrow().keyPosition());
    YamlList b = assertInstanceOf(YamlList.class, map.get("b").orElseThrow());
    assertEquals(new SourcePosition("casebook.yml", 2, 8), b.items().get(1).position());
  }

  @Test
  void keepsTheTextOfScalarsAsWritten() {
    YamlMap map = frontMatter("country: no\nflag: on\nversion: 1.10\ndate: 2024-03-05\nempty:\n");

    assertEquals("no", text(map.get("country").orElseThrow()));
    assertEquals("on", text(map.get("flag").orElseThrow()));
    assertEquals("1.10", text(map.get("version").orElseThrow()));
    assertEquals(YamlScalar.Type.TIMESTAMP, ((YamlScalar) map.get("date").orElseThrow()).type());
    assertTrue(((YamlScalar) map.get("empty").orElseThrow()).isNull());
  }

  @Test
  void reportsADuplicateKeyAtTheSecondKeysOwnLineAndKeepsTheFirstValue() {
    YamlMap map = frontMatter("id: INC-1\ntitle: First\ndate: 2024-03-05\ntitle: Second\n");

    assertEquals(List.of("f.md:5:1: error: duplicate key 'title' (first set at line 3)"), reported());
    assertEquals("First", text(map.get("title").orElseThrow()));
    assertEquals(List.of("id", "title", "date"), map.entries().stream().map(YamlMap.Entry::key).toList());
  }

  @Test
  void reportsADuplicateKeyInANestedMapping() {
    read("vocabularies:\n  teams:\n    payments: a\n    platform: b\n    payments: c\n", 0);

    assertEquals(List.of("f.md:5:5: error: duplicate key 'payments' (first set at line 3)"), reported());
  }

  @Test
  void rejectsABillionLaughsDocumentByItsNumberOfAliases() {
    StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char prev = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
    }

    assertEquals(Optional.empty(), read(yaml.toString(), 1));
    assertEquals(List.of("f.md:2: error: YAML uses more than " + YamlReader.MAX_ALIASES
        + " aliases of lists or mappings (" + ALIAS_HINT + ")"), reported());
  }

  @Test
  void rejectsADocumentThatExpandsToTooManyValuesThroughFewAliases() {
    // 45 aliases, but 15 x 15 x 15 x 31 values once expanded.
    String yaml = "a: &a [" + String.join(", ", java.util.Collections.nCopies(30, "x")) + "]\n"
        + "b: &b [" + String.join(", ", java.util.Collections.nCopies(15, "*a")) + "]\n"
        + "c: &c [" + String.join(", ", java.util.Collections.nCopies(15, "*b")) + "]\n"
        + "d: [" + String.join(", ", java.util.Collections.nCopies(15, "*c")) + "]\n";

    assertEquals(Optional.empty(), read(yaml, 1));
    assertEquals(List.of("f.md:2:1: error: YAML expands to more than " + YamlReader.MAX_NODES
        + " values through aliases (" + ALIAS_HINT + ")"), reported());
  }

  @Test
  void allowsAFewAliases() {
    YamlMap map = frontMatter("shared: &teams [payments, platform]\nteams: *teams\n");

    YamlList teams = assertInstanceOf(YamlList.class, map.get("teams").orElseThrow());
    assertEquals(List.of("payments", "platform"), teams.toJava());
    assertEquals(List.of(), reported());
  }

  @Test
  void rejectsTagsOutsideTheCoreSchemaOncePerValueAtTheirOwnPosition() {
    YamlMap map = frontMatter("id: INC-1\n"
        + "exploit: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x.example/\"]]]]\n"
        + "cmd: !!python/object/apply:os.system [\"ls\"]\n"
        + "local: !thing value\n"
        + "!!python/name:os.system key: value\n");

    assertEquals(List.of(
        "f.md:3:10: error: unsupported YAML tag '!!javax.script.ScriptEngineManager' (" + TAG_HINT + ")",
        "f.md:4:6: error: unsupported YAML tag '!!python/object/apply:os.system' (" + TAG_HINT + ")",
        "f.md:5:8: error: unsupported YAML tag '!thing' (" + TAG_HINT + ")",
        "f.md:6:1: error: unsupported YAML tag '!!python/name:os.system' (" + TAG_HINT + ")"), reported());
    // Nothing is constructed: the values are read as plain text and lists.
    assertEquals(YamlScalar.Type.STRING, ((YamlScalar) map.get("local").orElseThrow()).type());
    assertEquals("value", text(map.get("local").orElseThrow()));
    assertEquals(List.of(List.of(List.of(List.of("http://x.example/")))), map.get("exploit").orElseThrow().toJava());
  }

  @Test
  void acceptsExplicitCoreTags() {
    YamlMap map = frontMatter("id: !!str 123\ncount: !!int 7\nteams: !!seq [a]\n");

    assertEquals(YamlScalar.Type.STRING, ((YamlScalar) map.get("id").orElseThrow()).type());
    assertEquals("123", text(map.get("id").orElseThrow()));
    assertEquals(7L, map.get("count").orElseThrow().toJava());
    assertEquals(List.of(), reported());
  }

  @Test
  void rejectsMergeKeys() {
    YamlMap map = frontMatter("base: &base\n  a: 1\nchild:\n  <<: *base\n  b: 2\n");

    assertEquals(List.of("f.md:5:3: error: YAML merge keys ('<<') are not supported (write the keys out)"), reported());
    YamlMap child = assertInstanceOf(YamlMap.class, map.get("child").orElseThrow());
    assertEquals(List.of("b"), child.entries().stream().map(YamlMap.Entry::key).toList());
  }

  @Test
  void rejectsKeysThatAreListsOrMappings() {
    YamlMap map = frontMatter("? [a, b]\n: a list as key\n? {c: d}\n: a mapping as key\nok: yes\n");

    assertEquals(List.of(
        "f.md:2:3: error: a key must be a plain name, not a list",
        "f.md:4:3: error: a key must be a plain name, not a mapping"), reported());
    assertEquals(List.of("ok"), map.entries().stream().map(YamlMap.Entry::key).toList());
  }

  @Test
  void pointsAnUnclosedQuoteAtWhereTheQuoteOpens() {
    assertEquals(Optional.empty(), read("id: INC-1\ntitle: \"Unclosed\ndate: 2024-03-05\n", 1));
    assertEquals(List.of("f.md:3:8: error: invalid YAML: found unexpected end of stream (while scanning a quoted scalar)"),
        reported());
  }

  @Test
  void pointsAnUnclosedBracketAtWhereTheBracketOpens() {
    assertEquals(Optional.empty(), read("id: INC-1\nteams: [payments, platform\n", 1));
    assertEquals(List.of("f.md:3:8: error: invalid YAML: expected ',' or ']', but got <stream end> "
        + "(while parsing a flow sequence)"), reported());
  }

  @Test
  void pointsAKeyWithoutAColonAtItsOwnLine() {
    assertEquals(Optional.empty(), read("id: INC-1\ndate 2024-03-05\nsummary: x\n", 1));
    assertEquals(List.of("f.md:3:1: error: invalid YAML: could not find expected ':' (while scanning a simple key)"),
        reported());
  }

  @Test
  void pointsBadIndentationAtTheLineThatIsOut() {
    assertEquals(Optional.empty(), read("id: INC-1\nteams:\n  - payments\n - platform\nsummary: x\n", 1));
    assertEquals(List.of("f.md:5:2: error: invalid YAML: expected <block end>, but found '<block sequence start>' "
        + "(while parsing a block mapping)"), reported());
  }

  @Test
  void suggestsQuotesForAColonInsideAnUnquotedValue() {
    assertEquals(Optional.empty(), read("id: INC-1\ntitle: Checkout: slow\n", 1));
    assertEquals(List.of("f.md:3:16: error: invalid YAML: mapping values are not allowed here "
        + "(put a value that contains ': ' in quotes, or check the indentation)"), reported());
  }

  @Test
  void capsNesting() {
    String yaml = "deep: " + "[".repeat(YamlReader.MAX_DEPTH + 5) + "]".repeat(YamlReader.MAX_DEPTH + 5) + "\n";

    assertEquals(Optional.empty(), read(yaml, 1));
    assertEquals(1, reported().size(), reported().toString());
    assertTrue(reported().get(0).startsWith("f.md:2"), reported().toString());
  }

  @Test
  void readsAnEmptyOrCommentOnlyDocumentAsNothingWithoutComplaint() {
    assertEquals(Optional.empty(), read("", 1));
    assertEquals(Optional.empty(), read("# just a comment\n\n", 1));
    assertEquals(List.of(), reported());
  }
}
