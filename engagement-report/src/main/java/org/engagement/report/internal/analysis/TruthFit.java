package org.engagement.report.internal.analysis;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.stat.correlation.SpearmansCorrelation;

/**
 * How far one attribution model's credit shares are from a simulated world's true shares: the mean absolute
 * error of the shares and Spearman's rank correlation (ties by their mean rank), over the channels the truth
 * names. A model's share of a channel is its conversion credit over the conversions on the journeys (so a
 * non-additive model's shares need not add up to 1); a channel without credit has share 0. These are the
 * figures of the simulator's recovery tests, and of issue 13's aim (error at most 0.03, Spearman at least 0.8).
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the model's name
 * @param meanAbsoluteError the mean over the truth's channels of |model share - true share|
 * @param spearman Spearman's rank correlation of the model's and the true shares; NaN when either does not
 *     vary (every channel the same share)
 * @since 0.1.0
 */
public record TruthFit(String model, double meanAbsoluteError, double spearman) {
  /**
   * Validates.
   *
   * @throws InvalidFieldException if the error is negative or not finite
   */
  public TruthFit {
    requireNonNull(model, "model");
    if (!(meanAbsoluteError >= 0) || !Double.isFinite(meanAbsoluteError)) {
      throw new InvalidFieldException("meanAbsoluteError", meanAbsoluteError, "must be finite and not negative");
    }
  }

  /**
   * The fit of {@code shares} (channel to the model's share) against {@code trueShares}; needs at least two
   * channels in the truth.
   *
   * @throws InvalidFieldException if the truth names fewer than two channels
   */
  public static TruthFit of(String model, Map<String, Double> shares, Map<String, Double> trueShares) {
    if (trueShares.size() < 2) {
      throw new InvalidFieldException("trueShares", trueShares.size(), "must name at least two channels");
    }
    double[] modelShares = new double[trueShares.size()];
    double[] truth = new double[trueShares.size()];
    double error = 0;
    int i = 0;
    for (Map.Entry<String, Double> channel : trueShares.entrySet()) {
      modelShares[i] = shares.getOrDefault(channel.getKey(), 0.0);
      truth[i] = channel.getValue();
      error += Math.abs(modelShares[i] - truth[i]);
      i++;
    }
    return new TruthFit(model, error / truth.length, new SpearmansCorrelation().correlation(modelShares, truth));
  }
}
