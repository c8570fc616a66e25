package org.engagement.core.engagement;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Engagement over time: one {@linkplain EngagementPoint point} per period, oldest first, each the
 * score at the end of its period. Built by an {@link EngagementTimeline}. Immutable and thread-safe.
 *
 * @param granularity the length of each period
 * @param points the periods, oldest first
 * @since 0.1.0
 */
public record EngagementSeries(Granularity granularity, List<EngagementPoint> points) {
  /** Copies the points. */
  public EngagementSeries {
    requireNonNull(granularity, "granularity");
    points = List.copyOf(points);
  }

  /** The scores, oldest first. */
  public double[] scores() {
    return points.stream().mapToDouble(EngagementPoint::score).toArray();
  }

  /** The trend by the {@linkplain TrendRule#defaults() default rule}. */
  public Trend trend() {
    return TrendRule.defaults().classify(this);
  }

  /** The trend by {@code rule}. */
  public Trend trend(TrendRule rule) {
    return rule.classify(this);
  }
}
