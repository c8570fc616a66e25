package org.engagement.roi.lift;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * The two-proportion z-test: did the treated group convert at a different rate than the control group?
 *
 * <p>The test uses the pooled proportion {@code p = (x1 + x2) / (n1 + n2)}, the rate both groups share
 * under the null hypothesis: {@code z = (p1 - p2) / sqrt(p (1 - p) (1/n1 + 1/n2))}, two-sided {@code p =
 * 2 (1 - Phi(|z|))}. The interval for the difference uses the unpooled standard error {@code sqrt(p1 (1 -
 * p1) / n1 + p2 (1 - p2) / n2)}, because away from the null the groups' variances differ. This is R's
 * {@code prop.test(correct = FALSE)} (whose X-squared is {@code z^2}) and the reference's convention; no
 * continuity correction is applied. When both groups are all successes or all failures the pooled
 * standard error is 0, the difference is 0 and the test reports {@code z = 0}, {@code p = 1}.
 *
 * <p>The normal approximation wants roughly five successes and five failures per group; below that, read
 * the p-value with care.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class ProportionDifference {
  /** The name reported in {@link LiftEstimate#method()}. */
  public static final String METHOD = "two-proportion z-test";

  private ProportionDifference() {}

  /** The test at the 95 % confidence level. */
  public static LiftEstimate test(Proportion treatment, Proportion control) {
    return test(treatment, control, Require.DEFAULT_LEVEL);
  }

  /**
   * Compares the treated group's proportion with the control group's.
   *
   * @param treatment the treated group (or the post-period)
   * @param control the control group (or the pre-period)
   * @param confidenceLevel the level of the interval for the difference, in (0, 1)
   * @throws InvalidFieldException if the level is out of range
   */
  public static LiftEstimate test(Proportion treatment, Proportion control, double confidenceLevel) {
    requireNonNull(treatment, "treatment");
    requireNonNull(control, "control");
    Require.level(confidenceLevel);
    double p1 = treatment.estimate();
    double p2 = control.estimate();
    double difference = p1 - p2;
    double pooled = (double) (treatment.successes() + control.successes())
        / ((double) treatment.trials() + control.trials());
    double pooledError = Math.sqrt(pooled * (1 - pooled)
        * (1.0 / treatment.trials() + 1.0 / control.trials()));
    double z = Tails.ratioOrZero(difference, pooledError);
    double error = Math.sqrt(treatment.variance() + control.variance());
    double half = Tails.zCritical(confidenceLevel) * error;
    return new LiftEstimate(METHOD, LiftEstimate.Scale.DIFFERENCE, p1, p2, difference,
        LiftEstimate.relative(p1, p2), error,
        new Interval(difference - half, difference + half, confidenceLevel),
        z, Double.POSITIVE_INFINITY, Tails.normalTwoSided(z));
  }

  /**
   * The successes the treatment added over what its audience would have produced at the control rate,
   * {@code x_T - n_T * p_C}: the "holdout scaling" that turns a lift into incremental conversions (and,
   * times value per conversion, into incremental revenue for an ROI).
   *
   * @param treatment the treated group
   * @param control the holdout whose rate stands for "no treatment"
   */
  public static double incrementalSuccesses(Proportion treatment, Proportion control) {
    requireNonNull(treatment, "treatment");
    requireNonNull(control, "control");
    return treatment.successes() - treatment.trials() * control.estimate();
  }
}
