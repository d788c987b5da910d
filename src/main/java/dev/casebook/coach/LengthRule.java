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
    var blocks = writeUp.prose.blocks();
    for (int b = 0; b < blocks.size(); b++) {
      ProseBlock block = blocks.get(b);
      if (block.kind() != ProseBlock.Kind.PARAGRAPH) continue;
      String text = block.text();
      BlockScan counted = writeUp.scan(b);
      if (!sentences) {
        int words = counted.totalWords();
        if (words > maxWords) {
          hints.add(name(), asError, writeUp.at(block, firstLetter(text, 0)),
              "this paragraph has " + words + " words (more than " + maxWords + ")",
              "break it where the idea changes; a heading or a list may carry the structure");
        }
        continue;
      }
      for (int s = 0; s < counted.sentenceWords().length; s++) {
        int words = counted.sentenceWords()[s];
        if (words > maxWords) {
          hints.add(name(), asError, writeUp.at(block, firstLetter(text, counted.sentenceStarts()[s])),
              "this sentence has " + words + " words (more than " + maxWords + ")",
              "split it in two or three: one idea a sentence is easier to follow for readers beyond the team");
        }
      }
    }
  }

  private static int firstLetter(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
    return i;
  }
}
