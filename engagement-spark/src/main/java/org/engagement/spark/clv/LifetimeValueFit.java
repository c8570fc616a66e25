package org.engagement.spark.clv;

import java.util.Optional;
import org.engagement.clv.LifetimeValueModels;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.GammaGammaModel;

/**
 * The BG/NBD and Gamma-Gamma fit of {@link SparkLifetimeValue#fit}, made on the driver from the buyers'
 * merged histories by {@code LifetimeValueAnalysis.fitHistories}: the {@link LifetimeValueModels} (the
 * models, or the reason there are none, with the counts the fit saw) and what the executors need to
 * predict with them.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LifetimeValueFit {
  private final LifetimeValueModels models;
  private final ClvForm form;

  LifetimeValueFit(LifetimeValueModels models, ClvForm form) {
    this.models = models;
    this.form = form;
  }

  /** The fit as the CLV module gives it: models or reason, searches, degeneracies and counts. */
  public LifetimeValueModels models() {
    return models;
  }

  /** The fitted purchase model, in the settings' unit; empty when the fit gave none ({@link #reason()}). */
  public Optional<BgNbdModel> purchases() {
    return models.purchases();
  }

  /** The fitted spend model; empty when the fit gave none. */
  public Optional<GammaGammaModel> spend() {
    return models.spend();
  }

  /** Why there are no models, when there are none. */
  public Optional<String> reason() {
    return models.reason();
  }

  /** The buyers the purchase model was fitted on. */
  public long buyers() {
    return models.buyers();
  }

  /** The buyers with at least one repeat purchase day. */
  public long repeatBuyers() {
    return models.repeatBuyers();
  }

  /** The repeat buyers left out of the spend fit because they spent 0. */
  public long zeroSpendBuyers() {
    return models.zeroSpendBuyers();
  }

  ClvForm form() {
    return form;
  }

  @Override
  public String toString() {
    return "LifetimeValueFit[" + models + "]";
  }
}
