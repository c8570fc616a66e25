package org.engagement.roi.lift;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * Difference in differences: the treated group's change from pre- to post-period minus the control group's
 * change over the same periods, {@code (post_T - pre_T) - (post_C - pre_C)}.
 *
 * <p>The control group's change stands for what would have happened to the treated group anyway (season,
 * trend, a price change): the "parallel trends" assumption. So the result reports, as {@link
 * LiftEstimate#treatment()}, the treated group's observed post-period level, and as {@link LiftEstimate#control()}
 * the counterfactual {@code pre_T + (post_C - pre_C)}; their difference is the DiD estimate and the relative
 * lift is relative to the counterfactual (not defined when it is 0).
 *
 * <p>Inference:
 *
 * <ul>
 *   <li>{@link #perCustomer}: each customer's change {@code post - pre}, compared between the groups with
 *       {@link MeanDifference Welch's t-test}, which accounts for customers' own pre/post correlation.
 *   <li>{@link #rates} and {@link #proportions}: the 2x2 table of four independent cells (different
 *       customers, or counts per period); the variance of the estimate is the sum of the four cells'
 *       variances (Poisson {@code x / E^2}, binomial {@code p (1 - p) / n}) and the test is a z-test. If
 *       the same customers appear in both periods the cells are correlated and this variance is only
 *       approximate: use {@link #perCustomer} when per-customer values are available.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class DifferenceInDifferences {
  /** The name reported in {@link LiftEstimate#method()} by {@link #perCustomer}. */
  public static final String PER_CUSTOMER_METHOD = "difference in differences (Welch t on changes)";

  /** The name reported in {@link LiftEstimate#method()} by {@link #rates}. */
  public static final String RATES_METHOD = "difference in differences of Poisson rates (z)";

  /** The name reported in {@link LiftEstimate#method()} by {@link #proportions}. */
  public static final String PROPORTIONS_METHOD = "difference in differences of proportions (z)";

  private DifferenceInDifferences() {}

  /** {@link #perCustomer(double[], double[], double[], double[], double)} at the 95 % level. */
  public static LiftEstimate perCustomer(double[] treatedPre, double[] treatedPost, double[] controlPre,
      double[] controlPost) {
    return perCustomer(treatedPre, treatedPost, controlPre, controlPost, Require.DEFAULT_LEVEL);
  }

  /**
   * DiD on per-customer values, with Welch inference on the per-customer changes.
   *
   * @param treatedPre treated customers' pre-period values, at least two
   * @param treatedPost the same customers' post-period values, in the same order
   * @param controlPre control customers' pre-period values, at least two
   * @param controlPost the same customers' post-period values, in the same order
   * @param confidenceLevel the level of the interval for the DiD estimate, in (0, 1)
   * @throws InvalidFieldException if a pair of arrays differs in length, a group has fewer than two
   *     customers, or a value is not finite
   */
  public static LiftEstimate perCustomer(double[] treatedPre, double[] treatedPost, double[] controlPre,
      double[] controlPost, double confidenceLevel) {
    Require.values("treatedPre", requireNonNull(treatedPre, "treatedPre"), 2);
    Require.values("treatedPost", requireNonNull(treatedPost, "treatedPost"), 2);
    Require.values("controlPre", requireNonNull(controlPre, "controlPre"), 2);
    Require.values("controlPost", requireNonNull(controlPost, "controlPost"), 2);
    Require.sameLength("treatedPost", treatedPost, "treatedPre", treatedPre);
    Require.sameLength("controlPost", controlPost, "controlPre", controlPre);
    Require.level(confidenceLevel);
    SampleSummary treatedChange = SampleSummary.of(PairedDifference.changes(treatedPre, treatedPost));
    SampleSummary controlChange = SampleSummary.of(PairedDifference.changes(controlPre, controlPost));
    double observed = SampleSummary.of(treatedPost).mean();
    double counterfactual = observed - (treatedChange.mean() - controlChange.mean());
    return MeanDifference.difference(PER_CUSTOMER_METHOD, observed, counterfactual, treatedChange,
        controlChange, confidenceLevel);
  }

  /** {@link #rates(Rate, Rate, Rate, Rate, double)} at the 95 % level. */
  public static LiftEstimate rates(Rate treatedPre, Rate treatedPost, Rate controlPre, Rate controlPost) {
    return rates(treatedPre, treatedPost, controlPre, controlPost, Require.DEFAULT_LEVEL);
  }

  /**
   * DiD on the 2x2 table of rates, with Poisson variances.
   *
   * @param treatedPre the treated group's pre-period events and exposure
   * @param treatedPost the treated group's post-period events and exposure
   * @param controlPre the control group's pre-period events and exposure
   * @param controlPost the control group's post-period events and exposure
   * @param confidenceLevel the level of the interval for the DiD estimate, in (0, 1)
   */
  public static LiftEstimate rates(Rate treatedPre, Rate treatedPost, Rate controlPre, Rate controlPost,
      double confidenceLevel) {
    Rate[] cells = {requireNonNull(treatedPre, "treatedPre"), requireNonNull(treatedPost, "treatedPost"),
        requireNonNull(controlPre, "controlPre"), requireNonNull(controlPost, "controlPost")};
    double[] estimates = new double[4];
    double variance = 0;
    for (int i = 0; i < 4; i++) {
      estimates[i] = cells[i].estimate();
      variance += cells[i].variance();
    }
    return table(RATES_METHOD, estimates, variance, confidenceLevel);
  }

  /** {@link #proportions(Proportion, Proportion, Proportion, Proportion, double)} at the 95 % level. */
  public static LiftEstimate proportions(Proportion treatedPre, Proportion treatedPost, Proportion controlPre,
      Proportion controlPost) {
    return proportions(treatedPre, treatedPost, controlPre, controlPost, Require.DEFAULT_LEVEL);
  }

  /**
   * DiD on the 2x2 table of proportions, with binomial variances.
   *
   * @param treatedPre the treated group's pre-period successes and trials
   * @param treatedPost the treated group's post-period successes and trials
   * @param controlPre the control group's pre-period successes and trials
   * @param controlPost the control group's post-period successes and trials
   * @param confidenceLevel the level of the interval for the DiD estimate, in (0, 1)
   */
  public static LiftEstimate proportions(Proportion treatedPre, Proportion treatedPost, Proportion controlPre,
      Proportion controlPost, double confidenceLevel) {
    Proportion[] cells = {requireNonNull(treatedPre, "treatedPre"),
        requireNonNull(treatedPost, "treatedPost"), requireNonNull(controlPre, "controlPre"),
        requireNonNull(controlPost, "controlPost")};
    double[] estimates = new double[4];
    double variance = 0;
    for (int i = 0; i < 4; i++) {
      estimates[i] = cells[i].estimate();
      variance += cells[i].variance();
    }
    return table(PROPORTIONS_METHOD, estimates, variance, confidenceLevel);
  }

  /** The z-test on cell estimates in the order treated pre, treated post, control pre, control post. */
  private static LiftEstimate table(String method, double[] cells, double variance, double confidenceLevel) {
    Require.level(confidenceLevel);
    double estimate = (cells[1] - cells[0]) - (cells[3] - cells[2]);
    double counterfactual = cells[1] - estimate;
    double error = Math.sqrt(variance);
    double z = Tails.ratioOrZero(estimate, error);
    double half = Tails.zCritical(confidenceLevel) * error;
    return new LiftEstimate(method, LiftEstimate.Scale.DIFFERENCE, cells[1], counterfactual, estimate,
        LiftEstimate.relative(cells[1], counterfactual), error,
        new Interval(estimate - half, estimate + half, confidenceLevel), z, Double.POSITIVE_INFINITY,
        Tails.normalTwoSided(z));
  }
}
