package org.engagement.spark.clv;

import java.util.Optional;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.GammaGammaModel;
import org.jspecify.annotations.Nullable;

/**
 * The BG/NBD and Gamma-Gamma fit of {@link SparkLifetimeValue#fit}, made on the driver from the buyers'
 * compressed histories: the models when both searches were usable, or the reason there are none (the same
 * sentences {@code LifetimeValueAnalysis} gives), with the counts the fit saw.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LifetimeValueFit {
  private final @Nullable BgNbdModel purchases;
  private final @Nullable GammaGammaModel spend;
  private final @Nullable String reason;
  private final long buyers;
  private final long repeatBuyers;
  private final long zeroSpendBuyers;
  private final ClvForm form;

  LifetimeValueFit(@Nullable BgNbdModel purchases, @Nullable GammaGammaModel spend, @Nullable String reason,
      Histories histories, ClvForm form) {
    this.purchases = purchases;
    this.spend = spend;
    this.reason = reason;
    this.buyers = histories.buyers;
    this.repeatBuyers = histories.repeatBuyers;
    this.zeroSpendBuyers = histories.spends.zeroSpendCustomers();
    this.form = form;
  }

  /** The fitted purchase model, in the settings' unit; empty when the fit gave none ({@link #reason()}). */
  public Optional<BgNbdModel> purchases() {
    return Optional.ofNullable(purchases);
  }

  /** The fitted spend model; empty when the fit gave none. */
  public Optional<GammaGammaModel> spend() {
    return Optional.ofNullable(spend);
  }

  /** Why there are no models, when there are none. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** The buyers the purchase model was fitted on. */
  public long buyers() {
    return buyers;
  }

  /** The buyers with at least one repeat purchase day. */
  public long repeatBuyers() {
    return repeatBuyers;
  }

  /** The repeat buyers left out of the spend fit because they spent 0. */
  public long zeroSpendBuyers() {
    return zeroSpendBuyers;
  }

  ClvForm form() {
    return form;
  }

  @Override
  public String toString() {
    return "LifetimeValueFit[" + (reason != null ? reason : purchases + ", " + spend) + ", " + buyers + " buyers]";
  }
}
