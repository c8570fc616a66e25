package org.engagement.core.conversation.voice;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * One brand's mentions in a cell of a {@link VoiceReport}, with their tone. A mention is
 * <em>scored</em> if it carries a sentiment score; a scored mention is positive above the neutral band,
 * negative below minus it, and neutral within. Immutable and thread-safe.
 *
 * @param brand the brand's name
 * @param mentions mentions and shares of the brand
 * @param scored those with a sentiment score: at most {@code mentions}
 * @param positive scored ones above the neutral band
 * @param negative scored ones below minus the neutral band; {@code positive + negative ≤ scored}
 * @since 0.1.0
 */
public record BrandVoice(String brand, long mentions, long scored, long positive, long negative) {
  /**
   * Validates the counts.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken or a count is negative
   */
  public BrandVoice {
    requireNonNull(brand, "brand");
    if (mentions < 0 || scored < 0 || positive < 0 || negative < 0) {
      throw new InvalidFieldException("counts", mentions + ", " + scored + ", " + positive + ", " + negative, "must not be negative");
    }
    if (scored > mentions || positive + negative > scored) {
      throw new InvalidFieldException("scored", scored, "must be at most mentions and at least positive + negative");
    }
  }

  /**
   * Net sentiment: {@code (positive − negative) / scored}, in [−1, 1]; 0 when no mention is scored.
   * Neutral mentions count in the denominator, so a mostly neutral conversation stays near 0.
   */
  public double netSentiment() {
    return scored == 0 ? 0.0 : (double) (positive - negative) / scored;
  }
}
