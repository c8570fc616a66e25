package org.engagement.clv.summary;

import org.engagement.core.domain.InvalidFieldException;

/**
 * One customer's repeat-buying summary for the calibration period, with the holdout count.
 *
 * <p>Under {@link FirstPurchase#EXCLUDED} (the models), {@code frequency} is {@code x}, the number of
 * distinct purchase days after the first one, and {@code meanSpend} is the mean amount of those repeat days
 * (amounts of one day summed), 0 when {@code x = 0}. Under {@link FirstPurchase#INCLUDED} (RFM) the first
 * day counts in both. {@code recency} ({@code t_x}) is the time from the first to the last calibration
 * purchase day and {@code age} ({@code T}) the time from the first purchase day to the calibration end, both
 * in the unit chosen in {@link SummaryOptions}; RFM's "days since last purchase" is {@code age - recency}.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param customerId the customer
 * @param frequency repeat purchase days ({@code x}), or all purchase days under the RFM convention
 * @param recency {@code t_x}, with {@code 0 <= recency <= age}
 * @param age {@code T}, finite and not negative
 * @param meanSpend mean amount per counted purchase day, 0 when none is counted
 * @param holdoutFrequency distinct purchase days after the calibration end up to the observation end
 * @since 0.1.0
 */
public record RepeatBuyingSummary(
    String customerId, int frequency, double recency, double age, double meanSpend, int holdoutFrequency) {

  /** Validates the fields. */
  public RepeatBuyingSummary {
    if (customerId.isBlank()) {
      throw new InvalidFieldException("customerId", customerId, "must not be blank");
    }
    if (frequency < 0) {
      throw new InvalidFieldException("frequency", frequency, "must not be negative");
    }
    if (!Double.isFinite(age) || age < 0) {
      throw new InvalidFieldException("age", age, "must be finite and not negative");
    }
    if (!(recency >= 0 && recency <= age)) {
      throw new InvalidFieldException("recency", recency, "must be in [0, age]");
    }
    if (!Double.isFinite(meanSpend) || meanSpend < 0) {
      throw new InvalidFieldException("meanSpend", meanSpend, "must be finite and not negative");
    }
    if (holdoutFrequency < 0) {
      throw new InvalidFieldException("holdoutFrequency", holdoutFrequency, "must not be negative");
    }
  }
}
