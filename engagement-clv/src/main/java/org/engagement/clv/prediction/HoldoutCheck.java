package org.engagement.clv.prediction;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The standard validation of a repeat-buying model: fitted on the calibration period, does it predict the
 * purchases customers actually made in the holdout period that follows? As in Fader, Hardie and Lee (2005),
 * "Counting your customers the easy way", Marketing Science 24(2), Sec. 7 and figure 4: the total of the
 * conditional expectations {@code E[Y(h) | x, t_x, T]} over the holdout length {@code h} against the total
 * actual holdout purchases, and the same by calibration frequency {@code x = 0, 1, ..., k - 1, k+} (mean per
 * customer in each bucket).
 *
 * <p>Input: the calibration summaries with their holdout counts ({@link RepeatBuyingSummary#holdoutFrequency()},
 * which {@link org.engagement.clv.summary.RepeatBuyingSummaries} fills when {@link
 * org.engagement.clv.summary.SummaryOptions#withObservationEnd} sets a holdout end), the model fitted on those
 * summaries, and the holdout length. The error measures are deliberately simple: {@link #totalError()},
 * the relative error of the total, and {@link #bucketError()}, the customer-weighted mean absolute error
 * of the bucket means (the gap between figure 4's two curves). On CDNOW, BG/NBD predicts 1,653 of 1,882
 * holdout purchases (-12 %).
 *
 * <p>Immutable and thread-safe.
 *
 * @param predicted the sum of the conditional expectations over the holdout
 * @param actual the sum of the actual holdout purchases
 * @param buckets by calibration frequency, the last one holding every {@code x} from its frequency up
 * @since 0.1.0
 */
public record HoldoutCheck(double predicted, double actual, List<Bucket> buckets) {

  /**
   * The customers with one calibration frequency (or, for the last bucket, that frequency or more).
   *
   * @param frequency the calibration frequency {@code x}, or the lowest one of the last bucket
   * @param openEnded whether this is the last bucket, {@code x >= frequency}
   * @param customers customers in the bucket, at least 1
   * @param predictedMean the mean conditional expectation over the holdout
   * @param actualMean the mean actual holdout purchases
   */
  public record Bucket(int frequency, boolean openEnded, long customers, double predictedMean, double actualMean) {
    /** Validates the fields. */
    public Bucket {
      if (customers < 1) {
        throw new InvalidFieldException("customers", customers, "must be at least 1");
      }
    }

    /** The label of figure 4: {@code "3"}, or {@code "7+"} for the last bucket. */
    public String label() {
      return openEnded ? frequency + "+" : Integer.toString(frequency);
    }
  }

  /** Copies the buckets. */
  public HoldoutCheck {
    buckets = List.copyOf(buckets);
  }

  /**
   * Compares {@code model}'s predictions over {@code holdout} with the actual holdout purchases of {@code
   * customers}, with buckets {@code x = 0 .. openBucket - 1} and {@code openBucket+} (empty buckets left
   * out; FHL use 7).
   *
   * @throws InvalidFieldException if {@code customers} is empty or {@code openBucket} is negative
   */
  public static HoldoutCheck of(RepeatBuyingModel model, List<RepeatBuyingSummary> customers, Horizon holdout,
      int openBucket) {
    requireNonNull(model, "model");
    requireNonNull(holdout, "holdout");
    if (customers.isEmpty()) {
      throw new InvalidFieldException("customers", "[]", "must hold at least one customer");
    }
    if (openBucket < 0) {
      throw new InvalidFieldException("openBucket", openBucket, "must not be negative");
    }
    double h = holdout.in(model.unit());
    double[] predictedSums = new double[openBucket + 1];
    double[] actualSums = new double[openBucket + 1];
    long[] counts = new long[openBucket + 1];
    double predicted = 0;
    double actual = 0;
    for (RepeatBuyingSummary c : customers) {
      double expected = model.conditionalExpectedPurchases(c.frequency(), c.recency(), c.age(), h);
      int bucket = Math.min(c.frequency(), openBucket);
      predictedSums[bucket] += expected;
      actualSums[bucket] += c.holdoutFrequency();
      counts[bucket]++;
      predicted += expected;
      actual += c.holdoutFrequency();
    }
    List<Bucket> buckets = new ArrayList<>();
    for (int x = 0; x <= openBucket; x++) {
      if (counts[x] > 0) {
        buckets.add(new Bucket(x, x == openBucket, counts[x], predictedSums[x] / counts[x], actualSums[x] / counts[x]));
      }
    }
    return new HoldoutCheck(predicted, actual, buckets);
  }

  /** The customers compared: those of every bucket. */
  public long customers() {
    return buckets.stream().mapToLong(Bucket::customers).sum();
  }

  /** {@code (predicted - actual) / actual}: -0.12 is 12 % too few; infinite when nobody bought in the holdout. */
  public double totalError() {
    return (predicted - actual) / actual;
  }

  /** The customer-weighted mean of {@code |predicted mean - actual mean|} over the buckets, in purchases. */
  public double bucketError() {
    double weighted = 0;
    long customers = 0;
    for (Bucket b : buckets) {
      weighted += b.customers() * Math.abs(b.predictedMean() - b.actualMean());
      customers += b.customers();
    }
    return weighted / customers;
  }
}
