package dev.casebook.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/** Word lists for checking the stemmer and the trimmer against lunr.js. */
final class EnglishWords {
  private static final String[] ROOTS = (
      "relat condit nation hope run cry sky agre fe plaster bl motor sing conflat troubl siz hop tann fall hiss "
      + "fizz fail fil general oper digit sensibil formal electr good ration valen hesit analog effect adopt "
      + "depend irrit replac adjust defens homolog commun activ angular bowdler yell yield y ay by say try lay "
      + "happ caress pony ti cat feed mat mess meet control roll generat connect ident predic arch lov serv").split(" ");
  private static final String[] SUFFIXES = (
      " s es ies sses ss ed ing eed ly y ational tional enci anci izer bli alli entli eli ousli ization ation ator "
      + "alism iveness fulness ousness aliti iviti biliti logi icate ative alize iciti ical ful ness al ance ence er "
      + "ic able ible ant ement ment ent ion sion tion ou ism ate iti ous ive ize e ll ings edly ities izations "
      + "ingly nesses fully ically ations ators izers ers ants").split(" ", -1);

  private EnglishWords() {}

  /** Every word list below, without duplicates. */
  static List<String> all() throws IOException {
    Set<String> words = new LinkedHashSet<>(libraryWords(false));
    words.addAll(lunrStemmingFixture().keySet());
    words.addAll(suffixCombinations());
    words.addAll(randomStrings(20_000, 11));
    return new ArrayList<>(words);
  }

  /**
   * The words of the sample library {@code incidents/**}/*.md: with {@code raw}, the
   * whitespace-separated tokens as they are; otherwise the lower-cased runs of letters.
   */
  static Set<String> libraryWords(boolean raw) throws IOException {
    Set<String> words = new LinkedHashSet<>();
    try (Stream<Path> files = Files.walk(Path.of("incidents"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        String text = Files.readString(file);
        String[] parts = raw ? text.split("\\s+") : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        for (String part : parts) if (!part.isEmpty()) words.add(part);
      }
    }
    if (words.size() < 500) throw new IllegalStateException("expected the sample library under incidents/, found " + words.size() + " words");
    return words;
  }

  /** Each root with each suffix, and with each pair of suffixes. */
  static List<String> suffixCombinations() {
    List<String> words = new ArrayList<>();
    for (String root : ROOTS) {
      for (String suffix : SUFFIXES) {
        words.add(root + suffix);
        for (String second : new String[] {"s", "ly", "ness", "ing", "ed", "al", "ation", "er", "izer"}) {
          words.add(root + suffix + second);
        }
      }
    }
    return words;
  }

  /** lunr's own stemming fixture (word to stem), shipped in the WebJar. */
  static Map<String, String> lunrStemmingFixture() {
    try (InputStream in = EnglishWords.class.getResourceAsStream(
        "/META-INF/resources/webjars/lunr/2.3.9/test/fixtures/stemming_vocab.json")) {
      @SuppressWarnings("unchecked") Map<String, String> vocab = Corpus.JSON.readValue(in, LinkedHashMap.class);
      return vocab;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Random strings over the letters that steer the stemmer, with a leading {@code y}/{@code Y},
   * non-ASCII letters, surrogate pairs and line terminators now and then.
   */
  static List<String> randomStrings(int count, long seed) {
    String alphabet = "aeiouyYbcdgilmnrstwxzaeiouslzei";
    String[] extras = {"é", "😀", "\n", "\r", "\u2028", "\u0085", "ß", "-", "'"};
    String[] endings = {"", "s", "es", "ies", "sses", "ed", "ing", "eed", "y", "ational", "ness", "ement", "ion", "e", "ll", "ate", "iti"};
    Random random = new Random(seed);
    List<String> words = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder s = new StringBuilder();
      if (random.nextInt(8) == 0) s.append('y');
      for (int n = 1 + random.nextInt(9); n > 0; n--) {
        if (random.nextInt(25) == 0) s.append(extras[random.nextInt(extras.length)]);
        else s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      s.append(endings[random.nextInt(endings.length)]);
      words.add(s.toString());
    }
    return words;
  }
}
