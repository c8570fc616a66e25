package org.engagement.roi.lift;

import static java.util.Objects.requireNonNull;

import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.summary.RepeatBuyingSummary;

/**
 * A repeat-buying model as the counterfactual of {@link org.engagement.roi.lift.ModelBasedLift}:
 * each customer's expected post-period count is the model's conditional expectation {@code E[Y(t) | x,
 * t_x, T]} over the post-period, as Fader, Hardie and Lee (2005, section 8) suggest.
 *
 * <p>The model must have been fitted on the pre-period, and the summaries and the post-period length must
 * be in the model's {@link RepeatBuyingModel#unit() unit} (the summaries carry no unit to check).
 *
 * <p>Immutable and thread-safe, as the models are.
 *
 * @param model the fitted model
 * @since 0.1.0
 */
public record RepeatBuyingBaseline(RepeatBuyingModel model) implements ActivityBaseline {

  /** Checks the model is given. */
  public RepeatBuyingBaseline {
    requireNonNull(model, "model");
  }

  /** The model's conditional expected purchases of {@code preperiod} in the next {@code postLength} units. */
  @Override
  public double expectedCount(RepeatBuyingSummary preperiod, double postLength) {
    return model.conditionalExpectedPurchases(preperiod, postLength);
  }
}
