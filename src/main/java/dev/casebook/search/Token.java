package dev.casebook.search;

/**
 * One token of a field, as lunr's tokenizer makes it. {@code start} and {@code length} are UTF-16
 * offsets into the lower-cased field text (lunr's {@code position} metadata) and {@code index} is
 * the token's ordinal in the field, stop words included. Tokens made from the elements of an array
 * field carry no position and no index: all three are -1.
 */
public record Token(String text, int start, int length, int index) {

  /** A token made from one element of an array field. */
  public static Token element(String text) {
    return new Token(text, -1, -1, -1);
  }

  /** Whether the token has position and index metadata (it came from a string field). */
  public boolean hasPosition() {
    return index >= 0;
  }
}
