package org.engagement.core.engagement;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Scores engagement: each interaction adds its {@linkplain EngagementWeights weight}, and every score
 * halves after each half-life {@code h} without new interactions, so that the score at {@code t} is
 *
 * <pre>{@code score(t) = Σ w(e) · 2^(−(t − t(e)) / h)   over the interactions e at or before t}</pre>
 *
 * <p>{@link #add(EngagementState, Interaction)} scores one interaction into an {@link EngagementState}
 * in O(1); {@link #score(Iterable, Instant)} computes the sum directly from a list of interactions,
 * ignoring those after {@code t}. For many customers at once use {@link EngagementScores}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param weights the weight of each interaction
 * @param halfLife the time after which a score has halved: positive
 * @since 0.1.0
 */
public record EngagementScorer(EngagementWeights weights, Duration halfLife) implements Serializable {
  /** The default half-life: 30 days. */
  public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(30);

  /**
   * Validates the scorer.
   *
   * @throws InvalidFieldException if {@code halfLife} is zero or negative
   */
  public EngagementScorer {
    requireNonNull(weights, "weights");
    requireNonNull(halfLife, "halfLife");
    EngagementState.requireHalfLife(halfLife);
  }

  /** The {@linkplain EngagementWeights#defaults() default weights} with the default 30-day half-life. */
  public static EngagementScorer defaults() {
    return new EngagementScorer(EngagementWeights.defaults(), DEFAULT_HALF_LIFE);
  }

  /**
   * A scorer with {@code weights} and {@code halfLife}.
   *
   * @throws InvalidFieldException if {@code halfLife} is zero or negative
   */
  public static EngagementScorer of(EngagementWeights weights, Duration halfLife) {
    return new EngagementScorer(weights, halfLife);
  }

  /**
   * This scorer with another half-life.
   *
   * @throws InvalidFieldException if {@code halfLife} is zero or negative
   */
  public EngagementScorer withHalfLife(Duration halfLife) {
    return new EngagementScorer(weights, halfLife);
  }

  /** This scorer with other weights. */
  public EngagementScorer withWeights(EngagementWeights weights) {
    return new EngagementScorer(weights, halfLife);
  }

  /** The weight {@code interaction} adds to a score at its own time. */
  public double weight(Interaction interaction) {
    return weights.weight(interaction);
  }

  /** The state of no interactions, with this scorer's half-life. */
  public EngagementState emptyState() {
    return EngagementState.empty(halfLife);
  }

  /**
   * {@code state} with {@code interaction} added. The customer id is not checked: a state holds
   * whatever interactions it is given.
   *
   * @throws InvalidFieldException if {@code state} has a different half-life
   */
  public EngagementState add(EngagementState state, Interaction interaction) {
    requireNonNull(state, "state");
    requireNonNull(interaction, "interaction");
    if (!state.halfLife().equals(halfLife)) {
      throw new InvalidFieldException(
          "state.halfLife", state.halfLife(), "must equal the scorer's half-life " + halfLife);
    }
    return state.add(weights.weight(interaction), interaction.timestamp());
  }

  /** The state of all of {@code interactions}, taken as one customer's, in any order. */
  public EngagementState state(Iterable<Interaction> interactions) {
    EngagementState state = emptyState();
    for (Interaction interaction : interactions) {
      state = add(state, interaction);
    }
    return state;
  }

  /**
   * The score at {@code at} of {@code interactions} taken as one customer's, summed term by term:
   * interactions after {@code at} do not count.
   */
  public double score(Iterable<Interaction> interactions, Instant at) {
    requireNonNull(at, "at");
    Decay decay = Decay.of(halfLife);
    double sum = 0;
    for (Interaction interaction : interactions) {
      if (!interaction.timestamp().isAfter(at)) {
        sum += weights.weight(interaction) * decay.factor(interaction.timestamp(), at);
      }
    }
    return sum;
  }
}
