package org.engagement.attribution.shapley;

import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The precondition of the models that value channels by conversion rates ({@link ShapleyModel},
 * {@link ShaoLiModel}): a journey set with conversions must also hold journeys that did not convert. Without
 * them every observed rate is 1 and every unobserved one 0, so the "rates" only say which channel sets
 * were seen, and the credits follow from that rather than from conversion (on an 18-month export cut with
 * a 90-day lookback the general Shapley value gave 5 of 8 channels no credit). Refusing, rather than
 * answering with a warning, keeps such a split from being taken for a measurement; the models that do not
 * need non-conversions ({@code shapley-simplified}, {@code markov}, the rule-based ones) still run.
 * Stateless.
 */
final class RateGame {
  private RateGame() {}

  /**
   * Checks that {@code journeys} has journeys that did not convert whenever it has conversions.
   *
   * @throws InvalidFieldException naming {@code totalNulls} if it has none; the message says why, what the
   *     journeys set aside and what to do
   */
  static void requireNonConversions(String model, JourneySet journeys) {
    if (journeys.totalNulls() > 0 || journeys.totalConversions() == 0) {
      return;
    }
    StringBuilder rule = new StringBuilder("must be above 0 for ").append(model)
        .append(": it values channels by conversion rates, and with no journey that did not convert every rate is"
            + " 1 or 0; give it the journeys that did not convert (from interactions: a longer lookback, or an"
            + " as-of at the end of the data), or choose shapley-simplified or markov");
    if (!journeys.notes().isEmpty()) {
      rule.append(" (set aside on the way: ").append(String.join("; ", journeys.notes())).append(')');
    }
    throw new InvalidFieldException("totalNulls", 0, rule.toString());
  }
}
