package org.engagement.clv;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.engagement.clv.fit.FitResult;
import org.jspecify.annotations.Nullable;

/**
 * What {@link LifetimeValueAnalysis#fit} gives: a {@link FittedLifetimeValue}, or the reason there is
 * none (too few repeat buyers, a search that did not converge). A page shows the reason rather than
 * numbers from an unconverged search; the searches' results stay available for diagnosis.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LifetimeValueOutcome {
  private final @Nullable FittedLifetimeValue fitted;
  private final @Nullable String reason;
  private final @Nullable FitResult purchaseSearch;
  private final @Nullable FitResult spendSearch;
  private final long zeroSpendBuyers;

  private LifetimeValueOutcome(@Nullable FittedLifetimeValue fitted, @Nullable String reason,
      @Nullable FitResult purchaseSearch, @Nullable FitResult spendSearch, long zeroSpendBuyers) {
    this.fitted = fitted;
    this.reason = reason;
    this.purchaseSearch = purchaseSearch;
    this.spendSearch = spendSearch;
    this.zeroSpendBuyers = zeroSpendBuyers;
  }

  static LifetimeValueOutcome fitted(FittedLifetimeValue fitted, FitResult purchases, FitResult spend,
      long zeroSpendBuyers) {
    return new LifetimeValueOutcome(requireNonNull(fitted, "fitted"), null, purchases, spend, zeroSpendBuyers);
  }

  static LifetimeValueOutcome unavailable(String reason, @Nullable FitResult purchases, @Nullable FitResult spend) {
    return new LifetimeValueOutcome(null, requireNonNull(reason, "reason"), purchases, spend, 0);
  }

  /**
   * The repeat buyers left out of the spend fit for a mean spend of 0 (the spend model needs positive
   * amounts; see {@link org.engagement.clv.model.SpendSummaries#leavingOutZeroSpend}). They are still in
   * the purchase fit, and their predictions use the fitted spend model. A page should show the count.
   */
  public long zeroSpendBuyers() {
    return zeroSpendBuyers;
  }

  /** The fitted lifetime value, if both searches converged. */
  public Optional<FittedLifetimeValue> fitted() {
    return Optional.ofNullable(fitted);
  }

  /** Why there is no {@link #fitted()} value, in a sentence; empty when there is one. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /**
   * A sentence per search that settled at a boundary ({@link org.engagement.clv.fit.FitStatus#DEGENERATE}),
   * naming the model, the parameters that ran off and what the collapsed model means; empty when none did.
   * A page that shows the value must show these beside it: the value comes from a model with no
   * heterogeneity where the data showed none, and its {@code P(alive)} is overconfident.
   */
  public List<String> degeneracies() {
    return LifetimeValueModels.degeneracies(purchaseSearch, spendSearch);
  }

  /** The purchase model's search, converged or not; empty when no fit was tried. */
  public Optional<FitResult> purchaseSearch() {
    return Optional.ofNullable(purchaseSearch);
  }

  /** The spend model's search, converged or not; empty when no fit was tried. */
  public Optional<FitResult> spendSearch() {
    return Optional.ofNullable(spendSearch);
  }

  @Override
  public String toString() {
    return "LifetimeValueOutcome[" + (fitted != null ? fitted : "unavailable: " + reason) + "]";
  }
}
