package org.engagement.clv;

import static java.util.Objects.requireNonNull;

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

  private LifetimeValueOutcome(@Nullable FittedLifetimeValue fitted, @Nullable String reason,
      @Nullable FitResult purchaseSearch, @Nullable FitResult spendSearch) {
    this.fitted = fitted;
    this.reason = reason;
    this.purchaseSearch = purchaseSearch;
    this.spendSearch = spendSearch;
  }

  static LifetimeValueOutcome fitted(FittedLifetimeValue fitted, FitResult purchases, FitResult spend) {
    return new LifetimeValueOutcome(requireNonNull(fitted, "fitted"), null, purchases, spend);
  }

  static LifetimeValueOutcome unavailable(String reason, @Nullable FitResult purchases, @Nullable FitResult spend) {
    return new LifetimeValueOutcome(null, requireNonNull(reason, "reason"), purchases, spend);
  }

  /** The fitted lifetime value, if both searches converged. */
  public Optional<FittedLifetimeValue> fitted() {
    return Optional.ofNullable(fitted);
  }

  /** Why there is no {@link #fitted()} value, in a sentence; empty when there is one. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
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
