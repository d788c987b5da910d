package dev.casebook.yaml;

import dev.casebook.diag.Diagnostics;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads typed values from mapping entries, reporting a wrong type at the value's own position.
 * Each method returns empty when the value is missing, empty or wrong; the caller decides
 * whether a missing value is an error.
 */
public final class YamlFields {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final Diagnostics diagnostics;

  public YamlFields(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** A single value written as a scalar. Lists and mappings are errors. */
  public Optional<String> string(YamlMap.Entry entry) {
    YamlNode value = entry.value();
    if (value instanceof YamlScalar s) {
      if (s.isNull() || s.text().isBlank()) return Optional.empty();
      return Optional.of(s.text().strip());
    }
    String hint = value instanceof YamlList ? "write a single value, not a list" : null;
    diagnostics.error(value.position(),
        "'" + entry.key() + "' must be a single value, not " + value.describe(), hint);
    return Optional.empty();
  }

  /** A list of single values. A lone scalar is an error, so that a typo cannot hide. */
  public List<String> stringList(YamlMap.Entry entry) {
    return scalarList(entry).stream().map(s -> s.text().strip()).toList();
  }

  /** Like {@link #stringList} but keeps each item's position. */
  public List<YamlScalar> scalarList(YamlMap.Entry entry) {
    YamlNode value = entry.value();
    if (value instanceof YamlScalar s && s.isNull()) return List.of();
    if (value instanceof YamlList list) {
      List<YamlScalar> out = new ArrayList<>();
      for (YamlNode item : list.items()) {
        if (item instanceof YamlScalar s && !s.isNull() && !s.text().isBlank()) {
          out.add(s);
        } else {
          diagnostics.error(item.position(),
              "every item of '" + entry.key() + "' must be a single value, not " + item.describe());
        }
      }
      return out;
    }
    String hint = value instanceof YamlScalar s ? "write it as a list: [" + s.text().strip() + "]" : null;
    diagnostics.error(value.position(),
        "'" + entry.key() + "' must be a list, not " + value.describe(), hint);
    return List.of();
  }

  public Optional<Boolean> bool(YamlMap.Entry entry) {
    YamlNode value = entry.value();
    if (value instanceof YamlScalar s) {
      if (s.isNull()) return Optional.empty();
      String text = s.text().strip();
      if (text.equals("true") || text.equals("false")) return Optional.of(text.equals("true"));
    }
    diagnostics.error(value.position(), "'" + entry.key() + "' must be true or false");
    return Optional.empty();
  }

  /** A calendar date written {@code YYYY-MM-DD}. */
  public Optional<LocalDate> date(YamlMap.Entry entry) {
    Optional<String> text = scalarText(entry, "a date (YYYY-MM-DD)");
    if (text.isEmpty()) return Optional.empty();
    String t = text.get();
    String hint = "expected YYYY-MM-DD";
    if (DATE.matcher(t).matches()) {
      try {
        return Optional.of(LocalDate.parse(t));
      } catch (DateTimeParseException e) {
        hint = calendarHint(t);
      }
    }
    diagnostics.error(entry.value().position(), "invalid date '" + t + "' in '" + entry.key() + "'", hint);
    return Optional.empty();
  }

  /** Why a date written YYYY-MM-DD is not a day of the calendar. */
  private static String calendarHint(String yyyyMmDd) {
    int year = Integer.parseInt(yyyyMmDd.substring(0, 4));
    int month = Integer.parseInt(yyyyMmDd.substring(5, 7));
    if (month < 1 || month > 12) return "months go from 01 to 12";
    YearMonth ym = YearMonth.of(year, month);
    return ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year
        + " has " + ym.lengthOfMonth() + " days";
  }

  /**
   * An ISO-8601 timestamp: with an offset ({@code 2024-03-05T14:02:00Z}) or without one, in
   * which case {@code zone} applies. A space may stand for the {@code T}.
   */
  public Optional<Instant> timestamp(YamlMap.Entry entry, ZoneId zone) {
    Optional<String> text = scalarText(entry, "a timestamp");
    if (text.isEmpty()) return Optional.empty();
    Optional<Instant> parsed = parseTimestamp(text.get(), zone);
    if (parsed.isEmpty()) {
      diagnostics.error(entry.value().position(),
          "invalid timestamp '" + text.get() + "' in '" + entry.key() + "'",
          "expected ISO-8601 such as 2024-03-05T14:02:00Z");
    }
    return parsed;
  }

  public static Optional<Instant> parseTimestamp(String raw, ZoneId zone) {
    String t = raw.strip();
    if (t.length() > 10 && t.charAt(10) == ' ') t = t.substring(0, 10) + "T" + t.substring(11);
    t = t.replace(" ", "");
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      // try without an offset
    }
    try {
      return Optional.of(LocalDateTime.parse(t).atZone(zone).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private Optional<String> scalarText(YamlMap.Entry entry, String expected) {
    YamlNode value = entry.value();
    if (value instanceof YamlScalar s) {
      if (s.isNull() || s.text().isBlank()) return Optional.empty();
      return Optional.of(s.text().strip());
    }
    diagnostics.error(value.position(), "'" + entry.key() + "' must be " + expected + ", not " + value.describe());
    return Optional.empty();
  }
}
