package org.engagement.clv.summary;

import java.time.LocalDate;
import org.engagement.core.domain.InvalidFieldException;

/**
 * How transactions are summarised: the time unit, the calibration end, the observation end and the
 * first-purchase convention.
 *
 * <p>Both ends are inclusive calendar days. Calibration covers every day up to {@code calibrationEnd};
 * the holdout covers the days after it up to {@code observationEnd}; transactions after {@code
 * observationEnd} are ignored. {@code observationEnd == calibrationEnd} means no holdout. For CDNOW:
 * {@code SummaryOptions.of(PeriodUnit.WEEK, 1997-09-30).withObservationEnd(1998-06-30)}.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param unit the time unit of recency and age
 * @param calibrationEnd the last day of the calibration period
 * @param observationEnd the last day observed, not before {@code calibrationEnd}
 * @param firstPurchase whether the first purchase day counts in frequency and mean spend
 * @since 0.1.0
 */
public record SummaryOptions(
    PeriodUnit unit, LocalDate calibrationEnd, LocalDate observationEnd, FirstPurchase firstPurchase) {

  /** Validates the fields. */
  public SummaryOptions {
    if (observationEnd.isBefore(calibrationEnd)) {
      throw new InvalidFieldException("observationEnd", observationEnd,
          "must not be before calibrationEnd " + calibrationEnd);
    }
  }

  /** The model convention ({@link FirstPurchase#EXCLUDED}) with no holdout. */
  public static SummaryOptions of(PeriodUnit unit, LocalDate calibrationEnd) {
    return new SummaryOptions(unit, calibrationEnd, calibrationEnd, FirstPurchase.EXCLUDED);
  }

  /** These options with a holdout period ending (inclusive) on {@code end}. */
  public SummaryOptions withObservationEnd(LocalDate end) {
    return new SummaryOptions(unit, calibrationEnd, end, firstPurchase);
  }

  /** These options with the given first-purchase convention. */
  public SummaryOptions withFirstPurchase(FirstPurchase convention) {
    return new SummaryOptions(unit, calibrationEnd, observationEnd, convention);
  }
}
