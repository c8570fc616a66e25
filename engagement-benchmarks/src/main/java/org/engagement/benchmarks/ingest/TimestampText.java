package org.engagement.benchmarks.ingest;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Writes the timestamps of generated rows as ISO-8601 text the way exports do: mostly UTC with
 * {@code Z}, some with an offset, some with milli- or microsecond fractions.
 */
final class TimestampText {
  /** 2024-01-01T00:00:00Z. */
  private static final long START = 1_704_067_200L;
  /** One leap year of seconds. */
  private static final int SPAN = 366 * 86_400;
  private static final ZoneOffset[] OFFSETS = {
      ZoneOffset.ofHours(1), ZoneOffset.ofHours(2), ZoneOffset.ofHours(-5), ZoneOffset.ofHours(-8),
      ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(9)};

  private TimestampText() {}

  /**
   * Appends a random instant of 2024: with {@code Z} in three rows out of five, an offset otherwise; a
   * millisecond fraction in one row out of five and a microsecond fraction in one out of twenty.
   */
  static void append(StringBuilder row, SplittableRandom random) {
    long epochSecond = START + random.nextInt(SPAN);
    int shape = random.nextInt(20);
    int fractionDigits = shape < 4 ? 3 : shape == 4 ? 6 : 0;
    int fraction = fractionDigits == 0 ? 0 : random.nextInt(fractionDigits == 3 ? 1_000 : 1_000_000);
    ZoneOffset offset = random.nextInt(5) < 3 ? ZoneOffset.UTC : OFFSETS[random.nextInt(OFFSETS.length)];
    LocalDateTime local = LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
    pad(row, local.getYear(), 4).append('-');
    pad(row, local.getMonthValue(), 2).append('-');
    pad(row, local.getDayOfMonth(), 2).append('T');
    pad(row, local.getHour(), 2).append(':');
    pad(row, local.getMinute(), 2).append(':');
    pad(row, local.getSecond(), 2);
    if (fractionDigits > 0) {
      pad(row.append('.'), fraction, fractionDigits);
    }
    row.append(offset.getId());
  }

  private static StringBuilder pad(StringBuilder row, int value, int width) {
    for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
      if (value < limit) {
        row.append('0');
      }
    }
    return row.append(value);
  }
}
