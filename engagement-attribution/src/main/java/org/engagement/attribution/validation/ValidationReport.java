package org.engagement.attribution.validation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The out-of-sample scores of the conversion predictors attribution models imply, and the Markov order they
 * select. Predictive, not causal: see the {@linkplain org.engagement.attribution.validation package}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param folds the number of folds
 * @param seed the seed of the split
 * @param unit what was split: {@code customers} or {@code journeys}
 * @param scores one score per predictor: the base rate, the path, the channel set, Markov orders 1 up, then
 *     the additive-hazard fit if it was asked for
 * @param markovOrder the Markov order with the lowest held-out log-loss (the lower order on a tie)
 * @since 0.1.0
 */
public record ValidationReport(int folds, long seed, String unit, List<PredictorScore> scores, int markovOrder) {
  /** Copies the scores. */
  public ValidationReport {
    requireNonNull(unit, "unit");
    scores = List.copyOf(scores);
  }

  /** The score of the predictor called {@code name}, if it was scored. */
  public Optional<PredictorScore> score(String name) {
    requireNonNull(name, "name");
    return scores.stream().filter(s -> s.predictor().equals(name)).findFirst();
  }
}
