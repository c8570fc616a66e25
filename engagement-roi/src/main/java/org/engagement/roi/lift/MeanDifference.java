package org.engagement.roi.lift;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * Welch's two-sample t-test on per-customer values (interactions, purchases, spend per customer): does the
 * treated group's mean differ from the control group's, without assuming equal variances?
 *
 * <p>{@code t = (m1 - m2) / se} with {@code se = sqrt(v1/n1 + v2/n2)} and the Welch-Satterthwaite degrees of
 * freedom {@code df = se^4 / ((v1/n1)^2 / (n1 - 1) + (v2/n2)^2 / (n2 - 1))}; the interval is {@code (m1 -
 * m2) +- t(1 - alpha/2, df) se}. This is R's {@code t.test(var.equal = FALSE)} and SciPy's {@code
 * ttest_ind(equal_var = False)}. When both groups have no spread at all, {@code se} is 0: the test then
 * reports {@code t = 0}, {@code p = 1} for equal means and {@code t = +-Infinity}, {@code p = 0} otherwise,
 * with {@code df = n1 + n2 - 2} and a zero-width interval.
 *
 * <p>Per-customer counts are skewed, but with a few dozen customers per group the t approximation to the
 * mean difference is sound (central limit theorem); for very small groups of counts prefer {@link
 * RateRatio}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class MeanDifference {
  /** The name reported in {@link LiftEstimate#method()}. */
  public static final String METHOD = "Welch two-sample t-test";

  private MeanDifference() {}

  /** The test on raw values at the 95 % confidence level. */
  public static LiftEstimate test(double[] treatment, double[] control) {
    return test(treatment, control, Require.DEFAULT_LEVEL);
  }

  /**
   * Compares the means of raw per-customer values.
   *
   * @param treatment the treated group's values, at least two, finite
   * @param control the control group's values, at least two, finite
   * @param confidenceLevel the level of the interval for the difference of means, in (0, 1)
   * @throws InvalidFieldException if a group has fewer than two values or a value is not finite
   */
  public static LiftEstimate test(double[] treatment, double[] control, double confidenceLevel) {
    Require.values("treatment", requireNonNull(treatment, "treatment"), 2);
    Require.values("control", requireNonNull(control, "control"), 2);
    return test(SampleSummary.of(treatment), SampleSummary.of(control), confidenceLevel);
  }

  /** The test on summaries at the 95 % confidence level. */
  public static LiftEstimate test(SampleSummary treatment, SampleSummary control) {
    return test(treatment, control, Require.DEFAULT_LEVEL);
  }

  /**
   * Compares two groups given only their sizes, means and variances.
   *
   * @param treatment the treated group, at least two values
   * @param control the control group, at least two values
   * @param confidenceLevel the level of the interval for the difference of means, in (0, 1)
   * @throws InvalidFieldException if a group has fewer than two values
   */
  public static LiftEstimate test(SampleSummary treatment, SampleSummary control, double confidenceLevel) {
    requireNonNull(treatment, "treatment");
    requireNonNull(control, "control");
    requireTwo("treatment", treatment);
    requireTwo("control", control);
    Require.level(confidenceLevel);
    return difference(METHOD, treatment.mean(), control.mean(), treatment, control, confidenceLevel);
  }

  /**
   * The Welch comparison of the means of {@code a} and {@code b}, reported with the given levels: used
   * directly, and by the difference-in-differences tests, which compare changes but report levels.
   */
  static LiftEstimate difference(String method, double treatmentLevel, double controlLevel,
      SampleSummary a, SampleSummary b, double confidenceLevel) {
    double difference = a.mean() - b.mean();
    double va = a.varianceOfMean();
    double vb = b.varianceOfMean();
    double error = Math.sqrt(va + vb);
    double df = error == 0 ? a.count() + b.count() - 2.0
        : (va + vb) * (va + vb) / (va * va / (a.count() - 1) + vb * vb / (b.count() - 1));
    double t = Tails.ratioOrZero(difference, error);
    double half = error == 0 ? 0 : Tails.tCritical(confidenceLevel, df) * error;
    return new LiftEstimate(method, LiftEstimate.Scale.DIFFERENCE, treatmentLevel, controlLevel, difference,
        LiftEstimate.relative(treatmentLevel, controlLevel), error,
        new Interval(difference - half, difference + half, confidenceLevel),
        t, df, Tails.tTwoSided(t, df));
  }

  private static void requireTwo(String field, SampleSummary summary) {
    if (summary.count() < 2) {
      throw new InvalidFieldException(field + ".count", summary.count(),
          "must be at least 2 to estimate a variance");
    }
  }
}
