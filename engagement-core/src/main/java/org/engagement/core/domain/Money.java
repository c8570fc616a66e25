package org.engagement.core.domain;

import static java.util.Objects.requireNonNull;
import static org.engagement.core.domain.InvalidFieldException.requirePresent;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount of money in one currency, held exactly as a whole number of the currency's minor units
 * (cents for USD, yen for JPY, fils for KWD).
 *
 * <p>There is no floating point in money: amounts parse from decimal text exactly, and an amount with
 * more decimal places than its currency has is rejected rather than rounded, so an import never changes
 * a figure silently. Amounts may be negative (refunds, differences); fields that must not be negative
 * say so. Arithmetic is exact and fails on overflow or on mixing currencies.
 *
 * <p>Immutable and thread-safe.
 *
 * @param currency the ISO 4217 currency; currencies without minor units defined (such as XXX) are refused
 * @param minorUnits the amount in minor units of {@code currency}
 * @since 0.1.0
 */
public record Money(Currency currency, long minorUnits) implements Comparable<Money>, Serializable {
  /** More integer digits than this cannot fit a {@code long} of minor units. */
  private static final int MAX_INTEGER_DIGITS = 19;
  /** More decimal places than this are refused before normalising (no currency has more than 4). */
  private static final int MAX_SCALE = 30;

  /**
   * Validates the currency.
   *
   * @throws InvalidFieldException if the currency has no defined minor unit (pseudo-currencies)
   */
  public Money {
    requirePresent(currency, "currency");
    if (currency.getDefaultFractionDigits() < 0) {
      throw new InvalidFieldException(
          "currency", currency.getCurrencyCode(), "must be a currency with defined minor units");
    }
  }

  /** Zero in {@code currency}. */
  public static Money zero(Currency currency) {
    return new Money(currency, 0);
  }

  /** The amount given in minor units of {@code currency}. */
  public static Money ofMinor(long minorUnits, Currency currency) {
    return new Money(currency, minorUnits);
  }

  /**
   * The amount {@code amount} of {@code currency}, exactly.
   *
   * @throws InvalidFieldException if the amount has more decimal places than the currency allows or
   *     does not fit in a {@code long} of minor units
   */
  public static Money of(BigDecimal amount, Currency currency) {
    requirePresent(amount, "amount");
    requirePresent(currency, "currency");
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new InvalidFieldException(
          "currency", currency.getCurrencyCode(), "must be a currency with defined minor units");
    }
    checkMagnitude(amount);
    BigDecimal minor = amount.movePointRight(digits);
    if (minor.signum() != 0 && minor.stripTrailingZeros().scale() > 0) {
      throw new InvalidFieldException(
          "amount", amount.toString(),
          "must have at most " + digits + " decimal places for " + currency.getCurrencyCode());
    }
    try {
      return new Money(currency, minor.longValueExact());
    } catch (ArithmeticException e) {
      throw new InvalidFieldException("amount", amount.toString(), "is too large");
    }
  }

  /**
   * Refuses amounts whose size alone rules them out, before any arithmetic: {@code 1E+2147483647} would
   * overflow and {@code 1E-99999999} would take minutes to normalise.
   */
  private static void checkMagnitude(BigDecimal amount) {
    if (amount.signum() == 0) {
      return;
    }
    long integerDigits = (long) amount.precision() - amount.scale();
    if (integerDigits > MAX_INTEGER_DIGITS) {
      throw new InvalidFieldException("amount", amount.toString(), "is too large");
    }
    if (amount.scale() > MAX_SCALE) {
      throw new InvalidFieldException("amount", amount.toString(),
          "must have at most " + MAX_SCALE + " decimal places");
    }
  }

  /**
   * Parses decimal text such as {@code 19.99} or {@code -5} in the currency with ISO code
   * {@code currencyCode}.
   *
   * @throws InvalidFieldException if the amount is not a plain decimal number (NaN, infinity and
   *     hexadecimal are refused), has too many decimal places, or the currency code is unknown
   */
  public static Money parse(String amount, String currencyCode) {
    return of(parseAmount("amount", amount), currency("currency", currencyCode));
  }

  /**
   * Parses a decimal number in the SDK's {@linkplain NumberSyntax number syntax}: ASCII digits only; NaN,
   * infinities and anything that is not decimal text are refused.
   *
   * @throws InvalidFieldException naming {@code field} if the text is not a decimal number
   */
  public static BigDecimal parseAmount(String field, String text) {
    return NumberSyntax.decimal(field, text);
  }

  /**
   * The currency with ISO 4217 code {@code code} (upper case expected, lower case accepted).
   *
   * @throws InvalidFieldException naming {@code field} if the code is not a known ISO 4217 code
   */
  public static Currency currency(String field, String code) {
    requirePresent(code, field);
    try {
      return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(field, code, "must be an ISO 4217 currency code such as EUR");
    }
  }

  /** The amount as an exact decimal with the currency's number of decimal places. */
  public BigDecimal amount() {
    return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
  }

  /** Whether the amount is below zero. */
  public boolean isNegative() {
    return minorUnits < 0;
  }

  /** Whether the amount is zero. */
  public boolean isZero() {
    return minorUnits == 0;
  }

  /**
   * The sum of this and {@code other}.
   *
   * @throws IllegalArgumentException if the currencies differ
   * @throws ArithmeticException if the sum overflows
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(currency, Math.addExact(minorUnits, other.minorUnits));
  }

  /**
   * The difference of this and {@code other}.
   *
   * @throws IllegalArgumentException if the currencies differ
   * @throws ArithmeticException if the difference overflows
   */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(currency, Math.subtractExact(minorUnits, other.minorUnits));
  }

  /**
   * Orders amounts of the same currency.
   *
   * @throws IllegalArgumentException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minorUnits, other.minorUnits);
  }

  private void requireSameCurrency(Money other) {
    requireNonNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new InvalidFieldException(
          "currency", other.currency.getCurrencyCode(),
          "must match " + currency.getCurrencyCode() + " (no implicit conversion)");
    }
  }

  /** The amount as plain decimal text followed by the currency code, for example {@code 19.99 USD}. */
  @Override
  public String toString() {
    return amount().toPlainString() + " " + currency.getCurrencyCode();
  }
}
