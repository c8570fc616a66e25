package org.engagement.roi.mix;

import static java.util.Objects.requireNonNull;

import org.engagement.roi.lift.Interval;

/**
 * What one channel did over the data, by the fitted mix model. For a channel the fit cannot pin down and no lift
 * test backs ({@link ChannelIdentification#movable()} false), unless its spend is collinear with the model's other
 * columns ({@link ChannelIdentification#collinearity()} above {@value ChannelIdentification#COLLINEARITY}), every
 * figure is taken at the mean of its ROI's profile posterior rather than at the fit's mode, which for such a
 * channel sits at the edge of what the data allow, and its intervals are widened to hold the reported value.
 * Immutable and thread-safe.
 *
 * @param channel the channel
 * @param spend its spend summed over the periods
 * @param contribution the outcome its spend added within the periods (carry-over past the last period is not
 *     counted)
 * @param share its share of all channels' contribution (the shares sum to 1)
 * @param roi contribution per unit spent
 * @param roiInterval the 90 % interval of the ROI: the union of the bootstrap percentile interval and the
 *     profile interval (a point when no resamples were drawn)
 * @param marginalRoi the outcome of one more unit spent, spread as the current spend is, per unit
 * @param marginalRoiInterval its bootstrap percentile interval
 * @param halfLife the periods until half of a unit of spend's effect has been delivered, the period of spend
 *     counting as the first: how long the channel keeps paying
 * @since 0.1.0
 */
public record ChannelEffect(String channel, double spend, double contribution, double share, double roi,
    Interval roiInterval, double marginalRoi, Interval marginalRoiInterval, double halfLife) {

  /** Checks for nulls. */
  public ChannelEffect {
    requireNonNull(channel, "channel");
    requireNonNull(roiInterval, "roiInterval");
    requireNonNull(marginalRoiInterval, "marginalRoiInterval");
  }
}
