package dev.casebook.scaffold;

import java.time.LocalDate;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the next free id from an id format such as {@code INC-{year}-{seq:3}}: {@code {year}}
 * is the year of the date, {@code {seq:N}} the next number in that year's sequence, padded to N
 * digits ({@code {seq}} is not padded).
 */
public final class IdSequence {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(year|seq)(?::(\\d+))?}");

  private IdSequence() {}

  public static String next(String format, LocalDate date, Collection<String> existingIds) {
    StringBuilder regex = new StringBuilder();
    int width = 0;
    int last = 0;
    Matcher m = PLACEHOLDER.matcher(format);
    while (m.find()) {
      regex.append(Pattern.quote(format.substring(last, m.start())));
      if (m.group(1).equals("year")) {
        regex.append(date.getYear());
      } else {
        regex.append("(\\d+)");
        width = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      }
      last = m.end();
    }
    regex.append(Pattern.quote(format.substring(last)));
    Pattern existing = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    long max = 0;
    for (String id : existingIds) {
      Matcher e = existing.matcher(id);
      if (e.matches()) {
        try {
          max = Math.max(max, Long.parseLong(e.group(1)));
        } catch (NumberFormatException ignored) {
          // a sequence too long to be a number is not ours
        }
      }
    }
    String number = String.valueOf(max + 1);
    String seq = number.length() < width ? "0".repeat(width - number.length()) + number : number;
    String year = String.valueOf(date.getYear());
    return PLACEHOLDER.matcher(format).replaceAll(r -> r.group(1).equals("year") ? year : Matcher.quoteReplacement(seq));
  }
}
