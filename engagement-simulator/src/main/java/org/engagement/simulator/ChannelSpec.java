package org.engagement.simulator;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;

/**
 * One channel of a simulated world: who it reaches, how often it touches them, what it truly does to
 * conversion, what it costs and what customers say about it.
 *
 * <h2>The true effect</h2>
 * {@code lift} is, in the {@linkplain WorldMechanism#ADDITIVE additive} mechanism, an <em>additive lift in the
 * weekly funnel hazard</em>. Each week a customer who has not bought yet advances one funnel stage (prospect,
 * lead, opportunity, customer) with probability {@code min(1, baseHazard + Σ lift_c · k_c)}, the sum running
 * over the channels {@code c} that touched the customer, {@code k_c} the carry-over of the latest touch (halved
 * every {@link WorldSpec#carryOverDays()} days; see {@link WorldGenerator}). A channel with lift 0 changes
 * nothing, however often it touches. The other mechanisms use the lift in their own ways
 * ({@link WorldMechanism}); the counterfactual of each channel (the {@link GroundTruth}) follows from the
 * mechanism and the simulation's random draws.
 *
 * <p>Immutable and thread-safe.
 *
 * @param channel the channel written in the interactions
 * @param owner the team that owns the channel's budget, written in the costs
 * @param reach the probability, in {@code [0, 1]}, that a customer is reached by the channel at all
 * @param touchesPerMonth the mean touches per month of a reached customer, at least 0 (see {@link TouchTiming})
 * @param timing when the touches fall
 * @param lift the additive lift in the weekly funnel hazard right after a touch, in {@code [0, 1]}
 * @param monthlyCost the channel's mean cost per month in a world of {@value WorldSpec#COST_BASE_CUSTOMERS}
 *     people (costs scale with the world's size), not negative; each month's cost varies by up to 10%
 * @param touchTypes the interaction types of the channel's touches, drawn uniformly; at least one, none of
 *     them a funnel type (lead, opportunity, purchase)
 * @param surveyPhrases how customers name the channel when asked how they heard of the business; at least one
 * @since 0.1.0
 */
public record ChannelSpec(
    Channel channel,
    String owner,
    double reach,
    double touchesPerMonth,
    TouchTiming timing,
    double lift,
    Money monthlyCost,
    List<InteractionType> touchTypes,
    List<String> surveyPhrases) {
  private static final List<InteractionType> FUNNEL =
      List.of(InteractionType.LEAD, InteractionType.OPPORTUNITY, InteractionType.PURCHASE);

  /**
   * Validates the channel and copies the lists.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken
   */
  public ChannelSpec {
    requireNonNull(channel, "channel");
    requireNonNull(owner, "owner");
    if (owner.isBlank()) {
      throw new InvalidFieldException("owner", owner, "must not be blank");
    }
    requireProbability("reach", reach);
    if (!(touchesPerMonth >= 0 && Double.isFinite(touchesPerMonth))) {
      throw new InvalidFieldException("touchesPerMonth", touchesPerMonth, "must be a finite number, at least 0");
    }
    requireNonNull(timing, "timing");
    requireProbability("lift", lift);
    requireNonNull(monthlyCost, "monthlyCost");
    if (monthlyCost.isNegative()) {
      throw new InvalidFieldException("monthlyCost", monthlyCost, "must not be negative");
    }
    touchTypes = List.copyOf(touchTypes);
    if (touchTypes.isEmpty() || touchTypes.stream().anyMatch(FUNNEL::contains)) {
      throw new InvalidFieldException("touchTypes", touchTypes, "must name at least one type, none of " + FUNNEL);
    }
    surveyPhrases = List.copyOf(surveyPhrases);
    if (surveyPhrases.isEmpty() || surveyPhrases.stream().anyMatch(String::isBlank)) {
      throw new InvalidFieldException("surveyPhrases", surveyPhrases, "must hold at least one phrase, none blank");
    }
  }

  /** The channel's id, the name it has in paths, costs and the ground truth. */
  public String id() {
    return channel.id();
  }

  /** This channel with another true lift, to build worlds that differ in one effect only. */
  public ChannelSpec withLift(double newLift) {
    return new ChannelSpec(channel, owner, reach, touchesPerMonth, timing, newLift, monthlyCost, touchTypes,
        surveyPhrases);
  }

  /** This channel with another reach. */
  public ChannelSpec withReach(double newReach) {
    return new ChannelSpec(channel, owner, newReach, touchesPerMonth, timing, lift, monthlyCost, touchTypes,
        surveyPhrases);
  }

  static void requireProbability(String field, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new InvalidFieldException(field, p, "must be a probability from 0 to 1");
    }
  }
}
