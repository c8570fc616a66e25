package org.engagement.json.view;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.engagement.clv.FittedLifetimeValue;
import org.engagement.clv.prediction.Horizon;
import org.engagement.clv.LifetimeValueOutcome;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.summary.PeriodUnit;
import org.jspecify.annotations.Nullable;

/**
 * A lifetime-value outcome as a host sends it on: whether the models were fitted and, if not, why; the
 * degeneracies a page must show beside the value; both searches (status, estimates, standard errors); and, when
 * fitted, what the value rests on. The buyers' predictions are sent as a list of
 * {@link org.engagement.clv.CustomerValue}s ({@link FittedLifetimeValue#predictions()}), which have a form of
 * their own; the buyers' summaries stay behind.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reason why there is no fitted value, or {@code null} when there is one
 * @param degeneracies {@link LifetimeValueOutcome#degeneracies()}
 * @param zeroSpendBuyers repeat buyers left out of the spend fit for a mean spend of 0
 * @param purchaseSearch the purchase model's search, or {@code null} if none was tried
 * @param spendSearch the spend model's search, or {@code null} if none was tried
 * @param fitted what the fitted value rests on, or {@code null} when there is none
 * @since 0.1.0
 */
public record LifetimeValueView(@Nullable String reason, List<String> degeneracies, long zeroSpendBuyers,
    @Nullable FitResult purchaseSearch, @Nullable FitResult spendSearch, @Nullable Fitted fitted) {

  /** Copies the list. */
  public LifetimeValueView {
    degeneracies = List.copyOf(degeneracies);
  }

  /** The view of {@code outcome}. */
  public static LifetimeValueView of(LifetimeValueOutcome outcome) {
    return new LifetimeValueView(outcome.reason().orElse(null), outcome.degeneracies(), outcome.zeroSpendBuyers(),
        outcome.purchaseSearch().orElse(null), outcome.spendSearch().orElse(null),
        outcome.fitted().map(Fitted::of).orElse(null));
  }

  /**
   * What a fitted lifetime value rests on.
   *
   * @param unit the time unit of the purchase model and the summaries
   * @param horizon how far ahead purchases are valued
   * @param annualDiscountRate the effective annual discount rate
   * @param buyers the customers the purchase model was fitted on
   * @param repeatBuyers those with a repeat purchase: the spend model's data
   * @since 0.1.0
   */
  public record Fitted(PeriodUnit unit, Horizon horizon, double annualDiscountRate, int buyers, int repeatBuyers) {
    /** Requires the unit and the horizon. */
    public Fitted {
      requireNonNull(unit, "unit");
      requireNonNull(horizon, "horizon");
    }

    /** What {@code fitted} rests on. */
    public static Fitted of(FittedLifetimeValue fitted) {
      return new Fitted(fitted.settings().unit(), fitted.settings().horizon(),
          fitted.settings().discountRate().annualRate(), fitted.buyers(), fitted.repeatBuyers());
    }
  }
}
