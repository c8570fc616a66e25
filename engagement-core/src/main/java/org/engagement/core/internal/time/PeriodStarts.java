package org.engagement.core.internal.time;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import org.engagement.core.engagement.Granularity;
import org.jspecify.annotations.Nullable;

/**
 * The start of the period (day, ISO week or month in a zone) that holds an instant: what {@code
 * granularity.periodStart(LocalDate.ofInstant(instant, zone))} gives, found once per epoch day met. An aggregate of
 * a feed asks this for every row, and a feed spans a few hundred days: {@code LocalDate.ofInstant} asked a {@link
 * java.time.ZoneOffset} for its rules, which makes a new rules object each time, and built a date and a period start
 * per row (issue 16). In a zone with a fixed offset the epoch day is the instant's seconds plus the offset, divided
 * by a day's and rounded down, which is how {@code LocalDate.ofInstant} finds it; a zone whose offset changes asks
 * its rules per instant as before. The last period of up to {@value #SLOTS} days is remembered (by day, modulo that
 * number), so memory is fixed.
 *
 * <p>Not thread-safe: one per accumulator.
 */
public final class PeriodStarts {
  private static final int SLOTS = 1024;
  private static final long SECONDS_PER_DAY = 86_400;

  private final Granularity granularity;
  private final ZoneRules rules;
  private final boolean fixed;
  private final int fixedOffset;
  private final long[] days = new long[SLOTS];
  private final @Nullable LocalDate[] starts = new LocalDate[SLOTS];

  /** The periods of {@code granularity} in {@code zone}. */
  public PeriodStarts(Granularity granularity, ZoneId zone) {
    this.granularity = requireNonNull(granularity, "granularity");
    this.rules = requireNonNull(zone, "zone").getRules();
    this.fixed = rules.isFixedOffset();
    this.fixedOffset = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
  }

  /** The first day of the period holding {@code instant}. */
  public LocalDate of(Instant instant) {
    int offset = fixed ? fixedOffset : rules.getOffset(instant).getTotalSeconds();
    long day = Math.floorDiv(instant.getEpochSecond() + offset, SECONDS_PER_DAY);
    int slot = (int) (day & (SLOTS - 1));
    LocalDate start = starts[slot];
    if (start == null || days[slot] != day) {
      start = granularity.periodStart(LocalDate.ofEpochDay(day));
      starts[slot] = start;
      days[slot] = day;
    }
    return start;
  }
}
