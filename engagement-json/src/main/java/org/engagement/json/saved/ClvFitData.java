package org.engagement.json.saved;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalDouble;
import org.engagement.clv.model.DiscreteSummary;
import org.engagement.clv.model.SpendSummary;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.domain.InvalidFieldException;

/**
 * What a saved CLV model was fitted on, in brief: enough for a reader to judge whether the model suits other
 * customers, without the customers themselves.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param customers the customers the fit used (the summaries' total weight)
 * @param repeatBuyers those with at least one repeat purchase
 * @param repeatPurchases their repeat purchases in all
 * @param meanAge the customers' mean age {@code T} in the model's unit, for purchase models; for BG/BB, the mean
 *     number of opportunities {@code n} observed
 * @param meanRepeatSpend the mean spend per repeat purchase, weighted by purchases, for spend models
 * @since 0.1.0
 */
public record ClvFitData(long customers, long repeatBuyers, long repeatPurchases, OptionalDouble meanAge,
    OptionalDouble meanRepeatSpend) {

  /**
   * Checks the counts.
   *
   * @throws InvalidFieldException if a count is negative, there are more repeat buyers than customers, or a
   *     mean is negative or not finite
   */
  public ClvFitData {
    requireNonNull(meanAge, "meanAge");
    requireNonNull(meanRepeatSpend, "meanRepeatSpend");
    if (customers < 0 || repeatBuyers < 0 || repeatPurchases < 0) {
      throw new InvalidFieldException("customers", customers + "/" + repeatBuyers + "/" + repeatPurchases,
          "counts must not be negative");
    }
    if (repeatBuyers > customers || repeatPurchases < repeatBuyers) {
      throw new InvalidFieldException("repeatBuyers", repeatBuyers,
          "must be at most the customers (" + customers + ") and the repeat purchases (" + repeatPurchases + ")");
    }
    requireMean("meanAge", meanAge);
    requireMean("meanRepeatSpend", meanRepeatSpend);
  }

  private static void requireMean(String field, OptionalDouble mean) {
    if (mean.isPresent() && !(mean.getAsDouble() >= 0 && mean.getAsDouble() < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException(field, mean.getAsDouble(), "must be finite and not negative");
    }
  }

  /** The brief of the summaries a purchase model (BG/NBD, MBG/NBD, Pareto/NBD) was fitted on. */
  public static ClvFitData ofPurchases(List<WeightedSummary> summaries) {
    long customers = 0;
    long repeatBuyers = 0;
    long purchases = 0;
    for (WeightedSummary summary : summaries) {
      customers += summary.weight();
      repeatBuyers += summary.frequency() > 0 ? summary.weight() : 0;
      purchases += summary.frequency() * summary.weight();
    }
    double age = 0;
    for (WeightedSummary summary : summaries) {
      age += summary.age() * ((double) summary.weight() / customers);
    }
    return new ClvFitData(customers, repeatBuyers, purchases,
        customers == 0 ? OptionalDouble.empty() : OptionalDouble.of(age), OptionalDouble.empty());
  }

  /** The brief of the discrete-time histories a BG/BB model was fitted on; its mean age counts opportunities. */
  public static ClvFitData ofDiscrete(List<DiscreteSummary> summaries) {
    long customers = 0;
    long repeatBuyers = 0;
    long purchases = 0;
    for (DiscreteSummary summary : summaries) {
      customers += summary.weight();
      repeatBuyers += summary.frequency() > 0 ? summary.weight() : 0;
      purchases += summary.frequency() * summary.weight();
    }
    double opportunities = 0;
    for (DiscreteSummary summary : summaries) {
      opportunities += summary.opportunities() * ((double) summary.weight() / customers);
    }
    return new ClvFitData(customers, repeatBuyers, purchases,
        customers == 0 ? OptionalDouble.empty() : OptionalDouble.of(opportunities), OptionalDouble.empty());
  }

  /**
   * The brief of the repeat buyers' spends a Gamma-Gamma model was fitted on. The mean is summed as each
   * spend times its share of the purchases, so it stays finite for any finite spends.
   */
  public static ClvFitData ofSpend(List<SpendSummary> summaries) {
    long customers = 0;
    long purchases = 0;
    for (SpendSummary summary : summaries) {
      customers += summary.weight();
      purchases += (long) summary.frequency() * summary.weight();
    }
    double spend = 0;
    for (SpendSummary summary : summaries) {
      spend += summary.meanSpend() * ((double) summary.frequency() * summary.weight() / purchases);
    }
    return new ClvFitData(customers, customers, purchases, OptionalDouble.empty(),
        purchases == 0 ? OptionalDouble.empty() : OptionalDouble.of(spend));
  }
}
