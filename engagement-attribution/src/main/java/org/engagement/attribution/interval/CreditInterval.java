package org.engagement.attribution.interval;

import static java.util.Objects.requireNonNull;

/**
 * One channel's credits with their bootstrap percentile intervals: conversions, share of the conversions, and
 * value. The point values are the model's credits on the whole input; the intervals come from the resamples
 * and need not be centred on them.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param channel the channel
 * @param conversions the model's conversion credit on the whole input
 * @param conversionsLow the lower percentile of the resampled conversion credits
 * @param conversionsHigh the upper percentile of the resampled conversion credits
 * @param share the conversion credit as a share of the input's conversions
 * @param shareLow the lower percentile of the resampled shares
 * @param shareHigh the upper percentile of the resampled shares
 * @param value the model's value credit on the whole input
 * @param valueLow the lower percentile of the resampled value credits
 * @param valueHigh the upper percentile of the resampled value credits
 * @since 0.1.0
 */
public record CreditInterval(String channel, double conversions, double conversionsLow, double conversionsHigh,
    double share, double shareLow, double shareHigh, double value, double valueLow, double valueHigh) {
  /** Checks that the channel is present. */
  public CreditInterval {
    requireNonNull(channel, "channel");
  }

  /** The width of the conversions interval. */
  public double conversionsWidth() {
    return conversionsHigh - conversionsLow;
  }

  /** Whether the share interval holds {@code share}, ends included. */
  public boolean coversShare(double share) {
    return share >= shareLow && share <= shareHigh;
  }
}
