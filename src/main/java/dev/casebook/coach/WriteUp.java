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
  private final char[][] chars;
  private Sentences[] sentences;
  private List<Sections.Section> sections;

  WriteUp(Incident incident, Prose prose) {
    this.incident = incident;
    this.prose = prose;
    this.voices = new String[prose.blocks().size()];
    this.lowerCase = new String[voices.length];
    this.chars = new char[voices.length][];
  }

  /** The block's text as an array, for the rules that read it character by character. */
  char[] chars(int block) {
    char[] c = chars[block];
    if (c == null) chars[block] = c = prose.blocks().get(block).text().toCharArray();
    return c;
  }

  /**
   * A paragraph's sentences, as {@link LengthRule} counts them: each ends at '.', '!' or '?'
   * followed by white space or the end; words are runs of characters other than white space.
   *
   * @param starts where each sentence starts
   * @param words how many words each has
   * @param total how many words the block has
   */
  record Sentences(int[] starts, int[] words, int total) {}

  /** The block's sentences and their words, worked out once for both length rules. */
  Sentences sentences(int block) {
    if (sentences == null) sentences = new Sentences[voices.length];
    Sentences s = sentences[block];
    if (s != null) return s;
    char[] text = chars(block);
    int[] starts = new int[8];
    int[] counts = new int[8];
    int n = 0;
    int total = 0;
    boolean inAll = false;
    int start = 0;
    int words = 0;
    boolean in = false;
    for (int i = 0; i <= text.length; i++) {
      if (i < text.length) {
        char c = text[i];
        boolean space = whitespace(c);
        if (!space && !inAll) total++;
        inAll = !space;
        boolean end = (c == '.' || c == '!' || c == '?') && (i + 1 == text.length || whitespace(text[i + 1]));
        if (!end) {
          if (!space && !in) words++;
          in = !space;
          continue;
        }
      }
      if (n == starts.length) {
        starts = java.util.Arrays.copyOf(starts, n * 2);
        counts = java.util.Arrays.copyOf(counts, n * 2);
      }
      starts[n] = start;
      counts[n++] = words;
      words = 0;
      in = false;
      start = i + 1;
    }
    s = new Sentences(java.util.Arrays.copyOf(starts, n), java.util.Arrays.copyOf(counts, n), total);
    sentences[block] = s;
    return s;
  }

  /** {@link Character#isWhitespace}, with a quick answer for ASCII. */
  static boolean whitespace(char c) {
    if (c > ' ') return c >= 128 && Character.isWhitespace(c);
    return c == ' ' || (c >= '\t' && c <= '\r') || c >= '\u001C';
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

  /**
   * The words of a block (letters, digits and apostrophes): where each starts and ends, and a key
   * of its first four letters in lower case ({@link #key}), so that a rule looks only at the few
   * words that may be its anchors without making a string of every word.
   */
  record Words(String text, int[] starts, int[] ends, int[] keys) {
    /** Word {@code i} in lower case; empty when it is longer than any anchor, so neighbours stay neighbours. */
    String word(int i) {
      int length = ends[i] - starts[i];
      if (length > SHORT_WORD) return "";
      char[] buffer = new char[length];
      for (int j = 0; j < length; j++) {
        char c = text.charAt(starts[i] + j);
        buffer[j] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c < 128 ? c : Character.toLowerCase(c);
      }
      return new String(buffer);
    }
  }

  private Words[] words;
  /** The longest word an anchor is. */
  private static final int SHORT_WORD = 12;
  /** The key of a word that no anchor has: too long, or not ASCII in its first four letters. */
  private static final int NO_KEY = -1;

  private static boolean wordChar(char c) {
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return Character.isLetterOrDigit(c);
  }

  /** The key of a lower-case word: its first four characters, when they are ASCII, packed in an int. */
  static int key(String word) {
    if (word.length() > SHORT_WORD) return NO_KEY;
    int key = 0;
    for (int j = 0; j < 4; j++) {
      char c = j < word.length() ? word.charAt(j) : 0;
      if (c >= 128) return NO_KEY;
      key = key << 8 | c;
    }
    return key;
  }

  /** Letters and digits (and, with {@code inside}, apostrophes), for ASCII. */
  private static final boolean[] ASCII_WORD = new boolean[128];
  private static final boolean[] ASCII_INSIDE = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) ASCII_INSIDE[c] = ASCII_WORD[c] = wordChar(c);
    ASCII_INSIDE['\''] = true;
  }

  /** The block's words, worked out once for every rule. */
  Words words(int block) {
    if (words == null) words = new Words[voices.length];
    Words w = words[block];
    if (w != null) return w;
    String text = prose.blocks().get(block).text();
    char[] chars = chars(block);
    int capacity = 16;
    int[] starts = new int[capacity];
    int[] ends = new int[capacity];
    int[] keys = new int[capacity];
    int count = 0;
    int i = 0;
    int n = chars.length;
    while (i < n) {
      char first = chars[i];
      if (first < 128 ? !ASCII_WORD[first] : !wordChar(first)) {
        i++;
        continue;
      }
      int start = i++;
      while (i < n) {
        char c = chars[i];
        if (c < 128 ? !ASCII_INSIDE[c] : !wordChar(c) && c != '’') break;
        i++;
      }
      int key = NO_KEY;
      if (i - start <= SHORT_WORD) {
        key = 0;
        for (int j = start; j < start + 4; j++) {
          char c = j < i ? chars[j] : 0;
          if (c >= 128) {
            key = NO_KEY;
            break;
          }
          key = key << 8 | (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
      }
      if (count == capacity) {
        capacity *= 2;
        starts = java.util.Arrays.copyOf(starts, capacity);
        ends = java.util.Arrays.copyOf(ends, capacity);
        keys = java.util.Arrays.copyOf(keys, capacity);
      }
      starts[count] = start;
      ends[count] = i;
      keys[count] = key;
      count++;
    }
    w = new Words(text, java.util.Arrays.copyOf(starts, count), java.util.Arrays.copyOf(ends, count), java.util.Arrays.copyOf(keys, count));
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
