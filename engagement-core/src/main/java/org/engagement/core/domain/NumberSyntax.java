package org.engagement.core.domain;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The one syntax of numbers written as text in the SDK's inputs (CSV files, path files, parameters read
 * from text), so that every reader accepts and refuses the same things.
 *
 * <p>A number is an optional sign, ASCII digits with an optional {@code .} and fraction, and an optional
 * exponent: {@code 12}, {@code -0.5}, {@code .25}, {@code 3.}, {@code 1e-3}, {@code +2E6}. Surrounding white
 * space is ignored. Refused: digits of other scripts ({@code １２}, {@code ١٢}; {@link Integer#parseInt} and
 * {@link BigDecimal#BigDecimal(String)} accept them), {@code NaN} and {@code Infinity}, hexadecimal, type
 * suffixes ({@code 1d}, {@code 2f}), thousands separators and decimal commas, and text longer than
 * {@value #MAX_LENGTH} characters (so that no reader spends more than linear time on one field: converting a
 * million-digit number costs seconds). A number that parses must also be finite and inside the range the
 * reader states; the message says which range.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class NumberSyntax {
  /** The longest number accepted, in characters after trimming. */
  public static final int MAX_LENGTH = 100;

  /** The most digits of a plain decimal taken without the general parser: their value is below 2^53. */
  private static final int PLAIN_DECIMAL_DIGITS = 15;
  private static final int PLAIN_BOUND_LENGTH = 21;

  /** 10^0 to 10^15, each exact as a double. */
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  /** The most ASCII digits a {@code long} always holds. */
  private static final int PLAIN_DIGITS = 18;

  /** The rule a text breaks when it is not a number at all. */
  public static final String RULE = "must be a decimal number in ASCII digits, such as 12.5";

  private NumberSyntax() {}

  /**
   * Whether {@code text} (trimmed) is a number in this syntax; does not check any range.
   */
  public static boolean isNumber(String text) {
    String s = text.strip();
    return s.length() <= MAX_LENGTH && wellFormed(s);
  }

  /**
   * Parses a decimal number exactly.
   *
   * @param field the field or column to name in the error
   * @throws InvalidFieldException naming {@code field} if {@code text} is not a number in this syntax
   */
  public static BigDecimal decimal(String field, String text) {
    requireNonNull(field, "field");
    InvalidFieldException.requirePresent(text, field);
    String s = text.strip();
    if (s.length() > MAX_LENGTH || !wellFormed(s)) {
      throw new InvalidFieldException(field, text, RULE);
    }
    return exact(field, text, s, "must have an exponent from -2147483647 to 2147483647");
  }

  /**
   * Parses a finite number from {@code min} to {@code max} (inclusive; pass an infinity for no bound).
   *
   * @param field the field or column to name in the error
   * @throws InvalidFieldException naming {@code field} if {@code text} is not a number in this syntax, or is
   *     not finite (such as {@code 1e999}), or is outside the range
   */
  public static double number(String field, String text, double min, double max) {
    requireNonNull(field, "field");
    InvalidFieldException.requirePresent(text, field);
    String s = text.strip();
    double plain = plainDecimal(s);
    if (plain >= min && plain <= max) {
      return plain;
    }
    if (s.length() > MAX_LENGTH || !wellFormed(s)) {
      throw new InvalidFieldException(field, text, RULE);
    }
    double value = Double.parseDouble(s);
    if (!Double.isFinite(value) || value < min || value > max) {
      throw new InvalidFieldException(field, text, rangeRule(min, max));
    }
    return value;
  }

  /**
   * Parses a whole number from {@code min} to {@code max} (inclusive). A number with a fraction of zeros or an
   * exponent that makes it whole ({@code 3.0}, {@code 2e3}) is whole.
   *
   * @param field the field or column to name in the error
   * @throws InvalidFieldException naming {@code field} and the range if {@code text} is not a whole number in
   *     this syntax from {@code min} to {@code max}
   */
  public static long whole(String field, String text, long min, long max) {
    requireNonNull(field, "field");
    InvalidFieldException.requirePresent(text, field);
    String s = text.strip();
    long plain = plainDigits(s);
    if (plain >= 0 && plain >= min && plain <= max) {
      return plain;
    }
    String rule = "must be a whole number from " + min + " to " + max;
    if (s.length() > MAX_LENGTH || !wellFormed(s)) {
      throw new InvalidFieldException(field, text, rule);
    }
    BigDecimal value = exact(field, text, s, rule);
    boolean fraction = value.signum() != 0 && value.stripTrailingZeros().scale() > 0;
    if (fraction || value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidFieldException(field, text, rule);
    }
    return value.longValueExact();
  }

  /**
   * The value of {@code s} if it is an optional {@code -}, then 1 to {@value #PLAIN_DECIMAL_DIGITS} ASCII digits in
   * all with at most one {@code .} between two of them (the common case: a score such as {@code -0.09}), or NaN. Such
   * a text is well formed, and its value is its digits as a whole number (below 2^53, so exact as a double) divided
   * by a power of ten (at most 10^15, exact too): one correctly rounded division, so it equals the correctly rounded
   * {@link Double#parseDouble} of the text (Clinger's fast path), without the general parser (issue 16: a feed's
   * sentiment on every row). Any other text goes the general way.
   */
  private static double plainDecimal(String s) {
    int n = s.length();
    if (n == 0 || n > PLAIN_DECIMAL_DIGITS + 2) {
      return Double.NaN;
    }
    boolean negative = s.charAt(0) == '-';
    long digits = 0;
    int count = 0;
    int fraction = -1;
    for (int i = negative ? 1 : 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '.' && fraction < 0 && count > 0) {
        fraction = 0;
      } else if (isDigit(c)) {
        digits = digits * 10 + (c - '0');
        count++;
        if (fraction >= 0) {
          fraction++;
        }
      } else {
        return Double.NaN;
      }
    }
    if (count == 0 || count > PLAIN_DECIMAL_DIGITS || fraction == 0) {
      return Double.NaN;
    }
    double value = fraction > 0 ? digits / POWERS_OF_TEN[fraction] : digits;
    return negative ? -value : value;
  }

  /**
   * The value of {@code s} if it is 1 to 18 ASCII digits and nothing else (the common case: a count, an audience),
   * or -1: such a text is well formed and its value fits a {@code long}, so {@link #whole} may take it without a
   * {@link BigDecimal}; any other text goes the exact way.
   */
  private static long plainDigits(String s) {
    int n = s.length();
    if (n == 0 || n > PLAIN_DIGITS) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** The exact value of the well-formed {@code s}; an exponent beyond an int breaks {@code rule}. */
  private static BigDecimal exact(String field, String text, String s, String rule) {
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new InvalidFieldException(field, text, rule);
    }
  }

  /**
   * The rule {@link #number} states for the range from {@code min} to {@code max}, for example {@code must be
   * a number from -1 to 1} or {@code must be a finite number not below 0}.
   */
  public static String rangeRule(double min, double max) {
    boolean low = min > Double.NEGATIVE_INFINITY;
    boolean high = max < Double.POSITIVE_INFINITY;
    if (low && high) {
      return "must be a number from " + plain(min) + " to " + plain(max);
    }
    if (low) {
      return "must be a finite number not below " + plain(min);
    }
    return high ? "must be a finite number not above " + plain(max) : "must be a finite number";
  }

  /**
   * {@code d} in plain digits where that takes at most {@value #PLAIN_BOUND_LENGTH} characters (every bound a reader
   * names today), else in exponent form, so that a bound such as {@code Double.MAX_VALUE} does not write out 309
   * digits into a rejection's rule.
   */
  private static String plain(double d) {
    if (d == 0) {
      return "0";
    }
    BigDecimal exact = BigDecimal.valueOf(d).stripTrailingZeros();
    String plain = exact.toPlainString();
    return plain.length() <= PLAIN_BOUND_LENGTH ? plain : exact.toString();
  }

  /** {@code [+-]? (d+ (. d*)? | . d+) ([eE] [+-]? d+)?} with ASCII digits {@code d}. */
  private static boolean wellFormed(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponent = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exponent++;
      }
      if (exponent == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
