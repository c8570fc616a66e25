package org.engagement.simulator;

import java.util.Arrays;
import java.util.Locale;
import org.engagement.core.domain.InvalidFieldException;

/**
 * How the channels of a simulated world cause first purchases: the causal story the world is made from, so
 * that an attribution model can be judged on more than one kind of world. Every mechanism is deterministic
 * and its truth comes from replaying each person without each channel on the same random draws
 * ({@link GroundTruth}); the package description has the table of mechanisms and the channel roles each one
 * gives by channel group.
 *
 * <p>Immutable and thread-safe, like every enum.
 *
 * @since 0.1.0
 */
public enum WorldMechanism {
  /**
   * An additive weekly funnel hazard: {@code baseHazard + Σ lift_c · k(age_c)}, where {@code age_c} is the
   * time since channel {@code c}'s latest touch and {@code k(a) = 2^(-a / half-life)} the carry-over of
   * {@link WorldSpec#carryOverDays()}. Every effect is positive, so no channel has negative incremental
   * conversions.
   */
  ADDITIVE,
  /**
   * The additive hazard with two non-additive terms: the first paid-social and the first paid-search channel
   * together add {@value #SYNERGY_FACTOR} times the sum of their lifts on top of their own lifts (worth more
   * together than apart), and the first email channel harms: instead of adding its lift it multiplies the whole
   * hazard by {@code 1 - }{@value #HARM} {@code · k(age)} (over-mailing), so its incremental conversions are
   * negative.
   */
  SYNERGY,
  /**
   * Exposure follows intent. Each person has an intent drawn from a Gamma distribution of mean 1 and shape
   * {@value #INTENT_SHAPE} that multiplies their whole additive hazard. Paid-social channels retarget: they
   * touch only people who became leads, weekly until the purchase, with probability {@code min(1, intent / 2)};
   * direct and paid-search channels are navigational: visits in the three days before each funnel step
   * (probability 0.7 and 0.5). Neither kind has any causal effect, yet both sit close to purchases.
   */
  CONFOUNDED,
  /**
   * Relationship effects that convert months later: channels of {@link TouchTiming#EARLY} timing act through
   * a delayed kernel {@code k(a) = (a / p) · e^(1 - a / p)} that peaks {@value #SLOW_PEAK_DAYS} days after the
   * touch and falls slowly after (about half of its peak 150 days after the touch); the other channels are
   * additive as in {@link #ADDITIVE}.
   */
  SLOW,
  /**
   * A first-order Markov process over channels with two absorbing states, conversion and null. A person's
   * first touch is a channel drawn in proportion to its reach; from channel {@code c} the next step is a
   * conversion with probability {@code lift_c}, null with probability {@value #MARKOV_NULL}, else the channel
   * {@code j} drawn in proportion to {@code reach_j}; steps are exponentially spaced, {@value #MARKOV_STEP_DAYS}
   * days apart on average, and stop at the end of the person's time in the market. Without a channel, a step
   * into it leads to null (the removal effect of a Markov attribution model).
   */
  MARKOV;

  /** How many times the sum of their lifts the synergy pair adds when both are carried over. */
  public static final double SYNERGY_FACTOR = 3.0;
  /** The largest fraction of the hazard the harmful channel removes, right after its touch. */
  public static final double HARM = 0.6;
  /** The shape of the intent distribution in {@link #CONFOUNDED} worlds (mean 1). */
  public static final double INTENT_SHAPE = 0.5;
  /** The age, in days, at which a {@link #SLOW} relationship touch helps most. */
  public static final int SLOW_PEAK_DAYS = 60;
  /** The probability of the null state after each touch in a {@link #MARKOV} world. */
  public static final double MARKOV_NULL = 0.3;
  /** The mean days between steps in a {@link #MARKOV} world. */
  public static final int MARKOV_STEP_DAYS = 7;

  /** The mechanism's name on the command line and in the files: its constant in lower case. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mechanism named {@code id} (any case).
   *
   * @throws InvalidFieldException if no mechanism has that name
   */
  public static WorldMechanism byId(String id) {
    for (WorldMechanism mechanism : values()) {
      if (mechanism.id().equalsIgnoreCase(id)) {
        return mechanism;
      }
    }
    throw new InvalidFieldException("mechanism", id, "must be one of " + Arrays.stream(values())
        .map(WorldMechanism::id).toList());
  }
}
