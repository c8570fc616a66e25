package org.engagement.core.value.rfm;

import org.engagement.core.domain.InvalidFieldException;

/**
 * One customer's RFM scores, each 1&ndash;5 with 5 best: R for recency (5 = bought most recently), F
 * for frequency (5 = bought most often), M for monetary value (5 = spent most).
 *
 * <p>Immutable and thread-safe.
 *
 * @param recency R, 1..5
 * @param frequency F, 1..5
 * @param monetary M, 1..5
 * @since 0.1.0
 */
public record RfmScore(int recency, int frequency, int monetary) {
  /** The lowest score. */
  public static final int MIN = 1;
  /** The highest score. */
  public static final int MAX = 5;

  /**
   * Checks the scores.
   *
   * @throws InvalidFieldException if a score is outside 1..5
   */
  public RfmScore {
    checkScore("recency", recency);
    checkScore("frequency", frequency);
    checkScore("monetary", monetary);
  }

  /** The combined code 100&middot;R + 10&middot;F + M, for example 545 (the R {@code rfm} package's {@code rfm_score}). */
  public int code() {
    return 100 * recency + 10 * frequency + monetary;
  }

  /** The named segment of this score, from R and F: see {@link RfmSegment}. */
  public RfmSegment segment() {
    return RfmSegment.of(recency, frequency);
  }

  static void checkScore(String field, int score) {
    if (score < MIN || score > MAX) {
      throw new InvalidFieldException(field, score, "must be between 1 and 5");
    }
  }
}
