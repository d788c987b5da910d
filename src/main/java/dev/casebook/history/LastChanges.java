package dev.casebook.history;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The day of the last commit that changed each file, by path relative to the library root. A
 * file that was only moved since keeps the day its content last changed.
 */
public record LastChanges(Map<String, LocalDate> days) {
  public static final LastChanges NONE = new LastChanges(Map.of());

  public LastChanges {
    days = Map.copyOf(days);
  }

  /** The day the file at {@code path} last changed in a commit, if git knows it. */
  public Optional<LocalDate> of(String path) {
    return Optional.ofNullable(days.get(path));
  }
}
