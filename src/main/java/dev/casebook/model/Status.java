package dev.casebook.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where a write-up is in its review. */
public enum Status {
  DRAFT("draft"),
  IN_REVIEW("in-review"),
  PUBLISHED("published");

  private final String word;

  Status(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static Optional<Status> parse(String text) {
    return Arrays.stream(values()).filter(s -> s.word.equals(text)).findFirst();
  }

  public static List<String> words() {
    return Arrays.stream(values()).map(Status::word).toList();
  }
}
