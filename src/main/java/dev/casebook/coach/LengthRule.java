package dev.casebook.coach;

import dev.casebook.markdown.ProseBlock;

/** Sentences or paragraphs too long for a reader outside the team to follow. */
final class LengthRule implements Rule {
  static final String SENTENCES = "long-sentences";
  static final String PARAGRAPHS = "long-paragraphs";
  static final int DEFAULT_SENTENCE_WORDS = 40;
  static final int DEFAULT_PARAGRAPH_WORDS = 180;

  private final boolean sentences;
  private final int maxWords;
  private final boolean asError;

  LengthRule(boolean sentences, int maxWords, boolean asError) {
    this.sentences = sentences;
    this.maxWords = maxWords;
    this.asError = asError;
  }

  @Override
  public String name() {
    return sentences ? SENTENCES : PARAGRAPHS;
  }

  @Override
  public void check(WriteUp writeUp, Hints hints) {
    for (ProseBlock block : writeUp.prose.blocks()) {
      if (block.kind() != ProseBlock.Kind.PARAGRAPH) continue;
      String text = block.text();
      if (!sentences) {
        int words = words(text, 0, text.length());
        if (words > maxWords) {
          hints.add(name(), asError, writeUp.at(block, firstLetter(text, 0)),
              "this paragraph has " + words + " words (more than " + maxWords + ")",
              "break it where the idea changes; a heading or a list may carry the structure");
        }
        continue;
      }
      int start = 0;
      for (int i = 0; i <= text.length(); i++) {
        boolean end = i == text.length()
            || ((text.charAt(i) == '.' || text.charAt(i) == '!' || text.charAt(i) == '?')
                && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))));
        if (!end) continue;
        int words = words(text, start, i);
        if (words > maxWords) {
          hints.add(name(), asError, writeUp.at(block, firstLetter(text, start)),
              "this sentence has " + words + " words (more than " + maxWords + ")",
              "split it in two or three: one idea a sentence is easier to follow for readers beyond the team");
        }
        start = i + 1;
      }
    }
  }

  private static int firstLetter(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
    return i;
  }

  /** Words: runs of non-space characters. */
  static int words(String text, int from, int to) {
    int n = 0;
    boolean in = false;
    for (int i = from; i < to; i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !in) n++;
      in = !space;
    }
    return n;
  }
}
