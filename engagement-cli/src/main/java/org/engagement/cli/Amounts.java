package org.engagement.cli;

import java.math.BigDecimal;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.NumberSyntax;

/**
 * The amounts of the {@code value} command's transactions: decimals in the syntax of every reader
 * ({@link NumberSyntax}: ASCII digits, an exponent allowed, {@code 1.5E3}), not negative, at most {@value #MAX_TEXT} ({@link #MAX}) and with at most
 * {@value #MAX_DECIMALS} decimal places once trailing zeros are dropped, written in at most {@value
 * #MAX_LENGTH} characters. The bounds keep every sum exact and finite and its work small: an amount such as
 * {@code 1e-999999999} would otherwise cost a billion digits, and two of {@code 1e308} a total no {@code
 * double} holds.
 */
final class Amounts {
  /** The largest amount, as written in messages. */
  static final String MAX_TEXT = "1000000000000000";
  /** The largest amount: 10^15. */
  static final BigDecimal MAX = new BigDecimal(MAX_TEXT);
  /** The most decimal places an amount may have. */
  static final int MAX_DECIMALS = 18;
  /** The longest amount text. */
  static final int MAX_LENGTH = 64;
  private static final String FIELD = "amount";

  private Amounts() {}

  /**
   * The amount written as {@code text} (trimmed), exactly, with its decimal places as written (trailing
   * zeros beyond {@value #MAX_DECIMALS} places dropped) and none below the units.
   *
   * @throws InvalidFieldException naming the column, the value and the rule it breaks
   */
  static BigDecimal parse(String text) {
    String s = text.strip();
    if (s.length() > MAX_LENGTH) {
      throw new InvalidFieldException(FIELD, s, "must be at most " + MAX_LENGTH + " characters long");
    }
    BigDecimal amount = NumberSyntax.decimal(FIELD, s);
    if (amount.signum() < 0) {
      throw new InvalidFieldException(FIELD, s, "must not be negative");
    }
    if (amount.compareTo(MAX) > 0) {
      throw new InvalidFieldException(FIELD, s, "must be at most " + MAX_TEXT);
    }
    BigDecimal exact = amount.stripTrailingZeros();
    if (exact.scale() > MAX_DECIMALS) {
      throw new InvalidFieldException(FIELD, s, "must have at most " + MAX_DECIMALS + " decimal places");
    }
    BigDecimal kept = amount.scale() > MAX_DECIMALS ? exact : amount;
    return kept.scale() < 0 ? kept.setScale(0) : kept;
  }
}
