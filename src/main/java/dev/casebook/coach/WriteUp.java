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
  /** The anchor words of the phrase rules that are on. */
  final Anchors anchors;
  private final String[] voices;
  private final BlockScan[] scans;
  /** Room the scans reuse from block to block. */
  private final BlockScan.Buffers buffers = new BlockScan.Buffers();
  /** The last section {@link #voiceOf} asked about, and whether it is a timeline. */
  private String lastSection;
  private boolean lastTimeline;
  /** Where each body line starts, and one past the end of the body last; worked out when a rule first asks. */
  private int[] lineStarts;
  private List<Sections.Section> sections;

  WriteUp(Incident incident, Prose prose, Anchors anchors) {
    this.incident = incident;
    this.prose = prose;
    this.anchors = anchors;
    this.voices = new String[prose.blocks().size()];
    this.scans = new BlockScan[voices.length];
  }

  /** What one pass over the block's characters finds for every rule, worked out when a rule first asks. */
  BlockScan scan(int block) {
    BlockScan s = scans[block];
    if (s == null) scans[block] = s = BlockScan.of(prose.blocks().get(block).text(), anchors, buffers);
    return s;
  }

  /** {@code text}'s characters, at the start of an array that is reused: good until the next call or scan. */
  char[] chars(String text) {
    return buffers.chars(text);
  }

  /** {@link Character#isWhitespace}, with a quick answer for ASCII. */
  static boolean whitespace(char c) {
    if (c > ' ') return c >= 128 && Character.isWhitespace(c);
    return c == ' ' || (c >= '\t' && c <= '\r') || c >= '\u001C';
  }

  private int[] lineStarts() {
    if (lineStarts == null) {
      String body = incident.source().body();
      int[] starts = new int[64];
      int n = 0;
      int start = 0;
      for (int i = body.indexOf('\n'); ; i = body.indexOf('\n', start)) {
        if (n + 1 >= starts.length) starts = java.util.Arrays.copyOf(starts, starts.length * 2);
        starts[n++] = start;
        if (i < 0) break;
        start = i + 1;
      }
      starts[n] = body.length() + 1;
      lineStarts = java.util.Arrays.copyOf(starts, n + 1);
    }
    return lineStarts;
  }

  /** How many lines the body has. */
  int lineCount() {
    return lineStarts().length - 1;
  }

  /** Body line {@code line} (1-based), without its line break. */
  String line(int line) {
    String body = incident.source().body();
    int start = lineStarts()[line - 1];
    int end = lineEnd(line);
    return body.substring(start, end);
  }

  /** Where body line {@code line} ends in the body, before its line break ("\r\n" or "\n"; the last line has none). */
  private int lineEnd(int line) {
    String body = incident.source().body();
    int start = lineStarts()[line - 1];
    int end = lineStarts()[line] - 1;
    boolean last = line == lineCount();
    return !last && end > start && body.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  /** Whether body line {@code line} is one of {@code skeleton}'s prompts or placeholders, left as it was. */
  boolean filler(Skeleton skeleton, int line) {
    return skeleton.isFiller(incident.source().body(), lineStarts()[line - 1], lineEnd(line));
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
    if (v == null) voices[block] = v = voiceOf(prose.blocks().get(block), scan(block));
    return v;
  }

  private String voiceOf(ProseBlock block, BlockScan scan) {
    boolean timeline = block.kind() != ProseBlock.Kind.HEADING && scan.colon() && timeline(block.section());
    if (!timeline && !scan.quotes()) return block.text();
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

  /** Whether a section's title says it is a timeline. */
  private boolean timeline(String section) {
    if (!section.equals(lastSection)) {
      lastSection = section;
      lastTimeline = section.toLowerCase(Locale.ROOT).contains("timeline");
    }
    return lastTimeline;
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
