package org.engagement.roi.lift;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * The outcome of a lift comparison: the two groups' estimates, the lift, a confidence interval and a
 * two-sided test.
 *
 * <p>{@code treatment} is the level where the change happened (treated group, post-period, actual
 * activity) and {@code control} the level it is compared with (control group, pre-period, counterfactual
 * or model expectation). Both are on the scale of the data: proportions, means per customer, or rates
 * (events per unit of exposure).
 *
 * <p>{@link #scale()} says what the interval and the null hypothesis are about: on {@link
 * Scale#DIFFERENCE} the interval bounds {@code treatment - control} and the null is 0; on {@link
 * Scale#RATIO} it bounds {@code treatment / control} and the null is 1. {@link #estimate()} is the value on
 * that scale, so the interval always brackets it.
 *
 * <p>{@code relativeLift} is {@code (treatment - control) / control}. It is {@code NaN} whenever {@code
 * control} is 0: a rise from nothing has no meaningful percentage, and an infinity would poison averages
 * and sorts downstream. When the control mean can be negative (changes per customer) it is still computed
 * but rarely meaningful.
 *
 * <p>{@code degreesOfFreedom} is the t distribution's for t tests, {@code +Infinity} for tests that use the
 * normal distribution, and {@code NaN} for exact tests. {@code standardError} is that of the estimate the
 * interval is built on (for Wald rate ratios: of the log ratio), {@code NaN} for exact methods.
 * {@code statistic} is the test statistic (z or t), or for exact count tests the observed count the
 * p-value is computed from.
 *
 * <p>Immutable and thread-safe.
 *
 * @param method the name of the method, for reports (for example {@code "Welch two-sample t-test"})
 * @param scale whether the interval is for the difference or the ratio
 * @param treatment the treated (or post-period, or actual) estimate
 * @param control the control (or pre-period, or expected) estimate
 * @param absoluteLift {@code treatment - control}
 * @param relativeLift {@code (treatment - control) / control}, {@code NaN} when {@code control} is 0
 * @param standardError the standard error behind the interval, {@code NaN} for exact methods
 * @param interval the confidence interval on {@code scale}
 * @param statistic the test statistic
 * @param degreesOfFreedom the t test's degrees of freedom, {@code +Infinity} for z, {@code NaN} if exact
 * @param pValue the two-sided p-value, in [0, 1]
 * @since 0.1.0
 */
public record LiftEstimate(
    String method,
    Scale scale,
    double treatment,
    double control,
    double absoluteLift,
    double relativeLift,
    double standardError,
    Interval interval,
    double statistic,
    double degreesOfFreedom,
    double pValue) {

  /**
   * What the confidence interval and the null hypothesis are stated on.
   *
   * @since 0.1.0
   */
  public enum Scale {
    /** The interval bounds {@code treatment - control}; no effect is 0. */
    DIFFERENCE,
    /** The interval bounds {@code treatment / control}; no effect is 1. */
    RATIO
  }

  /** Validates the fields. */
  public LiftEstimate {
    requireNonNull(method, "method");
    requireNonNull(scale, "scale");
    requireNonNull(interval, "interval");
    if (method.isBlank()) {
      throw new InvalidFieldException("method", method, "must not be blank");
    }
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new InvalidFieldException("pValue", pValue, "must be in [0, 1]");
    }
  }

  /**
   * The effect on {@link #scale()}: the absolute lift for {@link Scale#DIFFERENCE}, {@code treatment /
   * control} for {@link Scale#RATIO} (infinite or {@code NaN} when the control is 0).
   */
  public double estimate() {
    return scale == Scale.DIFFERENCE ? absoluteLift : treatment / control;
  }

  /** The confidence level of {@link #interval()}. */
  public double confidenceLevel() {
    return interval.level();
  }

  /** Whether the test rejects "no effect" at significance level {@code alpha}, in (0, 1). */
  public boolean significantAt(double alpha) {
    return pValue < Require.openUnit("alpha", alpha);
  }

  /** {@code (treatment - control) / control}, or {@code NaN} when the control is 0 (see the type's doc). */
  static double relative(double treatment, double control) {
    return control == 0 ? Double.NaN : (treatment - control) / control;
  }
}
