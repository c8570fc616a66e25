package org.engagement.roi.lift;

import org.engagement.core.domain.InvalidFieldException;

/**
 * Events over exposure: interactions over customer-weeks, purchases over customers observed for a period.
 * The events are modelled as Poisson with mean {@code rate * exposure}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param count the number of events, not negative
 * @param exposure the exposure they happened in (customer-time, or customers when the windows are of equal
 *     length), finite and positive
 * @since 0.1.0
 */
public record Rate(long count, double exposure) {

  /** Validates the fields. */
  public Rate {
    if (count < 0) {
      throw new InvalidFieldException("count", count, "must not be negative");
    }
    Require.finitePositive("exposure", exposure);
  }

  /** Shorthand for the constructor. */
  public static Rate of(long count, double exposure) {
    return new Rate(count, exposure);
  }

  /** {@code count / exposure}. */
  public double estimate() {
    return count / exposure;
  }

  /** The Poisson variance of the estimate, {@code count / exposure^2}. */
  double variance() {
    return count / (exposure * exposure);
  }
}
