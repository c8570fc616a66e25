package org.engagement.core.engagement;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * The engagement score of one set of interactions, kept lazily: the score at a reference time, which is
 * the time of the latest interaction in the set. It is the mergeable partial aggregate behind every
 * engagement score.
 *
 * <p>With half-life {@code h}, the state of interactions with weights {@code w(e)} at times
 * {@code t(e)} has {@code referenceTime = max t(e)} and
 * {@code score = Σ w(e) · 2^(−(referenceTime − t(e)) / h)}. From it:
 *
 * <ul>
 *   <li>{@link #add(double, Instant)} is O(1): a later interaction decays the score to its time and adds
 *       its weight; an earlier one is decayed to the reference time and added. Either way the result is
 *       the state of the larger set, so the order of arrival does not change it (up to rounding).
 *   <li>{@link #merge(EngagementState)} gives the state of the union of two disjoint sets, and
 *       {@link #empty(Duration)} is its identity.
 *   <li>{@link #scoreAt(Instant)} is the score at any instant at or after the reference time. Earlier
 *       instants are refused: the lazy state no longer knows which interactions came after them. To
 *       score as of an earlier instant, build the state from the interactions up to that instant.
 * </ul>
 *
 * <p><b>Precision.</b> Every term is non-negative, so there is no cancellation: each add or merge
 * contributes a relative rounding error of a few units of 2⁻⁵³, and the factor {@code 2^(−x)} for
 * {@code x} half-lives carries a relative error of about {@code x · 2⁻⁵³}. A score over {@code n}
 * interactions thus agrees with the exact sum to a relative error of about {@code (n + x) · 10⁻¹⁶}, far
 * below anything a report shows. Interactions more than about 1,070 half-lives older than the
 * reference time (88 years at a 30-day half-life) underflow to zero.
 *
 * <p>States are immutable values and thread-safe. They are {@link Serializable} so that a distributed
 * engine can ship them between workers.
 *
 * @param score the score at the reference time: finite, not negative, and 0 when the state is empty
 * @param referenceTime the time of the latest interaction, or {@code null} for the empty state
 * @param halfLife the time after which a score has halved: positive
 * @since 0.1.0
 */
public record EngagementState(double score, @Nullable Instant referenceTime, Duration halfLife)
    implements Serializable {

  /**
   * Validates the state.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken
   */
  public EngagementState {
    requireNonNull(halfLife, "halfLife");
    requireHalfLife(halfLife);
    if (!Double.isFinite(score) || score < 0) {
      throw new InvalidFieldException("score", score, "must be a finite number not below 0");
    }
    if (referenceTime == null && score != 0) {
      throw new InvalidFieldException("score", score, "must be 0 when there is no reference time");
    }
  }

  /** The state of no interactions: score 0 at every instant; the identity of {@link #merge}. */
  public static EngagementState empty(Duration halfLife) {
    return new EngagementState(0, null, halfLife);
  }

  static void requireHalfLife(Duration halfLife) {
    if (halfLife.isNegative() || halfLife.isZero()) {
      throw new InvalidFieldException("halfLife", halfLife, "must be positive");
    }
  }

  /** Whether this is the state of no interactions. */
  public boolean isEmpty() {
    return referenceTime == null;
  }

  /**
   * The state with one more interaction of weight {@code weight} at {@code at}.
   *
   * @throws InvalidFieldException if {@code weight} is not finite or is negative
   */
  public EngagementState add(double weight, Instant at) {
    requireNonNull(at, "at");
    if (!Double.isFinite(weight) || weight < 0) {
      throw new InvalidFieldException("weight", weight, "must be a finite number not below 0");
    }
    Instant reference = referenceTime;
    if (reference == null) {
      return new EngagementState(weight, at, halfLife);
    }
    Decay decay = Decay.of(halfLife);
    if (at.isAfter(reference)) {
      return new EngagementState(score * decay.factor(reference, at) + weight, at, halfLife);
    }
    return new EngagementState(score + weight * decay.factor(at, reference), reference, halfLife);
  }

  /**
   * The state of the union of this state's interactions and {@code other}'s, which must be disjoint
   * (an interaction in both would count twice). Commutative and associative up to rounding.
   *
   * @throws InvalidFieldException if {@code other} has a different half-life
   */
  public EngagementState merge(EngagementState other) {
    requireNonNull(other, "other");
    if (!other.halfLife.equals(halfLife)) {
      throw new InvalidFieldException(
          "other.halfLife", other.halfLife, "must equal this state's half-life " + halfLife);
    }
    Instant mine = referenceTime;
    Instant theirs = other.referenceTime;
    if (theirs == null) {
      return this;
    }
    if (mine == null) {
      return other;
    }
    Decay decay = Decay.of(halfLife);
    Instant reference = mine.isAfter(theirs) ? mine : theirs;
    double merged = score * decay.factor(mine, reference) + other.score * decay.factor(theirs, reference);
    return new EngagementState(merged, reference, halfLife);
  }

  /**
   * The score at {@code at}: {@code score · 2^(−(at − referenceTime) / h)}, or 0 for the empty state.
   *
   * @throws InvalidFieldException if {@code at} is before the reference time
   */
  public double scoreAt(Instant at) {
    requireNonNull(at, "at");
    Instant reference = referenceTime;
    if (reference == null) {
      return 0;
    }
    if (at.isBefore(reference)) {
      throw new InvalidFieldException(
          "at",
          at,
          "must not be before the reference time "
              + reference
              + " (the latest interaction scored); a lazy state cannot tell which interactions came later");
    }
    return score * Decay.of(halfLife).factor(reference, at);
  }
}
