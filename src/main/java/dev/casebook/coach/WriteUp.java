package dev.casebook.coach;

import dev.casebook.diag.SourcePosition;
import dev.casebook.markdown.Prose;
import dev.casebook.markdown.ProseBlock;
import dev.casebook.model.Incident;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One write-up as the rules read it: its front matter, its body's lines, and its prose blocks with
 * the author's own voice ({@link #voice}) told apart from what they quote.
 */
final class WriteUp {
  /** Text in double quotes, straight or curly, within one block. */
  private static final Pattern QUOTED = Pattern.compile("\"[^\"\\n]{1,400}\"|“[^”\\n]{1,400}”");
  /**
   * A chat message quoted in a timeline: a speaker's name and a colon ({@code alice: ...},
   * {@code @bob: ...}, {@code [14:05] carol: ...}), up to the end of the block.
   */
  private static final Pattern SPEAKER = Pattern.compile("(?:^|[\\s\\]|" + ProseBlock.HIDDEN + "])@?[A-Za-z][\\w.\\-]{0,30}(?: [A-Z][\\w.\\-]{0,20})?:\\s");

  final Incident incident;
  final Prose prose;
  private String[] lines;
  private final String[] voices;
  private final String[] lowerCase;
  private List<Sections.Section> sections;

  WriteUp(Incident incident, Prose prose) {
    this.incident = incident;
    this.prose = prose;
    this.voices = new String[prose.blocks().size()];
    this.lowerCase = new String[voices.length];
  }

  /** The body's lines, worked out when a rule first asks. */
  String[] lines() {
    if (lines == null) {
      String body = incident.source().body();
      List<String> out = new java.util.ArrayList<>();
      int start = 0;
      for (int i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', start)) {
        out.add(body.substring(start, i > start && body.charAt(i - 1) == '\r' ? i - 1 : i));
        start = i + 1;
      }
      out.add(body.substring(start));
      lines = out.toArray(new String[0]);
    }
    return lines;
  }

  /** The block's text in lower case, for a quick look before a rule's pattern runs (offsets may differ). */
  String lowerCase(int block) {
    String s = lowerCase[block];
    if (s == null) lowerCase[block] = s = prose.blocks().get(block).text().toLowerCase(Locale.ROOT);
    return s;
  }

  /** The words of a block, lower case, with where each starts. */
  record Words(String[] words, int[] starts) {}

  private Words[] words;
  /** The longest word an anchor is. */
  private static final int SHORT_WORD = 12;

  private static boolean wordChar(char c) {
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return Character.isLetterOrDigit(c);
  }

  /** The block's words (letters, digits and apostrophes), lower case, worked out once for every rule. */
  Words words(int block) {
    if (words == null) words = new Words[voices.length];
    Words w = words[block];
    if (w != null) return w;
    String text = prose.blocks().get(block).text();
    List<String> found = new java.util.ArrayList<>();
    int[] starts = new int[16];
    char[] buffer = new char[SHORT_WORD];
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (!wordChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int length = 0;
      while (i < n && (wordChar(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '’')) {
        char c = text.charAt(i++);
        if (length < SHORT_WORD) buffer[length] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : Character.toLowerCase(c);
        length++;
      }
      if (found.size() == starts.length) starts = java.util.Arrays.copyOf(starts, starts.length * 2);
      starts[found.size()] = start;
      // Longer words are never anchors: kept as an empty word, so neighbours stay neighbours.
      found.add(length <= SHORT_WORD ? new String(buffer, 0, length) : "");
    }
    w = new Words(found.toArray(new String[0]), java.util.Arrays.copyOf(starts, found.size()));
    words[block] = w;
    return w;
  }

  /** The write-up's sections, worked out once. */
  List<Sections.Section> sections(Skeleton skeleton) {
    if (sections == null) sections = Sections.of(this, skeleton);
    return sections;
  }

  /**
   * The block's text with what is not the author's own voice hidden, at the same offsets: quoted
   * strings and, in a timeline, chat messages.
   */
  String voice(int block) {
    String v = voices[block];
    if (v == null) voices[block] = v = voiceOf(prose.blocks().get(block));
    return v;
  }

  private static String voiceOf(ProseBlock block) {
    boolean timeline = block.kind() != ProseBlock.Kind.HEADING && block.text().indexOf(':') >= 0
        && block.section().toLowerCase(Locale.ROOT).contains("timeline");
    if (!timeline && block.text().indexOf('"') < 0 && block.text().indexOf('“') < 0) return block.text();
    char[] text = block.text().toCharArray();
    Matcher quoted = QUOTED.matcher(block.text());
    while (quoted.find()) java.util.Arrays.fill(text, quoted.start(), quoted.end(), ProseBlock.HIDDEN);
    if (timeline) {
      Matcher speaker = SPEAKER.matcher(new String(text));
      if (speaker.find() && !speaker.group().strip().matches("\\d.*")) {
        java.util.Arrays.fill(text, speaker.start(), text.length, ProseBlock.HIDDEN);
      }
    }
    return new String(text);
  }

  /** The file position of a character of a block. */
  SourcePosition at(ProseBlock block, int offset) {
    return new SourcePosition(incident.source().path(), incident.source().bodyLine() + block.lineAt(offset) - 1, block.columnAt(offset));
  }

  /** The file position of a body line (1-based). */
  SourcePosition atLine(int bodyLine) {
    return new SourcePosition(incident.source().path(), incident.source().bodyLine() + bodyLine - 1, 1);
  }

  /**
   * Whether the write-up says {@code status: published}. One without a status is published too,
   * but the readiness rules wait for an author to say so: a library that never sets a status is
   * not told about every write-up it has.
   */
  boolean published() {
    return incident.status() == dev.casebook.model.Status.PUBLISHED && incident.source().keyPositions().containsKey("status");
  }
}
