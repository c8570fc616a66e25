package org.engagement.roi.lift;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * The paired t-test for a pre/post comparison of the same customers: did each customer's value (interactions
 * per week, say) change after the intervention?
 *
 * <p>On the per-customer changes {@code d = post - pre}: {@code t = mean(d) / (sd(d) / sqrt(n))} with
 * {@code n - 1} degrees of freedom. This is R's {@code t.test(post, pre, paired = TRUE)}. Pairing removes
 * the differences between customers, so it is far more sensitive than comparing the two periods as if they
 * were independent groups; but without a control group a pre/post change also contains everything else
 * that changed over time (season, trend): prefer {@link DifferenceInDifferences} when there is one. When
 * every customer changed by exactly the same amount the standard error is 0 and the test reports {@code t =
 * 0}, {@code p = 1} for no change, {@code t = +-Infinity}, {@code p = 0} otherwise.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class PairedDifference {
  /** The name reported in {@link LiftEstimate#method()}. */
  public static final String METHOD = "paired t-test";

  private PairedDifference() {}

  /** The test at the 95 % confidence level. */
  public static LiftEstimate test(double[] pre, double[] post) {
    return test(pre, post, Require.DEFAULT_LEVEL);
  }

  /**
   * Compares each customer's post-period value with their pre-period value.
   *
   * @param pre the pre-period values, one per customer, at least two
   * @param post the post-period values, in the same customer order
   * @param confidenceLevel the level of the interval for the mean change, in (0, 1)
   * @throws InvalidFieldException if the arrays differ in length, have fewer than two values or hold a value
   *     that is not finite
   */
  public static LiftEstimate test(double[] pre, double[] post, double confidenceLevel) {
    Require.values("pre", requireNonNull(pre, "pre"), 2);
    Require.values("post", requireNonNull(post, "post"), 2);
    Require.sameLength("post", post, "pre", pre);
    Require.level(confidenceLevel);
    return paired(METHOD, pre, post, confidenceLevel);
  }

  /** The paired test on validated arrays, reported under {@code method}. */
  static LiftEstimate paired(String method, double[] pre, double[] post, double confidenceLevel) {
    SampleSummary changes = SampleSummary.of(changes(pre, post));
    double change = changes.mean();
    double postMean = SampleSummary.of(post).mean();
    double preMean = postMean - change;
    double error = Math.sqrt(changes.varianceOfMean());
    double df = changes.count() - 1.0;
    double t = Tails.ratioOrZero(change, error);
    double half = error == 0 ? 0 : Tails.tCritical(confidenceLevel, df) * error;
    return new LiftEstimate(method, LiftEstimate.Scale.DIFFERENCE, postMean, preMean, change,
        LiftEstimate.relative(postMean, preMean), error,
        new Interval(change - half, change + half, confidenceLevel), t, df, Tails.tTwoSided(t, df));
  }

  /** {@code post[i] - pre[i]} for each customer. */
  static double[] changes(double[] pre, double[] post) {
    double[] changes = new double[pre.length];
    for (int i = 0; i < pre.length; i++) {
      changes[i] = post[i] - pre[i];
    }
    return changes;
  }
}
