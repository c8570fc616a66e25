package org.engagement.roi.lift;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * Comparison of two Poisson rates (events over exposure), on the ratio scale: interactions per
 * customer-week after a channel launch against before, or in a treated group against a control group.
 *
 * <p>Two methods:
 *
 * <ul>
 *   <li>{@link #exact} conditions on the total count {@code n = x1 + x2}: under the null of equal rates
 *       {@code x1} is binomial with {@code n} trials and probability {@code E1 / (E1 + E2)}. The p-value is
 *       the exact two-sided binomial test (minimum-likelihood rule) and the interval for the ratio is the
 *       Clopper-Pearson interval for that probability {@code pi}, mapped by {@code pi / (1 - pi) * E2 /
 *       E1}. This is R's two-sample {@code poisson.test}. It is valid for any counts, including zeros.
 *   <li>{@link #wald} uses the normal approximation on the log scale: {@code log(ratio)} with standard error
 *       {@code sqrt(1/x1 + 1/x2)}, interval {@code exp(log(ratio) +- z se)}, test {@code z = log(ratio) /
 *       se}. Fine for counts in the tens and above; it needs both counts positive.
 * </ul>
 *
 * <p>Both assume Poisson variation: events independent at a constant rate. Per-customer counts are usually
 * overdispersed (some customers are far more active than others), which makes these intervals too narrow
 * when the exposure is many customers; {@link MeanDifference} on per-customer counts over equal windows makes no
 * such assumption.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class RateRatio {
  /** The name reported in {@link LiftEstimate#method()} by {@link #exact}. */
  public static final String EXACT_METHOD = "exact conditional Poisson rate-ratio test";

  /** The name reported in {@link LiftEstimate#method()} by {@link #wald}. */
  public static final String WALD_METHOD = "Wald log rate-ratio test";

  private RateRatio() {}

  /** The exact test at the 95 % confidence level. */
  public static LiftEstimate exact(Rate treatment, Rate control) {
    return exact(treatment, control, Require.DEFAULT_LEVEL);
  }

  /**
   * The exact conditional test and interval for {@code rate(treatment) / rate(control)}.
   *
   * <p>{@link LiftEstimate#statistic()} is the treated count {@code x1} the test conditions on. With no events
   * at all the data say nothing: p-value 1 and interval {@code [0, +Infinity]}.
   *
   * @param treatment the treated (or post-period) events and exposure
   * @param control the control (or pre-period) events and exposure
   * @param confidenceLevel the level of the interval for the ratio, in (0, 1)
   * @throws InvalidFieldException if the level is out of range, or the two counts together exceed {@link
   *     Integer#MAX_VALUE} (use {@link #wald} for counts that large)
   */
  public static LiftEstimate exact(Rate treatment, Rate control, double confidenceLevel) {
    requireNonNull(treatment, "treatment");
    requireNonNull(control, "control");
    Require.level(confidenceLevel);
    long total = treatment.count() + control.count();
    if (total > Integer.MAX_VALUE) {
      throw new InvalidFieldException("count", total,
          "must not exceed " + Integer.MAX_VALUE + " in total for the exact test; use the Wald test");
    }
    int n = (int) total;
    int x = (int) treatment.count();
    double share = treatment.exposure() / (treatment.exposure() + control.exposure());
    double p = n == 0 ? 1 : ExactCounts.binomialTwoSided(x, n, share);
    Interval ratio = n == 0 ? new Interval(0, Double.POSITIVE_INFINITY, confidenceLevel)
        : ratioInterval(ExactCounts.clopperPearson(x, n, confidenceLevel),
            control.exposure() / treatment.exposure(), confidenceLevel);
    return result(EXACT_METHOD, treatment, control, Double.NaN, ratio, x, Double.NaN, p);
  }

  /** The Wald test at the 95 % confidence level. */
  public static LiftEstimate wald(Rate treatment, Rate control) {
    return wald(treatment, control, Require.DEFAULT_LEVEL);
  }

  /**
   * The Wald test and interval for {@code log(rate(treatment) / rate(control))}.
   *
   * <p>{@link LiftEstimate#standardError()} is that of the log ratio.
   *
   * @param treatment the treated (or post-period) events and exposure, at least one event
   * @param control the control (or pre-period) events and exposure, at least one event
   * @param confidenceLevel the level of the interval for the ratio, in (0, 1)
   * @throws InvalidFieldException if a count is 0 (the log ratio is then infinite: use {@link #exact}) or
   *     the level is out of range
   */
  public static LiftEstimate wald(Rate treatment, Rate control, double confidenceLevel) {
    requireNonNull(treatment, "treatment");
    requireNonNull(control, "control");
    requirePositive("treatment.count", treatment);
    requirePositive("control.count", control);
    Require.level(confidenceLevel);
    double logRatio = Math.log(treatment.estimate() / control.estimate());
    double error = Math.sqrt(1.0 / treatment.count() + 1.0 / control.count());
    double half = Tails.zCritical(confidenceLevel) * error;
    double z = logRatio / error;
    Interval ratio = new Interval(Math.exp(logRatio - half), Math.exp(logRatio + half), confidenceLevel);
    return result(WALD_METHOD, treatment, control, error, ratio, z, Double.POSITIVE_INFINITY,
        Tails.normalTwoSided(z));
  }

  private static Interval ratioInterval(double[] share, double exposureRatio, double level) {
    return new Interval(odds(share[0]) * exposureRatio, odds(share[1]) * exposureRatio, level);
  }

  private static double odds(double probability) {
    return probability >= 1 ? Double.POSITIVE_INFINITY : probability / (1 - probability);
  }

  private static LiftEstimate result(String method, Rate treatment, Rate control, double error,
      Interval ratio, double statistic, double df, double p) {
    double r1 = treatment.estimate();
    double r2 = control.estimate();
    return new LiftEstimate(method, LiftEstimate.Scale.RATIO, r1, r2, r1 - r2, LiftEstimate.relative(r1, r2), error,
        ratio, statistic, df, p);
  }

  private static void requirePositive(String field, Rate rate) {
    if (rate.count() == 0) {
      throw new InvalidFieldException(field, 0,
          "must be positive for the Wald log rate ratio; use the exact test");
    }
  }
}
