package org.engagement.roi.lift;

import org.engagement.core.domain.InvalidFieldException;

/**
 * Successes out of trials: converted customers out of customers reached, retained out of active.
 *
 * <p>Immutable and thread-safe.
 *
 * @param successes how many succeeded, {@code 0 <= successes <= trials}
 * @param trials how many were observed, at least 1
 * @since 0.1.0
 */
public record Proportion(long successes, long trials) {

  /** Validates the counts. */
  public Proportion {
    if (trials < 1) {
      throw new InvalidFieldException("trials", trials, "must be at least 1");
    }
    if (successes < 0 || successes > trials) {
      throw new InvalidFieldException("successes", successes, "must be in [0, trials = " + trials + "]");
    }
  }

  /** Shorthand for the constructor. */
  public static Proportion of(long successes, long trials) {
    return new Proportion(successes, trials);
  }

  /** {@code successes / trials}. */
  public double estimate() {
    return (double) successes / trials;
  }

  /** The binomial variance of the estimate, {@code p (1 - p) / n}. */
  double variance() {
    double p = estimate();
    return p * (1 - p) / trials;
  }
}
