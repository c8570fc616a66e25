package org.engagement.clv;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.engagement.clv.prediction.LifetimeValuePredictor;
import org.engagement.clv.summary.FirstPurchase;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummaries;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.SummaryOptions;
import org.engagement.core.profile.ProfileInput;
import org.engagement.core.profile.ProfileMetrics;

/**
 * Adds to each buyer's profile the four repeat-buying metrics {@link LifetimeValuePredictor} reads (in
 * days): {@value LifetimeValuePredictor#REPEAT_PURCHASES}, {@value LifetimeValuePredictor#PURCHASE_SPAN_DAYS},
 * {@value LifetimeValuePredictor#CUSTOMER_AGE_DAYS} and {@value LifetimeValuePredictor#MEAN_REPEAT_SPEND},
 * so that a fitted lifetime value ({@link FittedLifetimeValue#predictor()}) predicts from a profile.
 *
 * <pre>{@code
 * List<CustomerProfile> profiles = CustomerProfiles.defaults()
 *     .withMetrics(RepeatBuyingMetrics.inDays()).profiles(interactions, asOf);
 * }</pre>
 *
 * <p>The purchases are the profiles' own: their conversion rule and value currency
 * ({@link ProfileInput#purchases()}), summarised as {@link LifetimeValueAnalysis#summaries} does, by UTC
 * day up to the as-of date. Without a value currency (no purchase carries a value) no metric is added.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RepeatBuyingMetrics implements ProfileMetrics {
  private static final RepeatBuyingMetrics IN_DAYS = new RepeatBuyingMetrics();

  private RepeatBuyingMetrics() {}

  /** The contributor of the repeat-buying metrics, in days. */
  public static RepeatBuyingMetrics inDays() {
    return IN_DAYS;
  }

  @Override
  public Map<String, Map<String, Double>> metrics(ProfileInput input) {
    Map<String, Map<String, Double>> metrics = new HashMap<>();
    input.purchases().currency().ifPresent(currency -> {
      LocalDate asOf = input.asOfDate();
      var transactions =
          LifetimeValueAnalysis.transactions(input.interactions(), input.conversionRule(), currency, input.asOf());
      SummaryOptions options = SummaryOptions.of(PeriodUnit.DAY, asOf).withFirstPurchase(FirstPurchase.EXCLUDED);
      for (RepeatBuyingSummary s : RepeatBuyingSummaries.summarize(transactions, options)) {
        metrics.put(s.customerId(), Map.of(
            LifetimeValuePredictor.REPEAT_PURCHASES, (double) s.frequency(),
            LifetimeValuePredictor.PURCHASE_SPAN_DAYS, s.recency(),
            LifetimeValuePredictor.CUSTOMER_AGE_DAYS, s.age(),
            LifetimeValuePredictor.MEAN_REPEAT_SPEND, s.meanSpend()));
      }
    });
    return metrics;
  }

  @Override
  public String toString() {
    return "RepeatBuyingMetrics[days]";
  }
}
