package org.engagement.roi.selfreport;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * One customer's free-text answer to "how did you hear about us?". Immutable and thread-safe.
 *
 * @param customerId the customer who answered; not blank
 * @param answer what they said; may be blank (they gave no usable answer)
 * @since 0.1.0
 */
public record SurveyAnswer(String customerId, String answer) {

  /** Validates the fields. */
  public SurveyAnswer {
    requireNonNull(customerId, "customerId");
    requireNonNull(answer, "answer");
    if (customerId.isBlank()) {
      throw new InvalidFieldException("customerId", customerId, "must not be blank");
    }
  }
}
