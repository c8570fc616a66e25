package org.engagement.clv.prediction;

import static java.util.Objects.requireNonNull;

import org.engagement.clv.summary.PeriodUnit;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.value.tier.ValuePredictor;

/**
 * The value tiers' {@link ValuePredictor} backed by a {@link CustomerLifetimeValue}: a customer's predicted
 * value is their lifetime value, computed from repeat-buying metrics in their profile. With it, {@link
 * org.engagement.core.value.tier.ValueTiers} puts a customer whose value so far is low but whose buying
 * pattern promises a lot in "grow" (the high-potential customers).
 *
 * <p>Times in profiles are in days (profile metrics carry no unit, so one is fixed) and are converted to
 * the model's unit. The metrics read:
 *
 * <table>
 *   <caption>Profile metrics</caption>
 *   <tr><th>name</th><th>meaning</th><th>when missing</th></tr>
 *   <tr><td>{@value #CUSTOMER_AGE_DAYS}</td><td>{@code T}: days from the first purchase to now</td>
 *       <td>not a buyer yet: predicted value 0 (the models forecast repeat purchases of customers who
 *       have made a first one)</td></tr>
 *   <tr><td>{@value #REPEAT_PURCHASES}</td><td>{@code x}: purchases after the first (by distinct day, as
 *       in {@link org.engagement.clv.summary.RepeatBuyingSummaries}), a whole number</td><td>0</td></tr>
 *   <tr><td>{@value #PURCHASE_SPAN_DAYS}</td><td>{@code t_x}: days from the first to the last purchase, at
 *       most {@code T}</td><td>0 if there is no repeat purchase, otherwise an error</td></tr>
 *   <tr><td>{@value #MEAN_REPEAT_SPEND}</td><td>{@code zbar}: the mean amount of the repeat purchases</td>
 *       <td>0</td></tr>
 * </table>
 *
 * <p>{@link org.engagement.core.value.tier.MetricNames#RECENCY_DAYS} (days since the last activity of any
 * kind) is not used: the models need the time of the last purchase, measured from the first.
 *
 * <p>Immutable and thread-safe if the lifetime value's spend forecast is.
 *
 * @since 0.1.0
 */
public final class LifetimeValuePredictor implements ValuePredictor {
  /** Repeat purchases {@code x}. */
  public static final String REPEAT_PURCHASES = "repeat_purchases";
  /** Days from the first to the last purchase, {@code t_x}. */
  public static final String PURCHASE_SPAN_DAYS = "purchase_span_days";
  /** Days from the first purchase to now, {@code T}. */
  public static final String CUSTOMER_AGE_DAYS = "customer_age_days";
  /** Mean amount of the repeat purchases, {@code zbar}. */
  public static final String MEAN_REPEAT_SPEND = "mean_repeat_spend";

  private final CustomerLifetimeValue lifetimeValue;

  private LifetimeValuePredictor(CustomerLifetimeValue lifetimeValue) {
    this.lifetimeValue = lifetimeValue;
  }

  /** A predictor returning {@code lifetimeValue}'s value of each profile. */
  public static LifetimeValuePredictor of(CustomerLifetimeValue lifetimeValue) {
    return new LifetimeValuePredictor(requireNonNull(lifetimeValue, "lifetimeValue"));
  }

  /** The valuation behind the predictions. */
  public CustomerLifetimeValue lifetimeValue() {
    return lifetimeValue;
  }

  /**
   * The lifetime value of the customer whose repeat-buying metrics are in {@code profile}.
   *
   * @throws InvalidFieldException if a metric is negative, the repeat purchases are not a whole number, the
   *     purchase span is missing for a repeat buyer or exceeds the customer's age
   */
  @Override
  public double predict(CustomerProfile profile) {
    requireNonNull(profile, "profile");
    if (profile.metric(CUSTOMER_AGE_DAYS).isEmpty()) {
      return 0;
    }
    PeriodUnit unit = lifetimeValue.model().unit();
    double age = PeriodUnit.DAY.convert(nonNegative(profile, CUSTOMER_AGE_DAYS, 0), unit);
    int frequency = repeatPurchases(profile);
    if (frequency > 0 && profile.metric(PURCHASE_SPAN_DAYS).isEmpty()) {
      throw new InvalidFieldException(field(profile, PURCHASE_SPAN_DAYS), null,
          "is required when " + REPEAT_PURCHASES + " is above 0");
    }
    double span = nonNegative(profile, PURCHASE_SPAN_DAYS, 0);
    double recency = PeriodUnit.DAY.convert(span, unit);
    if (recency > age) {
      throw new InvalidFieldException(field(profile, PURCHASE_SPAN_DAYS), span,
          "must not exceed " + CUSTOMER_AGE_DAYS + " (" + profile.metric(CUSTOMER_AGE_DAYS).orElseThrow() + ")");
    }
    return lifetimeValue.value(frequency, recency, age, nonNegative(profile, MEAN_REPEAT_SPEND, 0));
  }

  private static int repeatPurchases(CustomerProfile profile) {
    double x = nonNegative(profile, REPEAT_PURCHASES, 0);
    if (x != Math.rint(x) || x > Integer.MAX_VALUE) {
      throw new InvalidFieldException(field(profile, REPEAT_PURCHASES), x, "must be a whole number");
    }
    return (int) x;
  }

  private static double nonNegative(CustomerProfile profile, String metric, double missing) {
    double v = profile.metric(metric).orElse(missing);
    if (v < 0) {
      throw new InvalidFieldException(field(profile, metric), v, "must not be negative");
    }
    return v;
  }

  private static String field(CustomerProfile profile, String metric) {
    return "metric " + metric + " of customer " + profile.customer().id();
  }

  @Override
  public String toString() {
    return "LifetimeValuePredictor[" + lifetimeValue + "]";
  }
}
