import dev.casebook.coach.Coach;
import dev.casebook.coach.CoachCache;
import dev.casebook.config.ConfigLoader;
import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Diagnostics;
import dev.casebook.load.LibraryLoader;
import dev.casebook.markdown.MarkdownParser;
import dev.casebook.markdown.ProseBlock;
import dev.casebook.model.Incident;
import dev.casebook.model.Library;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Precision and recall of the writing coach's phrase rules on labelled sentences of real
 * postmortems. The labels name each sentence by its collection, its source path and a digest of
 * its normalized text, never by the text itself: the sentences are read again from a converted
 * library (bench/corpus/README.md), the coach is run on that library, and a sentence counts as
 * flagged by a rule when one of the rule's hints points inside it.
 *
 *   java -cp target/casebook.jar bench/coach-quality/CoachQuality.java score LIBRARY LABELS
 *   java -cp target/casebook.jar bench/coach-quality/CoachQuality.java candidates LIBRARY [LABELS]
 *   java -cp target/casebook.jar bench/coach-quality/CoachQuality.java flagged LIBRARY
 *
 * {@code score} prints TP, FP, FN, precision and recall per rule for the tuning part and the
 * held-out part (only the one environment variable CQ_PART names, {@code tuning} or {@code
 * held-out}, when it is set), and the labelled sentences the library no longer has. {@code candidates} prints
 * the sentences worth labelling (tab-separated: collection, source, digest, part, text), those in
 * LABELS left out, without saying which rules flag them, so that they are labelled blind; {@code
 * flagged} prints the keys (collection, source, digest) of the sentences some rule flags, to check
 * that every one of them is labelled.
 */
public final class CoachQuality {
  static final List<String> RULES = List.of("hindsight", "blame", "root-cause");
  /** Words that make a sentence worth labelling: the rules' phrases and their near misses. */
  static final Pattern TRIGGER = Pattern.compile("(?i)\\b(?:should|could|ought|fail(?:ed|s|ing|ure|ures)?|neglect\\w*|bother\\w*"
      + "|error|errors|mistakes?|mistaken(?:ly)?|human|blame\\w*|fault|careless\\w*|negligen\\w*|root[- ]?causes?|oversight"
      + "|forgot|forgotten|overlooked|inadvertent(?:ly)?|accidental(?:ly)?|wrongly|sloppy|lazy|incorrectly|missed|operator)\\b");
  private static final Pattern ABBREVIATION = Pattern.compile("(?i)(?:\\b(?:e\\.g|i\\.e|etc|vs|approx|mr|ms|dr|no|inc|ltd|cf)|\\b[a-z])\\.$");

  record Sentence(String collection, String source, String digest, String text, int block, int start, int end) {
    boolean heldOut() {
      return heldOut(digest);
    }

    static boolean heldOut(String digest) {
      // Fixed before any tuning: three digests in ten are held out.
      return Integer.parseInt(digest.substring(0, 2), 16) % 10 < 3;
    }
  }

