package org.engagement.roi.mix;

import static java.util.Objects.requireNonNull;

/**
 * One channel's line of a budget plan, per period. Immutable and thread-safe.
 *
 * @param channel the channel
 * @param current the spend per period of the current mix at the plan's budget (the current shares of spend
 *     times the budget)
 * @param recommended the recommended spend per period
 * @param currentOutcome the expected outcome per period of the current spend
 * @param recommendedOutcome the expected outcome per period of the recommended spend
 * @since 0.1.0
 */
public record ChannelAllocation(String channel, double current, double recommended, double currentOutcome,
    double recommendedOutcome) {

  /** Checks for nulls. */
  public ChannelAllocation {
    requireNonNull(channel, "channel");
  }
}
