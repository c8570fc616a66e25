package org.engagement.roi.lift;

import org.engagement.core.domain.InvalidFieldException;

/**
 * How many customers each arm of a test needs to detect a given lift: to plan a holdout before spending on
 * a campaign, and to explain afterwards why a small lift was not significant.
 *
 * <p>Both formulas are for a two-sided test at significance {@code alpha} with the given power, equal arms,
 * and round up to a whole customer.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class SampleSize {
  private SampleSize() {}

  /**
   * Customers per arm for the {@link ProportionDifference two-proportion z-test} to tell {@code p1} from
   * {@code p2}: {@code n = [z(1-alpha/2) sqrt(2 pbar (1 - pbar)) + z(1-beta) sqrt(p1 (1 - p1) + p2 (1 -
   * p2))]^2 / (p1 - p2)^2} with {@code pbar = (p1 + p2) / 2}: the usual formula without continuity
   * correction (as in Fleiss, Levin and Paik, <i>Statistical Methods for Rates and Proportions</i>). R's {@code
   * power.prop.test} with its default {@code strict = FALSE} solves the same equation numerically, so it
   * agrees before rounding up.
   *
   * @param p1 the control (baseline) proportion, in (0, 1)
   * @param p2 the proportion to detect, in (0, 1), not equal to {@code p1}
   * @param alpha the two-sided significance level, in (0, 1)
   * @param power the probability of detecting the difference, in (0, 1)
   * @throws InvalidFieldException if an argument is out of range or {@code p1 == p2}
   */
  public static long twoProportions(double p1, double p2, double alpha, double power) {
    Require.openUnit("p1", p1);
    Require.openUnit("p2", p2);
    if (p1 == p2) {
      throw new InvalidFieldException("p2", p2, "must differ from p1: there is no lift to detect");
    }
    double mean = (p1 + p2) / 2;
    double null0 = zAlpha(alpha) * Math.sqrt(2 * mean * (1 - mean));
    double alternative = zPower(power) * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    double difference = p1 - p2;
    return roundUp((null0 + alternative) * (null0 + alternative) / (difference * difference));
  }

  /**
   * Customers per arm for a two-sample comparison of means to detect {@code difference}, by the normal
   * approximation: {@code n = (z(1-alpha/2) + z(1-beta))^2 (sd1^2 + sd2^2) / difference^2}. With equal
   * standard deviations this is the textbook {@code 2 (z + z)^2 sigma^2 / delta^2}; R's {@code
   * power.t.test}, which uses the t distribution, asks for one or two customers more on small samples.
   *
   * @param difference the difference of means to detect, finite and not 0
   * @param sdTreatment the treated arm's standard deviation, finite and positive
   * @param sdControl the control arm's standard deviation, finite and positive
   * @param alpha the two-sided significance level, in (0, 1)
   * @param power the probability of detecting the difference, in (0, 1)
   * @throws InvalidFieldException if an argument is out of range
   */
  public static long twoMeans(double difference, double sdTreatment, double sdControl, double alpha,
      double power) {
    Require.finite("difference", difference);
    if (difference == 0) {
      throw new InvalidFieldException("difference", difference, "must not be 0: there is no lift to detect");
    }
    Require.finitePositive("sdTreatment", sdTreatment);
    Require.finitePositive("sdControl", sdControl);
    double z = zAlpha(alpha) + zPower(power);
    double variance = sdTreatment * sdTreatment + sdControl * sdControl;
    return roundUp(z * z * variance / (difference * difference));
  }

  private static double zAlpha(double alpha) {
    return Tails.zQuantile(1 - Require.openUnit("alpha", alpha) / 2);
  }

  private static double zPower(double power) {
    return Tails.zQuantile(Require.openUnit("power", power));
  }

  /** Rounds up, ignoring the last bits of floating-point noise so an exact whole number stays whole. */
  private static long roundUp(double n) {
    return (long) Math.ceil(n - 1e-9 * n);
  }
}
