package org.engagement.core.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Parses the timestamps of source records: ISO-8601 date-times that carry a zone offset or zone, the
 * only form that names one instant.
 *
 * <p>Accepted: {@code 2024-03-01T10:15:30Z}, {@code 2024-03-01T10:15:30.123456789+01:00},
 * {@code 2024-03-01T10:15:30+01:00[Europe/Paris]}. Refused with a precise reason: local date-times
 * without offset (ambiguous by up to 26 hours), bare dates, and anything else. The common
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)} shape is parsed without allocation beyond the result,
 * because ingestion parses millions of them; other shapes go through {@link DateTimeFormatter}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Timestamps {
  private static final String EXAMPLE = "such as 2024-03-01T10:15:30Z or 2024-03-01T11:15:30+01:00";

  /** What {@link #commonEpochSecond} answers for text not in the common shape: {@link Long#MIN_VALUE}. */
  public static final long NOT_COMMON = Long.MIN_VALUE;

  private Timestamps() {}

  /**
   * Parses {@code text} (surrounding white space ignored) as an instant.
   *
   * @param field the field name to use in the error
   * @throws InvalidFieldException if the text is not an ISO-8601 date-time with an offset or zone
   */
  public static Instant parseInstant(String field, String text) {
    requireNonNull(text, field);
    String s = text.trim();
    Instant fast = parseCommonShape(s);
    if (fast != null) {
      return fast;
    }
    TemporalAccessor parsed;
    try {
      parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(
          s, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(field, text, "must be an ISO-8601 date-time with a zone offset, " + EXAMPLE);
    }
    if (parsed instanceof LocalDateTime) {
      throw new InvalidFieldException(field, text,
          "has no zone offset; a local time is ambiguous, give Z or an offset, " + EXAMPLE);
    }
    return Instant.from(parsed);
  }

  /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, or null for any other shape. */
  private static @Nullable Instant parseCommonShape(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int pos = 19;
    int nanos = 0;
    if (s.charAt(pos) == '.') {
      int start = ++pos;
      while (pos < n && pos - start < 9 && isDigit(s.charAt(pos))) {
        nanos = nanos * 10 + (s.charAt(pos) - '0');
        pos++;
      }
      int fractionDigits = pos - start;
      if (fractionDigits == 0 || (pos < n && isDigit(s.charAt(pos)))) {
        return null;
      }
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = offsetSeconds(s, pos);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return null;
    }
    if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
      return null;
    }
    long seconds = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /**
   * The epoch second of the text {@code chars[from .. from + length)} when it is written
   * {@code yyyy-MM-ddTHH:mm:ss} followed by {@code Z} or {@code ±HH:MM}, with no fraction and nothing around it,
   * and names a valid date and time: what {@link #parseInstant} gives for it, read from a reader's buffer without
   * making a string or an instant (issue 16). {@link #NOT_COMMON} for any other text, valid or not: a caller
   * then hands it to {@link #parseInstant}, which decides.
   *
   * @throws IndexOutOfBoundsException if the range is not within {@code chars}
   */
  public static long commonEpochSecond(char[] chars, int from, int length) {
    Objects.checkFromIndexSize(from, length, chars.length);
    if (length != 20 && length != 25) {
      return NOT_COMMON;
    }
    int at = from;
    if (chars[at + 4] != '-' || chars[at + 7] != '-' || chars[at + 10] != 'T' || chars[at + 13] != ':'
        || chars[at + 16] != ':') {
      return NOT_COMMON;
    }
    int year = digits(chars, at, 4);
    int month = digits(chars, at + 5, 2);
    int day = digits(chars, at + 8, 2);
    int hour = digits(chars, at + 11, 2);
    int minute = digits(chars, at + 14, 2);
    int second = digits(chars, at + 17, 2);
    if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59
        || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
      return NOT_COMMON;
    }
    int offsetSeconds;
    if (length == 20) {
      if (chars[at + 19] != 'Z') {
        return NOT_COMMON;
      }
      offsetSeconds = 0;
    } else {
      char sign = chars[at + 19];
      int hours = digits(chars, at + 20, 2);
      int minutes = digits(chars, at + 23, 2);
      if ((sign != '+' && sign != '-') || chars[at + 22] != ':' || hours < 0 || minutes < 0 || minutes > 59
          || hours * 60 + minutes > 18 * 60) {
        return NOT_COMMON;
      }
      offsetSeconds = sign == '+' ? hours * 3_600 + minutes * 60 : -(hours * 3_600 + minutes * 60);
    }
    return epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
  }

  private static int digits(char[] chars, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = chars[i];
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** The days in {@code month} of {@code year} in the proleptic Gregorian calendar, as {@code java.time} counts. */
  private static int monthLength(int year, int month) {
    if (month == 2) {
      boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /**
   * Days from 1970-01-01 to a valid date of the years 0 to 9999 that the common shape's four digits allow,
   * without making a {@code LocalDate}: days counted in years that start in March, so that a leap day is
   * its year's last and every other month has a fixed place.
   */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468L;
  }

  /** Seconds east of UTC for {@code Z} or {@code ±HH:MM} ending the text at {@code pos}; MIN_VALUE if not. */
  private static int offsetSeconds(String s, int pos) {
    int n = s.length();
    if (pos == n - 1 && s.charAt(pos) == 'Z') {
      return 0;
    }
    if (pos != n - 6 || s.charAt(pos + 3) != ':') {
      return Integer.MIN_VALUE;
    }
    char sign = s.charAt(pos);
    int hours = digits(s, pos + 1, 2);
    int minutes = digits(s, pos + 4, 2);
    if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || minutes > 59 || hours * 60 + minutes > 18 * 60) {
      return Integer.MIN_VALUE;
    }
    int seconds = hours * 3_600 + minutes * 60;
    return sign == '+' ? seconds : -seconds;
  }

  /** The number written by {@code count} decimal digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
