package dev.casebook.yaml;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML document into {@link YamlNode}s that remember their file positions.
 *
 * <p>SnakeYAML only composes the node graph; nothing is constructed from tags, so no YAML can
 * create Java objects. Aliases are capped (billion-laughs documents fail), nesting is capped,
 * explicit tags outside YAML's core schema are errors, and duplicate keys are reported at the
 * second key's own line.
 */
public final class YamlReader {
  /** The most aliases to collections one document may use. */
  public static final int MAX_ALIASES = 50;
  /** The deepest nesting of lists and mappings. */
  public static final int MAX_DEPTH = 40;
  /** The most nodes a document may expand to, counting each alias use again. */
  public static final int MAX_NODES = 100_000;

  private static final Set<Tag> CORE_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.SEQ, Tag.MAP);
  private static final String ALIAS_HINT = "write the values out instead of repeating them with '*' aliases";
  /** Resolves implicit scalar types; read-only after construction, so one serves all threads. */
  private static final Resolver RESOLVER = new Resolver();
  private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on", "y");

  private final String file;
  private final int lineOffset;
  private final Diagnostics diagnostics;
  private int nodeCount;

  private YamlReader(String file, int lineOffset, Diagnostics diagnostics) {
    this.file = file;
    this.lineOffset = lineOffset;
    this.diagnostics = diagnostics;
  }

  /**
   * Reads {@code text}, which starts at line {@code lineOffset + 1} of {@code file}. Problems
   * go to {@code diagnostics}; the result is empty when the document is empty or unreadable.
   */
  public static Optional<YamlNode> read(
      String text, String file, int lineOffset, Diagnostics diagnostics) {
    return new YamlReader(file, lineOffset, diagnostics).read(text);
  }

  /**
   * Reads every document of {@code text} (documents separated by {@code ---}), as Backstage
   * catalog files hold them; the limits apply to the whole stream. A syntax error ends the reading
   * at the documents before it. Empty documents are left out.
   */
  public static List<YamlNode> readAll(String text, String file, Diagnostics diagnostics) {
    return new YamlReader(file, 0, diagnostics).readAll(text);
  }

  static boolean isTrue(String text) {
    return TRUE_WORDS.contains(text.toLowerCase(java.util.Locale.ROOT));
  }

  private List<YamlNode> readAll(String text) {
    LoaderOptions options = options(text);
    Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), RESOLVER, options);
    List<YamlNode> out = new ArrayList<>();
    try {
      while (composer.checkNode()) {
        Node node = composer.getNode();
        if (node != null) out.add(convert(node, 0, false));
      }
    } catch (MarkedYAMLException e) {
      diagnostics.error(at(markOf(e, text)), "invalid YAML: " + describe(e), hint(e));
    } catch (YAMLException e) {
      diagnostics.error(SourcePosition.at(file, lineOffset + 1), "invalid YAML: " + oneLine(e.getMessage()));
    } catch (TooLarge e) {
      diagnostics.error(SourcePosition.at(file, lineOffset + 1),
          "YAML expands to more than " + MAX_NODES + " values through aliases", ALIAS_HINT);
    }
    return out;
  }

  private static LoaderOptions options(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(Math.max(text.length() + 1, 1024));
    options.setProcessComments(false);
    // Only nodes are composed and nothing is constructed from a tag, so let every tag through
    // here: convert() then reports each unsupported one at its own place and reads on.
    options.setTagInspector(tag -> true);
    return options;
  }

  private Optional<YamlNode> read(String text) {
    LoaderOptions options = options(text);
    Node root;
    try {
      // What Yaml.compose does, without building a constructor and representer per document.
      root = new Composer(new ParserImpl(new StreamReader(text), options), RESOLVER, options).getSingleNode();
    } catch (MarkedYAMLException e) {
      diagnostics.error(at(markOf(e, text)), "invalid YAML: " + describe(e), hint(e));
      return Optional.empty();
    } catch (YAMLException e) {
      SourcePosition start = SourcePosition.at(file, lineOffset + 1);
      if (String.valueOf(e.getMessage()).startsWith("Number of aliases")) {
        // SnakeYAML's guard against "billion laughs" documents; its message names no place.
        diagnostics.error(start, "YAML uses more than " + MAX_ALIASES + " aliases of lists or mappings", ALIAS_HINT);
      } else {
        diagnostics.error(start, "invalid YAML: " + oneLine(e.getMessage()));
      }
      return Optional.empty();
    }
    if (root == null) return Optional.empty();
    try {
      return Optional.ofNullable(convert(root, 0, false));
    } catch (TooLarge e) {
      diagnostics.error(at(root.getStartMark()),
          "YAML expands to more than " + MAX_NODES + " values through aliases", ALIAS_HINT);
      return Optional.empty();
    }
  }

  /**
   * @param quiet inside a value whose tag was already reported: tags are not reported again
   */
  private YamlNode convert(Node node, int depth, boolean quiet) {
    if (++nodeCount > MAX_NODES || depth > MAX_DEPTH) throw new TooLarge();
    SourcePosition pos = at(node.getStartMark());
    Tag tag = node.getTag();
    boolean unsupported = !CORE_TAGS.contains(tag);
    // An unsupported tag is reported once; the value is then read as if it were not there, as
    // plain text, lists and mappings, so that it causes no follow-up errors of its own.
    if (unsupported && !quiet) reportTag(pos, tag);
    boolean inner = quiet || unsupported;
    if (node instanceof ScalarNode scalar) {
      return new YamlScalar(scalar.getValue(), unsupported ? YamlScalar.Type.STRING : scalarType(tag), pos);
    }
    if (node instanceof SequenceNode seq) {
      List<YamlNode> items = new ArrayList<>();
      for (Node item : seq.getValue()) items.add(convert(item, depth + 1, inner));
      return new YamlList(items, pos);
    }
    MappingNode map = (MappingNode) node;
    List<YamlMap.Entry> entries = new ArrayList<>();
    Map<String, SourcePosition> seen = new HashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      SourcePosition keyPos = at(keyNode.getStartMark());
      if (keyNode.getTag().equals(Tag.MERGE)) {
        diagnostics.error(keyPos, "YAML merge keys ('<<') are not supported", "write the keys out");
        continue;
      }
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        diagnostics.error(keyPos, "a key must be a plain name, not " + (keyNode instanceof SequenceNode ? "a list" : "a mapping"));
        continue;
      }
      if (!CORE_TAGS.contains(keyNode.getTag()) && !inner) reportTag(keyPos, keyNode.getTag());
      String key = keyScalar.getValue();
      SourcePosition first = seen.putIfAbsent(key, keyPos);
      if (first != null) {
        diagnostics.error(keyPos, "duplicate key '" + key + "'", "first set at line " + first.line());
        continue;
      }
      entries.add(new YamlMap.Entry(key, keyPos, convert(tuple.getValueNode(), depth + 1, inner)));
    }
    return new YamlMap(entries, pos);
  }

  private void reportTag(SourcePosition pos, Tag tag) {
    diagnostics.error(pos, "unsupported YAML tag '" + shortTag(tag) + "'",
        "only plain strings, numbers, booleans, dates, lists and mappings are allowed");
  }

  private static YamlScalar.Type scalarType(Tag tag) {
    if (tag.equals(Tag.INT)) return YamlScalar.Type.INTEGER;
    if (tag.equals(Tag.FLOAT)) return YamlScalar.Type.FLOAT;
    if (tag.equals(Tag.BOOL)) return YamlScalar.Type.BOOLEAN;
    if (tag.equals(Tag.NULL)) return YamlScalar.Type.NULL;
    if (tag.equals(Tag.TIMESTAMP)) return YamlScalar.Type.TIMESTAMP;
    return YamlScalar.Type.STRING;
  }

  private static String shortTag(Tag tag) {
    String value = tag.getValue();
    return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
  }

  private SourcePosition at(Mark mark) {
    if (mark == null) return SourcePosition.at(file, lineOffset + 1);
    return new SourcePosition(file, lineOffset + mark.getLine() + 1, mark.getColumn() + 1);
  }

  /**
   * Where a syntax error is: usually its problem mark, but the start of the construct (its
   * context mark) when the problem only shows up at the end of the text or on a later line, as
   * with an unclosed quote or bracket, or a key without its ':'.
   */
  private static Mark markOf(MarkedYAMLException e, String text) {
    Mark problem = e.getProblemMark();
    Mark context = e.getContextMark();
    if (problem == null || context == null) return problem != null ? problem : context;
    boolean atEnd = problem.getIndex() >= text.codePointCount(0, text.length());
    // A block mapping or list spans lines by nature: there the problem mark is the place.
    boolean block = e.getContext() != null && e.getContext().contains("block");
    return atEnd || (!block && context.getLine() < problem.getLine()) ? context : problem;
  }

  /** Advice for the syntax error YAML newcomers meet most, or null. */
  private static String hint(MarkedYAMLException e) {
    String problem = String.valueOf(e.getProblem());
    return problem.startsWith("mapping values are not allowed")
        ? "put a value that contains ': ' in quotes, or check the indentation"
        : null;
  }

  private static String describe(MarkedYAMLException e) {
    String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
    if (problem == null) problem = e.getMessage();
    String context = e.getContext();
    String text = context != null && !context.equals(problem) ? problem + " (" + context + ")" : problem;
    return oneLine(text);
  }

  private static String oneLine(String s) {
    return s == null ? "unreadable" : s.replaceAll("\\s+", " ").trim();
  }

  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super(null, null, false, false);
    }
  }
}
