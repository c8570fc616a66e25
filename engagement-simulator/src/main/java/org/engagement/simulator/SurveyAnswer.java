package org.engagement.simulator;

import static java.util.Objects.requireNonNull;

/**
 * A customer's free-text answer to "how did you hear about us?": one row of {@code survey.csv}. The answer
 * model is in {@link WorldGenerator}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId who answered
 * @param answer what they wrote, one of the survey phrases of a channel ({@link ChannelSpec#surveyPhrases()})
 * @since 0.1.0
 */
public record SurveyAnswer(String customerId, String answer) {
  /** Checks for nulls. */
  public SurveyAnswer {
    requireNonNull(customerId, "customerId");
    requireNonNull(answer, "answer");
  }
}
