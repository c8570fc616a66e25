package org.engagement.roi.mix;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.engagement.roi.lift.Interval;

/**
 * A recommended reallocation: each channel's current and recommended spend per period and the expected gain in
 * outcome per period, with a bootstrap interval (the recommended split valued under each resample's curves
 * against the current split). Steady state: both splits held long enough for the carry-over to build up.
 * Immutable and thread-safe.
 *
 * @param budget the total spend per period
 * @param allocations one line per channel, in channel order
 * @param gain the expected outcome per period gained by the recommendation
 * @param gainInterval its bootstrap percentile interval (a point without resamples)
 * @since 0.1.0
 */
public record BudgetPlan(double budget, List<ChannelAllocation> allocations, double gain, Interval gainInterval) {

  /** Copies the lines. */
  public BudgetPlan {
    allocations = List.copyOf(allocations);
    requireNonNull(gainInterval, "gainInterval");
  }

  /** The line of a channel. */
  public ChannelAllocation allocation(String channel) {
    return allocations.stream().filter(a -> a.channel().equals(channel)).findFirst()
        .orElseThrow(() -> new org.engagement.core.domain.InvalidFieldException("channel", channel,
            "must be one of the plan's channels"));
  }
}
