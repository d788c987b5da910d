package dev.casebook.search;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers spelled the way JavaScript's {@code Number.prototype.toString} (and so {@code
 * JSON.stringify}) spells them: {@code 8} rather than {@code 8.0}, the shortest digits that read
 * back as the same double, plain notation from 1e-7 up to 1e21 and {@code 1e+21} style beyond.
 */
public final class JsNumbers {
  /** Below this every whole double is printed exactly: no shorter decimal reads back as it. */
  private static final double TWO_POW_53 = 0x1p53;

  private JsNumbers() {}

  /** The JavaScript spelling of {@code value}. */
  public static String toString(double value) {
    if (Double.isNaN(value)) return "NaN";
    if (Double.isInfinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    if (value == 0) return "0";
    double abs = Math.abs(value);
    if (value == Math.rint(value) && abs < TWO_POW_53) return Long.toString((long) value);
    String thousandths = thousandths(value);
    return thousandths != null ? thousandths : general(value);
  }

  /**
   * {@code k} when {@link #toString(double)} spells {@code value} as the decimal {@code k / 1000}
   * (lunr's rounded weights, whole numbers below 2^53 included), else {@link Long#MIN_VALUE}.
   */
  static long thousandthsOf(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) return Long.MIN_VALUE;
    if (value == 0) return 0;
    if (value == Math.rint(value) && Math.abs(value) < TWO_POW_53) {
      long whole = (long) value;
      return Math.abs(whole) < Long.MAX_VALUE / 1000 ? whole * 1000 : Long.MIN_VALUE;
    }
    double scaled = value * 1000;
    if (!(Math.abs(scaled) < 1e15)) return Long.MIN_VALUE;
    long k = Math.round(scaled);
    return k / 1000.0 == value ? k : Long.MIN_VALUE;
  }

  /** The JavaScript spelling of a whole number. */
  public static String toString(long value) {
    return Long.toString(value);
  }

  /**
   * Fast path for the values lunr stores, {@code Math.round(x * 1000) / 1000}. When {@code value}
   * is the double nearest to {@code k / 1000} for some {@code |k| < 1e15}, that decimal has at most
   * 15 significant digits, so it is the only short decimal that reads back as {@code value}: it is
   * exactly what JavaScript prints.
   */
  private static String thousandths(double value) {
    double scaled = value * 1000;
    if (!(Math.abs(scaled) < 1e15)) return null;
    long k = Math.round(scaled);
    if (k / 1000.0 != value) return null;
    StringBuilder out = new StringBuilder(24);
    if (k < 0) out.append('-');
    long abs = Math.abs(k);
    out.append(abs / 1000);
    int fraction = (int) (abs % 1000);
    if (fraction != 0) {
      out.append('.');
      int digits = 3;
      while (fraction % 10 == 0) {
        fraction /= 10;
        digits--;
      }
      String f = Integer.toString(fraction);
      for (int i = f.length(); i < digits; i++) out.append('0');
      out.append(f);
    }
    return out.toString();
  }

  /** The shortest round-tripping digits, laid out by the ECMAScript Number::toString rules. */
  private static String general(double value) {
    BigDecimal exact = new BigDecimal(value);
    BigDecimal shortest = exact;
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == value) {
        shortest = candidate;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    String digits = shortest.unscaledValue().abs().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    StringBuilder out = new StringBuilder(32);
    if (value < 0) out.append('-');
    if (k <= n && n <= 21) {
      out.append(digits);
      for (int i = k; i < n; i++) out.append('0');
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.");
      for (int i = n; i < 0; i++) out.append('0');
      out.append(digits);
    } else {
      int exponent = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) out.append('.').append(digits, 1, k);
      out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
    }
    return out.toString();
  }
}
