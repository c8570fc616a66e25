package org.engagement.clv.model;

import org.engagement.core.domain.InvalidFieldException;

/**
 * A customer history in discrete time, {@code (x, t_x, n)}, with the number of customers sharing it: the
 * compressed input of the BG/BB model ({@link BgBbModel}). Time counts purchase opportunities after the
 * first purchase (newsletter issues, yearly appeals, ...): in opportunities {@code 1..n} the customer
 * bought in {@code x} of them, the last at opportunity {@code t_x} ({@code 0} if never).
 *
 * <p>{@link DiscreteSummaries} combines rows with equal histories, mergeably, for hosts that build them
 * per partition.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param frequency {@code x}, the opportunities with a purchase, in {@code [0, t_x]}
 * @param recency {@code t_x}, the last opportunity with a purchase, in {@code [0, n]}; 0 exactly when
 *     {@code x = 0}
 * @param opportunities {@code n}, the opportunities observed, not negative
 * @param weight the number of customers with this history, at least 1
 * @since 0.1.0
 */
public record DiscreteSummary(int frequency, int recency, int opportunities, long weight) {

  /** Validates the fields. */
  public DiscreteSummary {
    if (opportunities < 0) {
      throw new InvalidFieldException("opportunities", opportunities, "must not be negative");
    }
    if (recency < 0 || recency > opportunities) {
      throw new InvalidFieldException("recency", recency, "must be in [0, opportunities]");
    }
    if (frequency < 0 || frequency > recency || (frequency == 0) != (recency == 0)) {
      throw new InvalidFieldException("frequency", frequency,
          "must be in [0, recency], and 0 exactly when recency is 0");
    }
    if (weight < 1) {
      throw new InvalidFieldException("weight", weight, "must be at least 1");
    }
  }
}
