package org.engagement.core.value.rfm;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * One rule of a configurable RFM segment map: a name and inclusive score ranges on R, F and M (the R
 * {@code rfm} package's form). See {@link RfmSegmentRules}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the segment's name, not blank
 * @param recencyLow lowest R, 1..5
 * @param recencyHigh highest R, recencyLow..5
 * @param frequencyLow lowest F, 1..5
 * @param frequencyHigh highest F, frequencyLow..5
 * @param monetaryLow lowest M, 1..5
 * @param monetaryHigh highest M, monetaryLow..5
 * @since 0.1.0
 */
public record RfmSegmentRule(String name, int recencyLow, int recencyHigh, int frequencyLow,
    int frequencyHigh, int monetaryLow, int monetaryHigh) {

  /**
   * Checks the rule.
   *
   * @throws InvalidFieldException if the name is blank, a bound is outside 1..5 or a range is empty
   */
  public RfmSegmentRule {
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new InvalidFieldException("name", name, "must not be blank");
    }
    range("recency", recencyLow, recencyHigh);
    range("frequency", frequencyLow, frequencyHigh);
    range("monetary", monetaryLow, monetaryHigh);
  }

  private static void range(String field, int low, int high) {
    RfmScore.checkScore(field + "Low", low);
    RfmScore.checkScore(field + "High", high);
    if (high < low) {
      throw new InvalidFieldException(field + "High", high, "must not be below " + field + "Low (" + low + ")");
    }
  }

  /** Whether {@code score} lies in all three ranges. */
  public boolean matches(RfmScore score) {
    return score.recency() >= recencyLow && score.recency() <= recencyHigh
        && score.frequency() >= frequencyLow && score.frequency() <= frequencyHigh
        && score.monetary() >= monetaryLow && score.monetary() <= monetaryHigh;
  }
}
