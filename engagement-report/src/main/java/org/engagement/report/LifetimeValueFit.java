package org.engagement.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.model.ModelFit;
import org.engagement.clv.model.SpendSummary;
import org.engagement.clv.prediction.CustomerLifetimeValue;
import org.engagement.clv.prediction.DiscountRate;
import org.engagement.clv.prediction.Horizon;
import org.engagement.clv.prediction.LifetimeValuePredictor;
import org.engagement.clv.prediction.SpendForecast;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummaries;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.SummaryOptions;
import org.engagement.clv.summary.Transaction;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;

/**
 * The report's customer-lifetime-value model, fitted on the analysis's own purchases: BG/NBD for the
 * purchases (in weeks, same-day purchases merged, the first purchase excluded) and Gamma-Gamma for the
 * spend of repeat buyers, valued over {@link #HORIZON} discounted at {@link #RATE}. Either fit may fail to
 * converge (few repeat buyers, for one); then there is no model and the page says why rather than showing
 * numbers from an unconverged search.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lifetimeValue the lifetime value of a customer history under the fitted models
 * @param transactions the fitted purchase model
 * @param spend the fitted spend model
 * @param buyers customers with a purchase in the value currency
 * @param repeatBuyers those with at least one repeat purchase day (the spend model's data)
 * @since 0.1.0
 */
public record LifetimeValueFit(CustomerLifetimeValue lifetimeValue, BgNbdModel transactions, GammaGammaModel spend,
    int buyers, int repeatBuyers) {
  /** The valuation horizon in years. */
  public static final int YEARS = 3;
  /** The valuation horizon. */
  public static final Horizon HORIZON = Horizon.years(YEARS);
  /** The yearly discount rate. */
  public static final DiscountRate RATE = DiscountRate.annual(0.10);

  /** Checks for nulls. */
  public LifetimeValueFit {
    requireNonNull(lifetimeValue, "lifetimeValue");
    requireNonNull(transactions, "transactions");
    requireNonNull(spend, "spend");
  }

  /**
   * Fits the models on the purchases of {@code analysis} in its value currency, up to its as-of date.
   *
   * @return the fit, or why there is none
   */
  static Outcome fit(Analysis analysis) {
    Optional<Currency> currency = analysis.currency();
    if (currency.isEmpty()) {
      return Outcome.none("no purchase carries a value");
    }
    List<RepeatBuyingSummary> summaries = summaries(analysis, currency.get(), PeriodUnit.WEEK);
    List<RepeatBuyingSummary> repeat = summaries.stream().filter(s -> s.frequency() > 0).toList();
    if (repeat.size() < 10) {
      return Outcome.none("only " + repeat.size() + " customers bought twice; the models need more");
    }
    analysis.progress().step("fitting BG/NBD and Gamma-Gamma on " + summaries.size() + " buyers");
    ModelFit<BgNbdModel> purchases =
        BgNbdModel.fit(WeightedSummary.compress(summaries), PeriodUnit.WEEK, FitOptions.defaults());
    ModelFit<GammaGammaModel> spend = GammaGammaModel.fit(SpendSummary.compress(repeat), FitOptions.defaults());
    if (!purchases.converged() || !spend.converged()) {
      return Outcome.none("the model fit did not converge (BG/NBD " + purchases.result().status()
          + ", Gamma-Gamma " + spend.result().status() + ")");
    }
    CustomerLifetimeValue value = CustomerLifetimeValue.of(
        purchases.model(), SpendForecast.gammaGamma(spend.model()), HORIZON, RATE);
    return new Outcome(Optional.of(new LifetimeValueFit(
        value, purchases.model(), spend.model(), summaries.size(), repeat.size())), "");
  }

  /** Each buyer's repeat-buying summary in {@code unit}, up to the as-of date. */
  static List<RepeatBuyingSummary> summaries(Analysis analysis, Currency currency, PeriodUnit unit) {
    ConversionRule rule = ConversionRule.purchases();
    List<Transaction> transactions = new ArrayList<>();
    for (Interaction i : analysis.input().interactions()) {
      if (rule.isConversion(i) && (i.value() == null || i.value().currency().equals(currency))) {
        transactions.add(Transaction.at(i.customerId(), i.timestamp(),
            i.value() == null ? 0 : i.value().amount().doubleValue()));
      }
    }
    return RepeatBuyingSummaries.summarize(transactions, SummaryOptions.of(unit, analysis.asOfDate()));
  }

  /** The models and the valuation in a sentence, for the page. */
  public String description() {
    return String.format(Locale.ROOT, "BG/NBD (r %.3f, alpha %.3f, a %.3f, b %.3f, weeks) on %d buyers with "
            + "Gamma-Gamma spend (p %.3f, q %.3f, gamma %.3f) on %d repeat buyers; value over %d years discounted "
            + "at 10%% a year", transactions.r(), transactions.alpha(), transactions.a(), transactions.b(), buyers,
        spend.p(), spend.q(), spend.gamma(), repeatBuyers, YEARS);
  }

  /** A fit, or the reason there is none. */
  record Outcome(Optional<LifetimeValueFit> fit, String reason) {
    static Outcome none(String reason) {
      return new Outcome(Optional.empty(), reason);
    }
  }

  /** The four profile metrics the {@code LifetimeValuePredictor} reads, per buyer, in days. */
  static Map<String, Map<String, Double>> metrics(Analysis analysis) {
    Map<String, Map<String, Double>> metrics = new HashMap<>();
    analysis.currency().ifPresent(currency -> {
      for (RepeatBuyingSummary s : summaries(analysis, currency, PeriodUnit.DAY)) {
        metrics.put(s.customerId(), Map.of(
            LifetimeValuePredictor.REPEAT_PURCHASES, (double) s.frequency(),
            LifetimeValuePredictor.PURCHASE_SPAN_DAYS, s.recency(),
            LifetimeValuePredictor.CUSTOMER_AGE_DAYS, s.age(),
            LifetimeValuePredictor.MEAN_REPEAT_SPEND, s.meanSpend()));
      }
    });
    return metrics;
  }
}
