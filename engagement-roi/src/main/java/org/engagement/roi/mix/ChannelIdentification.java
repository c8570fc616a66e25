package org.engagement.roi.mix;

import static java.util.Objects.requireNonNull;

/**
 * Whether the fit pins a channel's ROI down well enough to move money on it, judged from the fit alone (never
 * from a truth the data do not carry). Two checks:
 * <ul>
 *   <li>profile: the objective is minimised again with the channel's ROI held at half and at twice the
 *       estimate (its own carry-over and saturation searched afresh, every linear coefficient solved
 *       around it); a rise of less than {@value #PROFILE_RISE} (half the chi-square 90 % quantile with one
 *       degree of freedom) means the data cannot rule that ROI out at 90 %, as with a slow channel whose
 *       effect the trend can absorb;
 *   <li>collinearity: the R² of the channel's carried-over, saturated spend on everything else in the
 *       model (intercept, trend, season, controls, other channels) at the estimate; above
 *       {@value #COLLINEARITY} (a variance inflation factor above 10, the usual rule of thumb) its effect
 *       cannot be told from theirs.
 * </ul>
 * The profile check keeps the asymptotic threshold although the ROI intervals use the small-sample one (1.82
 * for 38 parameters on 156 weeks): it decides which channels a plan may move, and a stricter check holds more of
 * them; measured on the simulated worlds, the noise level with degrees of freedom (the same scaling) cut the
 * cautious plan's share of the true optimum's gain from +0.080 to +0.041 on seeds 1-8.
 * A channel with a lift test is backed by it whatever the checks say. The budget optimiser keeps a channel
 * that is neither pinned down nor lift-tested at its current spend unless the request bounds it explicitly.
 * Immutable and thread-safe.
 *
 * @param channel the channel
 * @param halfRoiRise the rise of the objective with the ROI held at half the estimate (0 when the estimate
 *     is 0)
 * @param doubleRoiRise the rise with the ROI held at twice the estimate; {@code NaN} when not searched because
 *     half the estimate is not ruled out (or the estimate is 0)
 * @param collinearity the R² of the channel's media column on the model's other columns
 * @param liftTested whether a lift test calibrates the channel
 * @since 0.1.0
 */
public record ChannelIdentification(String channel, double halfRoiRise, double doubleRoiRise,
    double collinearity, boolean liftTested) {
  /** The least rise of the objective that rules a held ROI out at 90 %. */
  public static final double PROFILE_RISE = 1.3527717270477;
  /** The largest R² on the model's other columns of a channel whose effect can be told from theirs. */
  public static final double COLLINEARITY = 0.9;

  /** Checks for nulls. */
  public ChannelIdentification {
    requireNonNull(channel, "channel");
  }

  /** Whether the data rule out half and twice the estimated ROI and tell the channel from the others. */
  public boolean pinnedDown() {
    return halfRoiRise >= PROFILE_RISE && doubleRoiRise >= PROFILE_RISE && collinearity <= COLLINEARITY;
  }

  /** Whether a budget recommendation may move the channel's spend: pinned down or backed by a lift test. */
  public boolean movable() {
    return liftTested || pinnedDown();
  }
}
