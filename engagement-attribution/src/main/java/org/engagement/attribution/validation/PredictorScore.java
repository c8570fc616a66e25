package org.engagement.attribution.validation;

import static java.util.Objects.requireNonNull;

/**
 * How well one predictor of conversion did on held-out journeys, pooled over the folds. Predictive numbers,
 * not causal ones.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param predictor the predictor: {@code base-rate}, {@code path}, {@code channel-set} or {@code markov-k}
 * @param logLoss the mean negative log-likelihood (natural log) per held-out journey; lower is better, the
 *     base rate's is the entropy of the conversion rate
 * @param auc the probability that a held-out converting journey gets a higher predicted probability than a
 *     held-out one that did not (ties count half), in {@code [0, 1]}; 0.5 is no better than chance, NaN when
 *     the held-out journeys are all of one outcome
 * @since 0.1.0
 */
public record PredictorScore(String predictor, double logLoss, double auc) {
  /** Checks that the predictor is named. */
  public PredictorScore {
    requireNonNull(predictor, "predictor");
  }
}
