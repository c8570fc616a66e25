package org.engagement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency JPY = Currency.getInstance("JPY");

  @Test
  void parsesExactlyIntoMinorUnits() {
    assertThat(Money.parse("19.99", "USD")).isEqualTo(Money.ofMinor(1999, USD));
    assertThat(Money.parse("1500", "jpy")).isEqualTo(Money.ofMinor(1500, JPY));
    assertThat(Money.parse("1.234", "KWD").minorUnits()).isEqualTo(1234);
    assertThat(Money.parse("2.50", "USD")).isEqualTo(Money.parse("2.5", "USD"));
    assertThat(Money.parse("1e2", "USD").minorUnits()).isEqualTo(10_000);
  }

  @Test
  void refusesMoreDecimalPlacesThanTheCurrencyHas() {
    assertThatThrownBy(() -> Money.parse("19.999", "USD"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("amount '19.999'")
        .hasMessageContaining("at most 2 decimal places for USD");
    assertThatThrownBy(() -> Money.parse("1.5", "JPY")).hasMessageContaining("at most 0 decimal places");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "0x10", "12,50", "", "abc", "1.2.3"})
  void refusesTextThatIsNotAPlainDecimal(String text) {
    assertThatThrownBy(() -> Money.parse(text, "EUR"))
        .isInstanceOf(InvalidFieldException.class)
        .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("amount"))
        .hasMessageContaining("must be a decimal number");
  }

  @Test
  void refusesUnknownAndPseudoCurrencies() {
    assertThatThrownBy(() -> Money.parse("1", "EURO")).hasMessageContaining("currency 'EURO'")
        .hasMessageContaining("ISO 4217");
    assertThatThrownBy(() -> Money.zero(Currency.getInstance("XXX"))).hasMessageContaining("minor units");
  }

  @org.junit.jupiter.api.Timeout(5)
  @ParameterizedTest
  @ValueSource(strings = {"1E+2147483647", "1e999999999", "1E-2147483647", "1e-100000", "1e100000", "1e20"})
  void refusesExtremeExponentsQuicklyAndWithoutOverflow(String text) {
    assertThatThrownBy(() -> Money.parse(text, "USD"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("amount '");
  }

  @Test
  void refusesAmountsBeyondLongRange() {
    assertThatThrownBy(() -> Money.of(new BigDecimal("1e30"), USD)).hasMessageContaining("too large");
  }

  @Test
  void arithmeticIsExactAndRefusesMixedCurrencies() {
    Money a = Money.parse("0.10", "USD");
    Money b = Money.parse("0.20", "USD");
    assertThat(a.plus(b)).isEqualTo(Money.parse("0.30", "USD"));
    assertThat(a.minus(b).isNegative()).isTrue();
    assertThat(a.compareTo(b)).isNegative();
    assertThatThrownBy(() -> a.plus(Money.parse("1", "EUR"))).hasMessageContaining("must match USD");
    assertThatThrownBy(() -> Money.ofMinor(Long.MAX_VALUE, USD).plus(Money.ofMinor(1, USD)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void showsAmountWithTheCurrencysDecimals() {
    assertThat(Money.ofMinor(5, USD)).hasToString("0.05 USD");
    assertThat(Money.ofMinor(5, USD).amount()).isEqualByComparingTo("0.05");
  }
}
