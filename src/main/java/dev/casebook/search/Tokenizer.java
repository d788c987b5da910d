package dev.casebook.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * lunr.js's tokenizer: the whole field is lower-cased, then split at every UTF-16 unit that
 * matches JavaScript's {@code /[\s\-]/}. JavaScript's {@code \s} is not Java's: it is exactly the
 * 25 code points listed in {@link #isSeparator}, so U+0085, U+180E, U+200B, dashes other than
 * {@code -} and the minus sign are not separators. An array field gives one unsplit token per
 * element, without position metadata.
 */
public final class Tokenizer {

  /** Receives the tokens of one string, without allocating a {@link Token} for each. */
  @FunctionalInterface
  public interface Sink {
    /** A token {@code text.substring(start, end)}, the {@code index}-th of its field. */
    void token(String text, int start, int end, int index);
  }

  private Tokenizer() {}

  /** Whether {@code c} separates tokens: JavaScript's {@code \s} or {@code -}. */
  public static boolean isSeparator(char c) {
    if (c <= ' ') return c == ' ' || (c >= '\t' && c <= '\r');
    if (c < 0x00A0) return c == '-';
    return c == 0x00A0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202F
        || c == 0x205F
        || c == 0x3000
        || c == 0xFEFF;
  }

  /** The lower-cased text lunr tokenizes for a string value. */
  public static String lowerCase(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  /**
   * Splits already lower-cased {@code text} and hands every token to {@code sink}.
   *
   * @return the number of tokens
   */
  public static int split(String text, Sink sink) {
    int count = 0;
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (isSeparator(text.charAt(i))) {
        if (i > start) sink.token(text, start, i, count++);
        start = i + 1;
      }
    }
    if (n > start) sink.token(text, start, n, count++);
    return count;
  }

  /**
   * The tokens of a field value: none for {@code null}, one per element for a collection, the
   * split lower-cased text of {@link JsStrings#valueOf} for anything else.
   */
  public static List<Token> tokenize(Object value) {
    List<Token> tokens = new ArrayList<>();
    if (value == null) return tokens;
    if (value instanceof Collection<?> elements) {
      for (Object element : elements) tokens.add(Token.element(lowerCase(JsStrings.valueOf(element))));
      return tokens;
    }
    split(lowerCase(JsStrings.valueOf(value)), (text, start, end, index) ->
        tokens.add(new Token(text.substring(start, end), start, end - start, index)));
    return tokens;
  }
}
