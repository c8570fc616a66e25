package org.engagement.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2024-03-01T10:15:30Z|2024-03-01T10:15:30Z",
      "2024-03-01T11:15:30+01:00|2024-03-01T10:15:30Z",
      "2024-03-01T05:45:30-04:30|2024-03-01T10:15:30Z",
      "2024-03-01T10:15:30.5Z|2024-03-01T10:15:30.500Z",
      "2024-03-01T10:15:30.123456789Z|2024-03-01T10:15:30.123456789Z",
      "' 2024-03-01T10:15:30Z '|2024-03-01T10:15:30Z",
      "2024-02-29T23:59:59Z|2024-02-29T23:59:59Z",
      "2024-03-01T11:15:30+01:00[Europe/Paris]|2024-03-01T10:15:30Z",
      "2024-03-01T10:15Z|2024-03-01T10:15:00Z",
      "1969-12-31T23:59:59Z|1969-12-31T23:59:59Z",
  })
  void parsesDateTimesWithAnOffsetOrZone(String text, String expected) {
    assertThat(Timestamps.parseInstant("timestamp", text)).isEqualTo(Instant.parse(expected));
  }

  @Test
  void refusesLocalTimesAsAmbiguous() {
    assertThatThrownBy(() -> Timestamps.parseInstant("timestamp", "2024-03-01T10:15:30"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("timestamp '2024-03-01T10:15:30' is invalid: has no zone offset");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-03-01", "2024-02-30T10:00:00Z", "2023-02-29T10:00:00Z", "2024-03-01T24:00:00Z",
      "2024-03-01 10:15:30Z", "yesterday", "", "2024-03-01T10:15:30+25:00",
      "1709288130", "2024-03-01T10:15:30.1234567891Z", "2024-03-01T10:15:30+18:01", "2024-03-01T10:15:30-18:30"})
  void refusesAnythingElseWithTheExpectedForm(String text) {
    assertThatThrownBy(() -> Timestamps.parseInstant("ts", text))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("such as 2024-03-01T10:15:30Z");
  }

  @Property(tries = 500)
  void fastPathAgreesWithJavaTime(
      @ForAll @LongRange(min = -2_000_000_000L, max = 4_000_000_000L) long epochSecond,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
      @ForAll @IntRange(min = -18 * 4, max = 18 * 4) int quarterHours) {
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarterHours * 900);
    OffsetDateTime time = Instant.ofEpochSecond(epochSecond, nanos).atOffset(offset);
    assertThat(Timestamps.parseInstant("t", time.toString())).isEqualTo(time.toInstant());
  }

  /** Every day of the years 0 to 9999 that the common shape can write, against {@code LocalDate}. */
  @Test
  void epochDayAgreesWithLocalDateOnEveryDayOfTheFourDigitYears() {
    LocalDate last = LocalDate.of(9999, 12, 31);
    for (LocalDate date = LocalDate.of(0, 1, 1); !date.isAfter(last); date = date.plusDays(1)) {
      if (Timestamps.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()) != date.toEpochDay()) {
        throw new AssertionError(date + ": " + Timestamps.epochDay(date.getYear(), date.getMonthValue(),
            date.getDayOfMonth()) + " days, java.time says " + date.toEpochDay());
      }
    }
  }

  /**
   * Text of the common shape, dates and offsets valid or not (day 0 to 32, month 0 to 13, offsets to 19:59, 0 to
   * 10 fraction digits, a dot without digits), parses as {@code java.time}'s ISO offset date-time parses it, or is
   * refused where that refuses it.
   */
  @Property(tries = 2_000)
  void commonShapeAgreesWithJavaTimeOnValidAndInvalidFields(
      @ForAll @IntRange(min = 0, max = 9999) int year,
      @ForAll @IntRange(min = 0, max = 13) int month,
      @ForAll @IntRange(min = 0, max = 32) int day,
      @ForAll @IntRange(min = 0, max = 24) int hour,
      @ForAll @IntRange(min = 0, max = 60) int minute,
      @ForAll @IntRange(min = 0, max = 60) int second,
      @ForAll @IntRange(min = -1, max = 10) int fractionDigits,
      @ForAll @IntRange(min = 0, max = 999_999_999) int fraction,
      @ForAll @IntRange(min = -1, max = 1) int sign,
      @ForAll @IntRange(min = 0, max = 19) int offsetHours,
      @ForAll @IntRange(min = 0, max = 60) int offsetMinutes) {
    String digits = String.format(Locale.ROOT, "%010d", fraction);
    String text = String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second)
        + (fractionDigits < 0 ? "" : "." + digits.substring(0, fractionDigits))
        + (sign == 0 ? "Z" : String.format(Locale.ROOT, "%s%02d:%02d", sign < 0 ? "-" : "+", offsetHours, offsetMinutes));
    Instant expected;
    try {
      expected = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      assertThatThrownBy(() -> Timestamps.parseInstant("t", text)).as(text).isInstanceOf(InvalidFieldException.class);
      return;
    }
    assertThat(Timestamps.parseInstant("t", text)).as(text).isEqualTo(expected);
  }
  /**
   * {@link Timestamps#commonEpochSecond} on text of the common shape inside a larger buffer: every valid text
   * without a fraction gives {@code java.time}'s epoch second, and nothing else gives anything but {@code
   * NOT_COMMON} (a fraction, an invalid field, a surrounding space), so a reader that falls back to {@link
   * Timestamps#parseInstant} on {@code NOT_COMMON} reads what it reads.
   */
  @Property(tries = 2_000)
  void commonEpochSecondIsJavaTimesSecondOrNotCommon(
      @ForAll @IntRange(min = 0, max = 9999) int year,
      @ForAll @IntRange(min = 0, max = 13) int month,
      @ForAll @IntRange(min = 0, max = 32) int day,
      @ForAll @IntRange(min = 0, max = 24) int hour,
      @ForAll @IntRange(min = 0, max = 60) int minute,
      @ForAll @IntRange(min = 0, max = 60) int second,
      @ForAll @IntRange(min = -1, max = 3) int fractionDigits,
      @ForAll @IntRange(min = -1, max = 1) int sign,
      @ForAll @IntRange(min = 0, max = 19) int offsetHours,
      @ForAll @IntRange(min = 0, max = 60) int offsetMinutes,
      @ForAll @IntRange(min = 0, max = 2) int padding) {
    String text = String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second)
        + (fractionDigits < 0 ? "" : "." + "000".substring(0, fractionDigits))
        + (sign == 0 ? "Z" : String.format(Locale.ROOT, "%s%02d:%02d", sign < 0 ? "-" : "+", offsetHours, offsetMinutes))
        + " ".repeat(padding == 2 ? 1 : 0);
    char[] buffer = ("x," + text + ",y").toCharArray();
    long found = Timestamps.commonEpochSecond(buffer, 2, text.length());
    Instant expected;
    try {
      expected = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      assertThat(found).as(text).isEqualTo(Timestamps.NOT_COMMON);
      return;
    }
    if (fractionDigits >= 0) {
      assertThat(found).as(text).isEqualTo(Timestamps.NOT_COMMON);
    } else {
      assertThat(found).as(text).isEqualTo(expected.getEpochSecond());
    }
  }

  @Test
  void commonEpochSecondRefusesARangeOutsideTheBuffer() {
    assertThatThrownBy(() -> Timestamps.commonEpochSecond(new char[10], 2, 20))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
