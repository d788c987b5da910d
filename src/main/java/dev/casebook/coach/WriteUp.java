package dev.casebook.coach;

import dev.casebook.diag.SourcePosition;
import dev.casebook.markdown.Prose;
import dev.casebook.markdown.ProseBlock;
import dev.casebook.model.Incident;
import java.util.ArrayList;
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
  final String[] lines;
  private final List<String> voices;
  private final String[] lowerCase;
  private List<Sections.Section> sections;

  WriteUp(Incident incident, Prose prose) {
    this.incident = incident;
    this.prose = prose;
    this.lines = incident.source().body().split("\r?\n", -1);
    this.voices = new ArrayList<>(prose.blocks().size());
    for (ProseBlock b : prose.blocks()) voices.add(voiceOf(b));
    this.lowerCase = new String[voices.size()];
  }

  /** The block's text in lower case, for a quick look before a rule's pattern runs (offsets may differ). */
  String lowerCase(int block) {
    String s = lowerCase[block];
    if (s == null) lowerCase[block] = s = prose.blocks().get(block).text().toLowerCase(Locale.ROOT);
    return s;
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
    return voices.get(block);
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
