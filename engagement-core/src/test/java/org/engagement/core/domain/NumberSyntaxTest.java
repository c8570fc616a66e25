package org.engagement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NumberSyntaxTest {

  @ParameterizedTest
  @ValueSource(strings = {"12", "-0.5", ".25", "3.", "1e-3", "+2E6", " 7 ", "007", "1E+2147483647"})
  void acceptsAsciiDecimalNumbers(String text) {
    assertThat(NumberSyntax.isNumber(text)).isTrue();
    assertThat(NumberSyntax.decimal("n", text)).isEqualTo(new BigDecimal(text.strip()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"１２", "١٢", "12\u0660", "NaN", "Infinity", "-Infinity", "0x1p3", "1d", "2f", "1,000",
      "1_000", "0,5", "", " ", "+", ".", "e3", "1e", "1e+", "--1", "1 2", "1.2.3"})
  void refusesEverythingElse(String text) {
    assertThat(NumberSyntax.isNumber(text)).isFalse();
    assertThatThrownBy(() -> NumberSyntax.decimal("amount", text))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageEndingWith("is invalid: must be a decimal number in ASCII digits, such as 12.5");
  }

  @Test
  void fullWidthDigitsAreNotNumbersThoughTheJdkParsersTakeThem() {
    assertThat(Integer.parseInt("１２")).as("the JDK's own reading").isEqualTo(12);
    assertThatThrownBy(() -> NumberSyntax.whole("x", "１２", 0, 100))
        .hasMessage("x '１２' is invalid: must be a whole number from 0 to 100");
  }

  @Test
  void refusesLongTextInLinearTime() {
    String million = "9".repeat(1_000_000);
    long started = System.nanoTime();
    assertThatThrownBy(() -> NumberSyntax.number("x", million, 0, Double.POSITIVE_INFINITY))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("... (1000000 characters)");
    assertThat(System.nanoTime() - started).as("nanoseconds").isLessThan(2_000_000_000L);
  }

  @Test
  void numbersMustBeFiniteAndInTheStatedRange() {
    assertThat(NumberSyntax.number("s", "-1", -1, 1)).isEqualTo(-1.0);
    assertThatThrownBy(() -> NumberSyntax.number("s", "1.5", -1, 1))
        .hasMessage("s '1.5' is invalid: must be a number from -1 to 1");
    assertThatThrownBy(() -> NumberSyntax.number("t", "1e999", 0, Double.POSITIVE_INFINITY))
        .hasMessage("t '1e999' is invalid: must be a finite number not below 0");
    assertThatThrownBy(() -> NumberSyntax.number("t", "-0.1", 0, Double.POSITIVE_INFINITY))
        .hasMessage("t '-0.1' is invalid: must be a finite number not below 0");
    assertThat(NumberSyntax.rangeRule(Double.NEGATIVE_INFINITY, 1e15))
        .isEqualTo("must be a finite number not above 1000000000000000");
    assertThat(NumberSyntax.rangeRule(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY))
        .isEqualTo("must be a finite number");
  }

  /** A bound past 21 plain characters is written with an exponent, not as its 309 (or 300) digits. */
  @Test
  void aHugeOrTinyBoundIsWrittenWithAnExponent() {
    assertThat(NumberSyntax.rangeRule(-Double.MAX_VALUE, Double.MAX_VALUE))
        .isEqualTo("must be a number from -1.7976931348623157E+308 to 1.7976931348623157E+308");
    assertThat(NumberSyntax.rangeRule(1e-300, Double.POSITIVE_INFINITY))
        .isEqualTo("must be a finite number not below 1E-300");
    assertThat(NumberSyntax.rangeRule(0.001, 1e20)).isEqualTo("must be a number from 0.001 to 100000000000000000000");
  }

  @Test
  void wholeNumbersSayTheirRange() {
    assertThat(NumberSyntax.whole("x", "2.0", 0, Integer.MAX_VALUE)).isEqualTo(2);
    assertThat(NumberSyntax.whole("x", "2e3", 0, Integer.MAX_VALUE)).isEqualTo(2000);
    assertThat(NumberSyntax.whole("x", "-0", 0, 5)).isZero();
    for (String bad : new String[] {"2147483648", "1.5", "-1", "1e999999999", "1e99999999999", "abc"}) {
      assertThatThrownBy(() -> NumberSyntax.whole("frequency", bad, 0, Integer.MAX_VALUE))
          .hasMessage("frequency '" + bad + "' is invalid: must be a whole number from 0 to 2147483647");
    }
  }

  /**
   * Plain digit strings take a short way (no {@link BigDecimal}); it must give what the exact way gives, value or
   * message, at every length up to a {@code long}'s and beyond, with leading zeros, white space and each side of
   * the range.
   */
  @Test
  void plainDigitsGiveWhatTheExactWayGives() {
    java.util.Random random = new java.util.Random(16);
    for (int i = 0; i < 20_000; i++) {
      int length = 1 + random.nextInt(20);
      StringBuilder digits = new StringBuilder();
      for (int d = 0; d < length; d++) {
        digits.append((char) ('0' + random.nextInt(random.nextInt(4) == 0 ? 2 : 10)));
      }
      String text = random.nextInt(5) == 0 ? " " + digits + " " : digits.toString();
      long min = random.nextBoolean() ? 0 : random.nextInt(1000);
      long max = random.nextBoolean() ? Long.MAX_VALUE : random.nextInt(100_000);
      BigDecimal exact = new BigDecimal(digits.toString());
      if (exact.compareTo(BigDecimal.valueOf(min)) >= 0 && exact.compareTo(BigDecimal.valueOf(max)) <= 0) {
        assertThat(NumberSyntax.whole("audience", text, min, max)).as(text).isEqualTo(exact.longValueExact());
      } else {
        assertThatThrownBy(() -> NumberSyntax.whole("audience", text, min, max)).as(text)
            .isInstanceOf(InvalidFieldException.class)
            .hasMessage("audience '" + text + "' is invalid: must be a whole number from " + min + " to " + max);
      }
    }
  }

  @Test
  void plainDecimalsGiveWhatTheGeneralParserGives() {
    java.util.Random random = new java.util.Random(16);
    for (int i = 0; i < 50_000; i++) {
      int whole = 1 + random.nextInt(10);
      int fraction = random.nextInt(4) == 0 ? 0 : random.nextInt(10);
      StringBuilder text = new StringBuilder(random.nextInt(3) == 0 ? "-" : "");
      for (int d = 0; d < whole + fraction; d++) {
        if (d == whole) {
          text.append('.');
        }
        text.append((char) ('0' + random.nextInt(random.nextInt(4) == 0 ? 2 : 10)));
      }
      String number = text.toString();
      String field = random.nextInt(5) == 0 ? " " + number + " " : number;
      double min = random.nextBoolean() ? -1 : -random.nextInt(1000) / 7.0;
      double max = random.nextBoolean() ? 1 : random.nextInt(100_000) / 3.0;
      double general = Double.parseDouble(number);
      if (general >= min && general <= max) {
        // bit for bit, so -0 stays -0
        assertThat(Double.doubleToRawLongBits(NumberSyntax.number("sentiment", field, min, max))).as(field)
            .isEqualTo(Double.doubleToRawLongBits(general));
      } else {
        assertThatThrownBy(() -> NumberSyntax.number("sentiment", field, min, max)).as(field)
            .isInstanceOf(InvalidFieldException.class)
            .hasMessage("sentiment '" + field + "' is invalid: " + NumberSyntax.rangeRule(min, max));
      }
    }
    assertThat(Double.doubleToRawLongBits(NumberSyntax.number("s", "-0.0", -1, 1)))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(NumberSyntax.number("s", "0.1", -1, 1)).isEqualTo(0.1);
    assertThat(NumberSyntax.number("s", "3.", 0, 5)).isEqualTo(3.0);
    assertThat(NumberSyntax.number("s", ".25", 0, 5)).isEqualTo(0.25);
    assertThat(NumberSyntax.number("s", "+0.5", 0, 5)).isEqualTo(0.5);
    assertThatThrownBy(() -> NumberSyntax.number("s", "1.2.3", 0, 5)).hasMessageEndingWith(NumberSyntax.RULE);
    assertThatThrownBy(() -> NumberSyntax.number("s", "-", 0, 5)).hasMessageEndingWith(NumberSyntax.RULE);
  }
}
