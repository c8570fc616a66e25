package org.engagement.roi.lift;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.stat.descriptive.StreamingStatistics;

/**
 * The size, mean and sample variance of a group's per-customer values: what a t test needs, for when only
 * aggregates are at hand (a report, a distributed aggregation) rather than the raw values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param count the number of values, at least 1
 * @param mean their mean, finite
 * @param variance their sample variance (divisor {@code count - 1}), finite and not negative; 0 when
 *     {@code count} is 1
 * @since 0.1.0
 */
public record SampleSummary(long count, double mean, double variance) {

  /** Validates the fields. */
  public SampleSummary {
    if (count < 1) {
      throw new InvalidFieldException("count", count, "must be at least 1");
    }
    Require.finite("mean", mean);
    Require.finiteNonNegative("variance", variance);
  }

  /**
   * Summarises raw values.
   *
   * @param values at least one finite value
   * @throws InvalidFieldException if there is none or one is not finite
   */
  public static SampleSummary of(double[] values) {
    Require.values("values", requireNonNull(values, "values"), 1);
    StreamingStatistics statistics = new StreamingStatistics();
    for (double value : values) {
      statistics.addValue(value);
    }
    double variance = values.length == 1 ? 0 : statistics.getVariance();
    return new SampleSummary(values.length, statistics.getMean(), variance);
  }

  /**
   * Builds a summary from a published mean and standard error of the mean, as tables in papers give them.
   *
   * @param count the group size, at least 1
   * @param mean the mean
   * @param standardError the standard error of the mean, finite and not negative
   */
  public static SampleSummary fromStandardError(long count, double mean, double standardError) {
    Require.finiteNonNegative("standardError", standardError);
    return new SampleSummary(count, mean, standardError * standardError * count);
  }

  /** The sample standard deviation. */
  public double standardDeviation() {
    return Math.sqrt(variance);
  }

  /** The squared standard error of the mean, {@code variance / count}. */
  double varianceOfMean() {
    return variance / count;
  }
}
