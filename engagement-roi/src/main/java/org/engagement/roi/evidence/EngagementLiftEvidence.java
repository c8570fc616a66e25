package org.engagement.roi.evidence;

import org.engagement.core.domain.InvalidFieldException;

/**
 * The extra interactions a channel caused (from a lift analysis: treatment against control, or actual
 * against a model baseline) and what one interaction is worth: the inputs of the
 * {@link org.engagement.roi.RewardComponent#ENGAGEMENT_LIFT engagement lift} reward, {@code incrementalInteractions ·
 * valuePerInteraction}. Immutable and thread-safe.
 *
 * @param incrementalInteractions interactions above the baseline; finite, negative when engagement fell
 * @param valuePerInteraction the value of one interaction (e.g. revenue per interaction among customers);
 *     finite, not negative
 * @since 0.1.0
 */
public record EngagementLiftEvidence(double incrementalInteractions, double valuePerInteraction) {

  /** Validates the fields. */
  public EngagementLiftEvidence {
    if (!Double.isFinite(incrementalInteractions)) {
      throw new InvalidFieldException("incrementalInteractions", incrementalInteractions, "must be finite");
    }
    if (!Double.isFinite(valuePerInteraction) || valuePerInteraction < 0) {
      throw new InvalidFieldException(
          "valuePerInteraction", valuePerInteraction, "must be finite and not negative");
    }
  }

  /** The value of the extra interactions. */
  public double value() {
    return incrementalInteractions * valuePerInteraction;
  }
}
