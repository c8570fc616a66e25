package org.engagement.core.value.tier;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.segment.Segment;

/**
 * The summary of one segment over a set of profiles, from the metrics named in {@link MetricNames}.
 *
 * <table>
 *   <caption>Figures</caption>
 *   <tr><th>figure</th><th>definition</th></tr>
 *   <tr><td>size</td><td>the number of profiles in the segment</td></tr>
 *   <tr><td>totalValue</td><td>the sum of {@value MetricNames#VALUE} over the members (missing = 0)</td></tr>
 *   <tr><td>meanEngagement</td><td>the mean of {@value MetricNames#ENGAGEMENT} over the members
 *       (missing = 0); 0 for an empty segment</td></tr>
 *   <tr><td>churnRate</td><td>(members with {@value MetricNames#CHURNED} &ge; 0.5) / size; members without
 *       the metric count as not churned; 0 for an empty segment</td></tr>
 * </table>
 *
 * <p>An immutable value; thread-safe.
 *
 * @param segment the segment's name
 * @param size not negative
 * @param totalValue the members' total value
 * @param meanEngagement the members' mean engagement
 * @param churnRate in [0, 1]
 * @since 0.1.0
 */
public record SegmentRollup(String segment, int size, double totalValue, double meanEngagement, double churnRate) {

  /**
   * Validates the figures.
   *
   * @throws InvalidFieldException if the size is negative or the churn rate outside [0, 1]
   */
  public SegmentRollup {
    requireNonNull(segment, "segment");
    if (size < 0) {
      throw new InvalidFieldException("size", size, "must not be negative");
    }
    if (!(churnRate >= 0 && churnRate <= 1)) {
      throw new InvalidFieldException("churnRate", churnRate, "must be between 0 and 1");
    }
  }

  /** Rolls up the members of {@code segment} among {@code profiles}. */
  public static SegmentRollup of(Segment segment, Collection<CustomerProfile> profiles) {
    requireNonNull(segment, "segment");
    requireNonNull(profiles, "profiles");
    Sums sums = new Sums();
    for (CustomerProfile profile : profiles) {
      if (segment.test(profile)) {
        sums.add(profile);
      }
    }
    return sums.rollup(segment.name());
  }

  /** The running figures of one segment, members added in turn: the one definition of a roll-up's sums. */
  static final class Sums {
    private int size;
    private int churned;
    private double value;
    private double engagement;

    void add(CustomerProfile profile) {
      size++;
      value += profile.metric(MetricNames.VALUE).orElse(0);
      engagement += profile.metric(MetricNames.ENGAGEMENT).orElse(0);
      if (profile.metric(MetricNames.CHURNED).orElse(0) >= 0.5) {
        churned++;
      }
    }

    SegmentRollup rollup(String name) {
      return size == 0
          ? new SegmentRollup(name, 0, 0, 0, 0)
          : new SegmentRollup(name, size, value, engagement / size, churned / (double) size);
    }
  }

  /** One roll-up per segment, in the order of {@code segments}. */
  public static List<SegmentRollup> of(List<Segment> segments, Collection<CustomerProfile> profiles) {
    List<SegmentRollup> rollups = new ArrayList<>(segments.size());
    for (Segment segment : segments) {
      rollups.add(of(segment, profiles));
    }
    return List.copyOf(rollups);
  }
}
