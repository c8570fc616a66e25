package org.engagement.core.engagement;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential decay with a half-life: the factor {@code 2^(−Δ/h)} by which a score shrinks over a
 * time span {@code Δ}. Immutable and thread-safe.
 *
 * <p>{@code Δ} is taken exactly as whole seconds plus nanoseconds and converted once to a double
 * (relative error at most 2⁻⁵³ for any two instants in the years 1 to 9999), and the factor comes from
 * {@link Math#pow}, which is exact for whole numbers of half-lives.
 *
 * @param halfLifeSeconds the half-life in seconds, positive and finite
 */
record Decay(double halfLifeSeconds) {
  static Decay of(Duration halfLife) {
    return new Decay(halfLife.getSeconds() + halfLife.getNano() * 1e-9);
  }

  /** The factor from {@code earlier} to {@code later}; {@code earlier} must not be after {@code later}. */
  double factor(Instant earlier, Instant later) {
    return factor(earlier.getEpochSecond(), earlier.getNano(), later.getEpochSecond(), later.getNano());
  }

  /** The same factor for instants given as epoch seconds and nanoseconds, without building them. */
  double factor(long earlierSecond, int earlierNano, long laterSecond, int laterNano) {
    double seconds = (laterSecond - earlierSecond) + (laterNano - earlierNano) * 1e-9;
    return Math.pow(2, -seconds / halfLifeSeconds);
  }
}
