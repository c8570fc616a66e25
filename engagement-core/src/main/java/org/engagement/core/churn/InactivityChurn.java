package org.engagement.core.churn;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.segment.Segment;

/**
 * Churn by inactivity: a customer is <em>churned at instant t</em> if their first activity is at or
 * before t and they have no activity in the window (t &minus; {@code window}, t]; they are <em>active
 * at t</em> if they have one. Before their first activity a customer is neither (not yet acquired).
 * A churned customer who becomes active again counts as active again.
 *
 * <p><b>Monthly churn rate.</b> Months are calendar months in {@code zone}. The state "at the end of
 * month M" is the state at the month's last instant, one nanosecond before the next month's midnight,
 * so the window covers [end &minus; window, end). For month M, {@link ChurnPeriod#rate()} = (customers
 * active at the end of M&minus;1 and churned at the end of M) / (customers active at the end of
 * M&minus;1), and 0 when none were active. Customers acquired during M do not count in its rate. All the
 * activity in the history counts, including activity before {@code from}; activity after a month's end
 * does not change that month.
 *
 * <p><b>Per segment.</b> The same counts restricted to the customers whose profile is in the segment;
 * a customer without a profile is not a member.
 *
 * <p>Results do not depend on the order of the interactions. The rule is a value (window and zone) and
 * its counts are not partial aggregates: whether a customer is active or churned depends on all their
 * activity, so build them from {@linkplain ActivityHistory#merge merged} histories of the partitions.
 * Immutable and thread-safe.
 *
 * @param window the inactivity window: positive and at most 10 000 years
 * @param zone where months begin and end
 * @since 0.1.0
 */
public record InactivityChurn(Duration window, ZoneId zone) {
  /** The most months {@link #monthly} computes in one call. */
  public static final int MAX_MONTHS = 12_000;

  private static final Duration LONGEST = ChronoUnit.YEARS.getDuration().multipliedBy(10_000);

  /**
   * Validates the window.
   *
   * @throws InvalidFieldException if the window is not positive or too long
   */
  public InactivityChurn {
    requireNonNull(window, "window");
    requireNonNull(zone, "zone");
    if (window.isNegative() || window.isZero() || window.compareTo(LONGEST) > 0) {
      throw new InvalidFieldException("window", window, "must be positive and at most 10000 years");
    }
  }

  /** Churn after {@code days} days without activity, months in UTC. */
  public static InactivityChurn ofDays(long days) {
    if (days <= 0) {
      throw new InvalidFieldException("days", days, "must be positive");
    }
    return new InactivityChurn(Duration.ofDays(days), ZoneOffset.UTC);
  }

  /** Whether the customer is active at {@code t}: some activity in (t &minus; window, t]. */
  public boolean isActive(ActivityHistory history, String customerId, Instant t) {
    requireNonNull(t, "t");
    Instant after = t.plusNanos(1);
    return history.activeBetween(customerId, after.minus(window), after);
  }

  /** Whether the customer is churned at {@code t}: first activity at or before t, none in (t &minus; window, t]. */
  public boolean isChurned(ActivityHistory history, String customerId, Instant t) {
    requireNonNull(t, "t");
    Optional<Instant> first = history.first(customerId);
    return first.isPresent() && !first.get().isAfter(t) && !isActive(history, customerId, t);
  }

  /**
   * The churn metric at {@code t} for every customer acquired by then: 1.0 if churned, 0.0 if active,
   * ready to put in a profile as {@link org.engagement.core.value.tier.MetricNames#CHURNED}. An
   * unmodifiable map.
   */
  public Map<String, Double> churnMetric(ActivityHistory history, Instant t) {
    requireNonNull(t, "t");
    Map<String, Double> metric = new HashMap<>();
    for (String id : history.customers()) {
      if (!history.first(id).orElseThrow().isAfter(t)) {
        metric.put(id, isActive(history, id, t) ? 0.0 : 1.0);
      }
    }
    return Collections.unmodifiableMap(metric);
  }

  /**
   * The share of the customers acquired by {@code t} that are churned at {@code t}, in [0, 1]; 0 when
   * nobody has been acquired.
   */
  public double churnedShare(ActivityHistory history, Instant t) {
    Map<String, Double> metric = churnMetric(history, t);
    double churned = metric.values().stream().mapToDouble(Double::doubleValue).sum();
    return metric.isEmpty() ? 0 : churned / metric.size();
  }

  /**
   * The churn of every month from {@code from} to {@code to}, both included, oldest first.
   *
   * @throws InvalidFieldException if {@code to} is before {@code from} or more than {@value #MAX_MONTHS}
   *     months after it
   */
  public List<ChurnPeriod> monthly(ActivityHistory history, YearMonth from, YearMonth to) {
    return monthly(history, from, to, id -> true);
  }

  /**
   * The churn of every month from {@code from} to {@code to} among the customers whose profile in
   * {@code profiles} (by customer id) is in {@code segment}.
   *
   * @throws InvalidFieldException as {@link #monthly(ActivityHistory, YearMonth, YearMonth)}
   */
  public List<ChurnPeriod> monthly(ActivityHistory history, YearMonth from, YearMonth to, Segment segment,
      Map<String, CustomerProfile> profiles) {
    requireNonNull(segment, "segment");
    requireNonNull(profiles, "profiles");
    return monthly(history, from, to, id -> {
      CustomerProfile profile = profiles.get(id);
      return profile != null && segment.test(profile);
    });
  }

  private List<ChurnPeriod> monthly(ActivityHistory history, YearMonth from, YearMonth to, Predicate<String> member) {
    requireNonNull(history, "history");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new InvalidFieldException("to", to, "must not be before from " + from);
    }
    long months = ChronoUnit.MONTHS.between(from, to) + 1;
    if (months > MAX_MONTHS) {
      throw new InvalidFieldException("to", to, "must be within " + MAX_MONTHS + " months of from " + from);
    }
    int n = (int) months;
    // lastInstants[k] is the last instant of month from + k - 1; k = 0 is the month before from.
    Instant[] lastInstants = new Instant[n + 1];
    for (int k = 0; k <= n; k++) {
      lastInstants[k] = from.plusMonths(k).atDay(1).atStartOfDay(zone).toInstant().minusNanos(1);
    }
    int[] activeAtEnd = new int[n + 1];
    int[] churned = new int[n + 1];
    for (String id : history.customers()) {
      if (!member.test(id)) {
        continue;
      }
      boolean before = isActive(history, id, lastInstants[0]);
      activeAtEnd[0] += before ? 1 : 0;
      for (int k = 1; k <= n; k++) {
        boolean now = isActive(history, id, lastInstants[k]);
        if (now) {
          activeAtEnd[k]++;
        } else if (before) {
          churned[k]++;
        }
        before = now;
      }
    }
    List<ChurnPeriod> periods = new ArrayList<>(n);
    for (int k = 1; k <= n; k++) {
      periods.add(new ChurnPeriod(from.plusMonths(k - 1L), activeAtEnd[k - 1], churned[k], activeAtEnd[k]));
    }
    return List.copyOf(periods);
  }
}
