package org.engagement.core.conversation;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.EngagementPoint;
import org.engagement.core.engagement.EngagementSeries;
import org.engagement.core.engagement.Granularity;
import org.engagement.core.engagement.Trend;
import org.engagement.core.engagement.TrendRule;

/**
 * The period axis of a conversation report: every day, ISO week or month from the one holding
 * {@code first} to the one holding {@code last}, with midnights in {@code zone}, and the trends read
 * along it. Immutable and thread-safe.
 *
 * @param granularity the length of each period
 * @param zone where the periods' midnights are
 * @param first a day in the first period
 * @param last a day in the last period: not before {@code first}
 * @since 0.1.0
 */
public record Periods(Granularity granularity, ZoneId zone, LocalDate first, LocalDate last) {
  /**
   * Validates the axis.
   *
   * @throws InvalidFieldException if {@code last} is before {@code first}
   */
  public Periods {
    requireNonNull(granularity, "granularity");
    requireNonNull(zone, "zone");
    requireNonNull(first, "first");
    requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new InvalidFieldException("last", last, "must not be before first " + first);
    }
    first = granularity.periodStart(first);
    last = granularity.periodStart(last);
  }

  /** The first day of each period, oldest first. */
  public List<LocalDate> starts() {
    List<LocalDate> starts = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = granularity.nextPeriodStart(d)) {
      starts.add(d);
    }
    return starts;
  }

  /** The position of the period holding {@code date}, or -1 if it is outside the axis. */
  public int indexOf(LocalDate date) {
    if (date.isBefore(first) || granularity.periodStart(date).isAfter(last)) {
      return -1;
    }
    return (int) granularity.periodsBetween(first, date) - 1;
  }

  /**
   * The trend of a count or other non-negative amount, one value per period: {@code rule} applied as to
   * an engagement series (the last period against the mean of the {@code lookback} before it, relative
   * threshold).
   *
   * @throws InvalidFieldException if there is not one value per period, or a value is negative or not finite
   */
  public Trend trend(double[] values, TrendRule rule) {
    requireNonNull(rule, "rule");
    List<LocalDate> starts = starts();
    requireLength(values, starts.size());
    List<EngagementPoint> points = new ArrayList<>(values.length);
    for (int k = 0; k < values.length; k++) {
      LocalDate start = starts.get(k);
      points.add(new EngagementPoint(start, granularity.nextPeriodStart(start).atStartOfDay(zone).toInstant(), values[k]));
    }
    return rule.classify(new EngagementSeries(granularity, points));
  }

  /**
   * The trend of a level that may be negative, such as net sentiment in [−1, 1]: the last value {@code L}
   * against the mean {@code M} of the {@code lookback} before it, with {@code rule}'s threshold taken as
   * an absolute difference (a relative one means nothing around 0). Rising if {@code L > M + threshold},
   * falling if {@code L < M − threshold}, otherwise (and with fewer than two values) stable.
   *
   * @throws InvalidFieldException if there is not one value per period, or a value is not finite
   */
  public Trend levelTrend(double[] values, TrendRule rule) {
    requireNonNull(rule, "rule");
    requireLength(values, starts().size());
    int n = values.length;
    if (n < 2) {
      return Trend.STABLE;
    }
    int from = Math.max(0, n - 1 - rule.lookback());
    double sum = 0;
    for (int i = from; i < n - 1; i++) {
      sum += values[i];
    }
    double mean = sum / (n - 1 - from);
    double last = values[n - 1];
    if (last > mean + rule.threshold()) {
      return Trend.RISING;
    }
    return last < mean - rule.threshold() ? Trend.FALLING : Trend.STABLE;
  }

  private static void requireLength(double[] values, int periods) {
    requireNonNull(values, "values");
    if (values.length != periods) {
      throw new InvalidFieldException("values", values.length + " values", "must have one value per period (" + periods + ")");
    }
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new InvalidFieldException("values", v, "must be finite");
      }
    }
  }
}
