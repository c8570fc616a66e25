package org.engagement.clv;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.prediction.CustomerLifetimeValue;
import org.jspecify.annotations.Nullable;

/**
 * What {@link LifetimeValueAnalysis#fitHistories} gives: the BG/NBD and Gamma-Gamma models fitted on the
 * buyers' {@link BuyerHistories}, or the reason there are none (too few repeat buyers, a search that did
 * not converge), with the counts the fit saw. It holds no customer, so it is what a distributed engine
 * keeps on its driver; {@link LifetimeValueOutcome} adds the buyers' summaries to it in-process.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LifetimeValueModels {
  private final LifetimeValueSettings settings;
  private final @Nullable BgNbdModel purchases;
  private final @Nullable GammaGammaModel spend;
  private final @Nullable String reason;
  private final @Nullable FitResult purchaseSearch;
  private final @Nullable FitResult spendSearch;
  private final long buyers;
  private final long repeatBuyers;
  private final long zeroSpendBuyers;

  private LifetimeValueModels(LifetimeValueSettings settings, @Nullable BgNbdModel purchases,
      @Nullable GammaGammaModel spend, @Nullable String reason, @Nullable FitResult purchaseSearch,
      @Nullable FitResult spendSearch, BuyerHistories histories) {
    this.settings = settings;
    this.purchases = purchases;
    this.spend = spend;
    this.reason = reason;
    this.purchaseSearch = purchaseSearch;
    this.spendSearch = spendSearch;
    this.buyers = histories.buyers();
    this.repeatBuyers = histories.repeatBuyers();
    this.zeroSpendBuyers = histories.spends().zeroSpendCustomers();
  }

  static LifetimeValueModels fitted(LifetimeValueSettings settings, BgNbdModel purchases, GammaGammaModel spend,
      FitResult purchaseSearch, FitResult spendSearch, BuyerHistories histories) {
    return new LifetimeValueModels(settings, requireNonNull(purchases, "purchases"), requireNonNull(spend, "spend"),
        null, purchaseSearch, spendSearch, histories);
  }

  static LifetimeValueModels unavailable(LifetimeValueSettings settings, String reason,
      @Nullable FitResult purchaseSearch, @Nullable FitResult spendSearch, BuyerHistories histories) {
    return new LifetimeValueModels(settings, null, null, requireNonNull(reason, "reason"), purchaseSearch,
        spendSearch, histories);
  }

  /** The settings the models were fitted with (and are to be valued with). */
  public LifetimeValueSettings settings() {
    return settings;
  }

  /** The fitted purchase model, in the settings' unit; empty when there is none ({@link #reason()}). */
  public Optional<BgNbdModel> purchases() {
    return Optional.ofNullable(purchases);
  }

  /** The fitted spend model; empty when there is none. */
  public Optional<GammaGammaModel> spend() {
    return Optional.ofNullable(spend);
  }

  /**
   * The lifetime value under the fitted models, valued over the settings' horizon at their discount rate (what
   * {@link FittedLifetimeValue#lifetimeValue()} is for the same models); empty when there are no models.
   */
  public Optional<CustomerLifetimeValue> lifetimeValue() {
    return purchases == null || spend == null ? Optional.empty()
        : Optional.of(FittedLifetimeValue.valuation(settings, purchases, spend));
  }

  /** Why there are no models, in a sentence; empty when there are. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** The purchase model's search, converged or not; empty when none was run or its result was not kept. */
  public Optional<FitResult> purchaseSearch() {
    return Optional.ofNullable(purchaseSearch);
  }

  /** The spend model's search, converged or not; empty when none was run. */
  public Optional<FitResult> spendSearch() {
    return Optional.ofNullable(spendSearch);
  }

  /**
   * A sentence per search that settled at a boundary, as {@link LifetimeValueOutcome#degeneracies()} gives
   * them; a page that shows values from these models must show these beside them.
   */
  public List<String> degeneracies() {
    return degeneracies(purchaseSearch, spendSearch);
  }

  /** The buyers the purchase model was fitted on. */
  public long buyers() {
    return buyers;
  }

  /** The buyers with at least one repeat purchase. */
  public long repeatBuyers() {
    return repeatBuyers;
  }

  /** The repeat buyers left out of the spend fit because they spent 0. */
  public long zeroSpendBuyers() {
    return zeroSpendBuyers;
  }

  static List<String> degeneracies(@Nullable FitResult purchaseSearch, @Nullable FitResult spendSearch) {
    List<String> out = new ArrayList<>(2);
    if (purchaseSearch != null) {
      purchaseSearch.degeneracy().ifPresent(d -> out.add("BG/NBD fit is degenerate: " + d));
    }
    if (spendSearch != null) {
      spendSearch.degeneracy().ifPresent(d -> out.add("Gamma-Gamma fit is degenerate: " + d));
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "LifetimeValueModels[" + (reason != null ? "unavailable: " + reason : purchases + ", " + spend) + ", "
        + buyers + " buyers, " + repeatBuyers + " repeat buyers]";
  }
}