  record Label(String collection, String source, String digest, Map<String, Boolean> rules) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !Set.of("score", "candidates", "flagged").contains(args[0])) {
      System.err.println("usage: CoachQuality score LIBRARY LABELS | candidates LIBRARY [LABELS]");
      System.exit(2);
    }
    Path library = Path.of(args[1]);
    Map<String, Label> labels = args.length > 2 ? readLabels(Path.of(args[2])) : Map.of();
    Corpus corpus = Corpus.read(library);
    if (args[0].equals("flagged")) {
      // The keys of the sentences some phrase rule flags, not which rule: to make sure each is labelled.
      for (String key : corpus.flagged().keySet()) System.out.println(key);
    } else if (args[0].equals("candidates")) {
      candidates(corpus, labels);
    } else {
      score(corpus, labels);
    }
  }

  /** The sentences of a converted library, and the rules that flag each. */
  record Corpus(Map<String, Sentence> sentences, Map<String, Set<String>> flagged, long brokenWriteUps) {
    static Corpus read(Path root) throws Exception {
      Map<String, String[]> manifest = new HashMap<>();
      for (String line : Files.readAllLines(root.resolve("manifest.tsv"), StandardCharsets.UTF_8)) {
        String[] f = line.split("\t", -1);
        if (f.length >= 3 && !f[0].equals("collection")) manifest.put(f[2], new String[] {f[0], f[1]});
      }
      Diagnostics diagnostics = new Diagnostics();
      SiteConfig config = ConfigLoader.load(root, diagnostics);
      Library library = dev.casebook.validate.LibraryValidator.validate(LibraryLoader.load(root, config, diagnostics), config, true, diagnostics);
      Coach.run(library, root, diagnostics, CoachCache.none());
      // Where each rule's hints point: file, line, column.
      Map<String, Set<String>> hintsAt = new HashMap<>();
      Set<String> broken = new TreeSet<>();
      for (Diagnostic d : diagnostics.sorted()) {
        if (d.isError()) broken.add(d.position().file());
        int colon = d.message().indexOf(':');
        if (colon < 0) continue;
        String rule = d.message().substring(0, colon);
        if (!RULES.contains(rule)) continue;
        hintsAt.computeIfAbsent(d.position().file() + ":" + d.position().line() + ":" + d.position().column(), k -> new TreeSet<>()).add(rule);
      }
      Map<String, Sentence> sentences = new LinkedHashMap<>();
      Map<String, Set<String>> flagged = new HashMap<>();
      MarkdownParser parser = new MarkdownParser();
      for (Incident incident : library.incidents()) {
        String[] origin = manifest.getOrDefault(incident.id(), new String[] {"?", incident.id()});
        var source = incident.source();
        List<ProseBlock> blocks = parser.parse(source.body()).prose().blocks();
        Set<String> placed = new java.util.HashSet<>();
        for (int b = 0; b < blocks.size(); b++) {
          ProseBlock block = blocks.get(b);
          List<int[]> spans = split(block.text());
          String[] keys = new String[spans.size()];
          for (int n = 0; n < spans.size(); n++) {
            String text = block.text().substring(spans.get(n)[0], spans.get(n)[1]);
            keys[n] = key(origin[0], origin[1], digest(text));
            sentences.putIfAbsent(keys[n], new Sentence(origin[0], origin[1], digest(text), text, b, spans.get(n)[0], spans.get(n)[1]));
          }
          // A hint belongs to the sentence holding the first character at its line and column.
          for (int n = 0; n < spans.size(); n++) {
            for (int i = spans.get(n)[0]; i < spans.get(n)[1]; i++) {
              String at = source.path() + ":" + (source.bodyLine() + block.lineAt(i) - 1) + ":" + block.columnAt(i);
              Set<String> rules = hintsAt.get(at);
              if (rules != null && placed.add(at)) flagged.computeIfAbsent(keys[n], k -> new TreeSet<>()).addAll(rules);
            }
          }
        }
      }
      return new Corpus(sentences, flagged, broken.size());
    }
  }

  static String key(String collection, String source, String digest) {
    return collection + "\t" + source + "\t" + digest;
  }

  /** The sentences of a block: ends at . ! or ? before white space, except after abbreviations. */
  static List<int[]> split(String text) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean end = i == text.length() - 1
          || ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))
              && !(c == '.' && ABBREVIATION.matcher(text.substring(Math.max(start, i - 8), i + 1)).find()));
      if (!end) continue;
      int from = start;
      int to = i + 1;
      while (from < to && Character.isWhitespace(text.charAt(from))) from++;
      if (to > from) out.add(new int[] {from, to});
      start = i + 1;
    }
    return out;
  }

  /** The digest of a sentence's normalized text: lower case, one space between words, code spans as one mark. */
  static String digest(String sentence) {
    String normal = sentence.replace(ProseBlock.HIDDEN, '`').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Labels: collection, source, digest, then 0 or 1 for each of RULES; lines starting with # are comments. */
  static Map<String, Label> readLabels(Path file) throws Exception {
    Map<String, Label> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("collection\t")) continue;
      String[] f = line.split("\t", -1);
      if (f.length < 3 + RULES.size()) throw new IllegalArgumentException("short label line: " + line);
      Map<String, Boolean> rules = new LinkedHashMap<>();
      for (int i = 0; i < RULES.size(); i++) rules.put(RULES.get(i), f[3 + i].equals("1"));
      out.put(key(f[0], f[1], f[2]), new Label(f[0], f[1], f[2], rules));
    }
    return out;
  }

  static void candidates(Corpus corpus, Map<String, Label> labels) {
    for (var e : corpus.sentences().entrySet()) {
      if (labels.containsKey(e.getKey())) continue;
      Sentence s = e.getValue();
      boolean flagged = corpus.flagged().containsKey(e.getKey());
      if (!flagged && !TRIGGER.matcher(s.text()).find()) continue;
      System.out.println(String.join("\t", s.collection(), s.source(), s.digest(), s.heldOut() ? "held-out" : "tuning",
          s.text().replace(ProseBlock.HIDDEN, '`').replaceAll("\\s+", " ")));
    }
  }

  static void score(Corpus corpus, Map<String, Label> labels) {
    int[][][] counts = new int[2][RULES.size()][3];
    int[] sizes = new int[2];
    int[][] positives = new int[2][RULES.size()];
    List<Label> drifted = new ArrayList<>();
    for (var e : labels.entrySet()) {
      Label label = e.getValue();
      if (!corpus.sentences().containsKey(e.getKey())) {
        drifted.add(label);
        continue;
      }
      int part = Sentence.heldOut(label.digest()) ? 1 : 0;
      sizes[part]++;
      Set<String> flagged = corpus.flagged().getOrDefault(e.getKey(), Set.of());
      for (int r = 0; r < RULES.size(); r++) {
        boolean truth = label.rules().get(RULES.get(r));
        boolean found = flagged.contains(RULES.get(r));
        if (truth) positives[part][r]++;
        if (truth && found) counts[part][r][0]++;
        if (!truth && found) counts[part][r][1]++;
        if (truth && !found) counts[part][r][2]++;
        if (System.getenv("CQ_DETAIL") != null && part == 0 && truth != found) {
          System.err.println((found ? "FP " : "FN ") + RULES.get(r) + "\t" + label.source() + "\t" + label.digest() + "\t"
              + corpus.sentences().get(e.getKey()).text().replace(ProseBlock.HIDDEN, '`'));
        }
      }
    }
    System.out.printf("labelled sentences: %d (tuning %d, held-out %d); no longer in the library: %d; write-ups with errors (not coached): %d%n",
        labels.size(), sizes[0], sizes[1], drifted.size(), corpus.brokenWriteUps());
    for (Label d : drifted) System.out.println("  drifted: " + d.collection() + "\t" + d.source() + "\t" + d.digest());
    System.out.printf("%-9s %-11s %9s %4s %4s %4s %9s %7s%n", "part", "rule", "positives", "TP", "FP", "FN", "precision", "recall");
    String[] parts = {"tuning", "held-out"};
    // CQ_PART=tuning prints the tuning part's rows only, so that rules can be tuned without seeing held-out figures.
    String only = System.getenv("CQ_PART");
    for (int p = 0; p < 2; p++) {
      if (only != null && !only.isEmpty() && !only.equals(parts[p])) continue;
      int[] total = new int[3];
      int totalPositives = 0;
      for (int r = 0; r < RULES.size(); r++) {
        int[] c = counts[p][r];
        row(parts[p], RULES.get(r), positives[p][r], c);
        for (int i = 0; i < 3; i++) total[i] += c[i];
        totalPositives += positives[p][r];
      }
      row(parts[p], "all three", totalPositives, total);
    }
  }

  static void row(String part, String rule, int positives, int[] c) {
    System.out.printf("%-9s %-11s %9d %4d %4d %4d %9s %7s%n", part, rule, positives, c[0], c[1], c[2],
        ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2]));
  }

  static String ratio(int a, int b) {
    return b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) a / b);
  }
}
