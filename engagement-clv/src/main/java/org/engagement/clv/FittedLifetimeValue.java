package org.engagement.clv;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.prediction.CustomerColumns;
import org.engagement.clv.prediction.CustomerLifetimeValue;
import org.engagement.clv.prediction.LifetimeValuePredictor;
import org.engagement.clv.prediction.Predictions;
import org.engagement.clv.prediction.SpendForecast;
import org.engagement.clv.summary.RepeatBuyingSummary;

/**
 * Lifetime value under converged models: BG/NBD for the purchases and Gamma-Gamma for the spend, fitted
 * on the buyers' repeat-buying summaries, valued over the settings' horizon at their discount rate.
 *
 * <p>Made only by {@link LifetimeValueAnalysis} from searches that converged. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class FittedLifetimeValue {
  private final LifetimeValueSettings settings;
  private final BgNbdModel purchases;
  private final GammaGammaModel spend;
  private final List<RepeatBuyingSummary> summaries;
  private final int repeatBuyers;
  private final CustomerLifetimeValue lifetimeValue;

  FittedLifetimeValue(LifetimeValueSettings settings, BgNbdModel purchases, GammaGammaModel spend,
      List<RepeatBuyingSummary> summaries, int repeatBuyers) {
    this.settings = requireNonNull(settings, "settings");
    this.purchases = requireNonNull(purchases, "purchases");
    this.spend = requireNonNull(spend, "spend");
    this.summaries = List.copyOf(summaries);
    this.repeatBuyers = repeatBuyers;
    this.lifetimeValue = valuation(settings, purchases, spend);
  }

  /** The lifetime value under these models with the settings' horizon and discount rate. */
  static CustomerLifetimeValue valuation(LifetimeValueSettings settings, BgNbdModel purchases, GammaGammaModel spend) {
    return CustomerLifetimeValue.of(purchases, SpendForecast.gammaGamma(spend), settings.horizon(),
        settings.discountRate());
  }

  /** The settings the models were fitted and valued with. */
  public LifetimeValueSettings settings() {
    return settings;
  }

  /** The fitted purchase model, in the settings' unit. */
  public BgNbdModel purchases() {
    return purchases;
  }

  /** The fitted spend model. */
  public GammaGammaModel spend() {
    return spend;
  }

  /** The lifetime value of a customer history under the fitted models. */
  public CustomerLifetimeValue lifetimeValue() {
    return lifetimeValue;
  }

  /**
   * The lifetime value as the value tiers' predictor, reading the repeat-buying profile metrics of {@link
   * RepeatBuyingMetrics}.
   */
  public LifetimeValuePredictor predictor() {
    return LifetimeValuePredictor.of(lifetimeValue);
  }

  /** The buyers' summaries the models were fitted on, in the settings' unit. */
  public List<RepeatBuyingSummary> summaries() {
    return summaries;
  }

  /** The customers the purchase model was fitted on. */
  public int buyers() {
    return summaries.size();
  }

  /** Those with at least one repeat purchase day: the spend model's data. */
  public int repeatBuyers() {
    return repeatBuyers;
  }

  /** The lifetime value of the customer whose summary (in the settings' unit) is {@code summary}. */
  public double value(RepeatBuyingSummary summary) {
    return lifetimeValue.value(summary);
  }

  /** The predictions of every buyer the models were fitted on, in the order of {@link #summaries()}. */
  public List<CustomerValue> predictions() {
    CustomerColumns columns = CustomerColumns.from(summaries, settings.unit());
    Predictions predictions = Predictions.of(purchases);
    double[] alive = predictions.probabilityAlive(columns);
    double[] expected = predictions.conditionalExpectedPurchases(columns, settings.horizon());
    double[] spends = SpendForecast.gammaGamma(spend).perPurchase(columns);
    double[] values = lifetimeValue.values(columns);
    List<CustomerValue> out = new ArrayList<>(summaries.size());
    for (int i = 0; i < values.length; i++) {
      out.add(new CustomerValue(summaries.get(i).customerId(), alive[i], expected[i], spends[i], values[i]));
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "FittedLifetimeValue[" + purchases + ", " + spend + ", " + summaries.size() + " buyers, " + repeatBuyers
        + " repeat buyers, " + settings + "]";
  }
}
