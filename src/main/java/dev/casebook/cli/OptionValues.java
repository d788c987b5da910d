package dev.casebook.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values read with messages in the user's terms (picocli names the option in front). */
final class OptionValues {
  private OptionValues() {}

  /** A day as YYYY-MM-DD. */
  static final class Day implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a date (expected YYYY-MM-DD)");
      }
    }
  }

  /** A whole number. */
  static final class WholeNumber implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        return Integer.valueOf(value.strip());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a whole number");
      }
    }
  }

  /** A TCP port: 0 to 65535 (0 picks a free one). */
  static final class Port implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int port = Integer.parseInt(value.strip());
        if (port >= 0 && port <= 65535) return port;
      } catch (NumberFormatException e) {
        // said below
      }
      throw new TypeConversionException("'" + value + "' is not a port number (0 to 65535; 0 picks a free one)");
    }
  }
}
