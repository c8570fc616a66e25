package org.engagement.attribution.heuristic;

import static java.util.Objects.requireNonNull;

import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.JourneyCredits;
import org.engagement.attribution.ParameterlessModel;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.InteractionType;

/**
 * W-shaped attribution: 30 % to the first touch, 30 % to the touch that created the lead, 30 % to the
 * touch that created the opportunity, and the remaining 10 % split equally over the other touches: the
 * three moments a B2B relationship moves forward get most of the credit.
 *
 * <p>The lead-creation touch is the journey's first touch of type {@link InteractionType#LEAD}, the
 * opportunity-creation touch its first touch of type {@link InteractionType#OPPORTUNITY} (journeys built
 * by {@link org.engagement.attribution.journey.JourneyRules} keep lead and opportunity interactions as
 * touches by default). Rules for the journeys that do not have all three:
 * <ul>
 *   <li>a key touch that coincides with another (the first touch was the lead) gets both shares;</li>
 *   <li>a missing key touch contributes no share, and neither do other touches when there are none;</li>
 *   <li>the weights are then scaled to sum to 1, so every converting journey hands out exactly its
 *       conversion and value (a journey with a lead but no opportunity gives 3/7, 3/7 and 1/7 spread over
 *       the rest; one with neither gives the first touch 3/4 and the rest 1/4).</li>
 * </ul>
 * It needs touch types, so a journey set read from a path file is refused with a clear message.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class WShapedModel extends ParameterlessModel {
  /** The registry name. */
  public static final String NAME = "w-shaped";

  private static final double KEY_SHARE = 0.3;
  private static final double REST_SHARE = 0.1;
  private static final WShapedModel INSTANCE = new WShapedModel();

  private WShapedModel() {
    super(NAME);
  }

  /** The model (it has no parameters). */
  public static WShapedModel create() {
    return INSTANCE;
  }

  @Override
  public AttributionResult attribute(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    return TimedCredit.attribute(NAME, journeys, WShapedModel::weigh);
  }

  /**
   * {@inheritDoc}
   *
   * <p>W-shaped credits each converting journey on its own, so the rows add up to the per-channel result
   * exactly and equal {@link #attribute} of the journeys' set to rounding.
   */
  @Override
  public JourneyCredits creditJourneys(Journeys journeys) {
    requireNonNull(journeys, "journeys");
    return TimedCredit.creditJourneys(NAME, journeys, WShapedModel::weigh);
  }

  private static void weigh(Journeys journeys, int start, int length, double[] weights) {
    int lead = firstOfType(journeys, start, length, InteractionType.LEAD);
    int opportunity = firstOfType(journeys, start, length, InteractionType.OPPORTUNITY);
    int others = 0;
    for (int i = 0; i < length; i++) {
      weights[i] = 0;
      if (i != 0 && i != lead && i != opportunity) {
        others++;
      }
    }
    weights[0] += KEY_SHARE;
    if (lead >= 0) {
      weights[lead] += KEY_SHARE;
    }
    if (opportunity >= 0) {
      weights[opportunity] += KEY_SHARE;
    }
    for (int i = 1; i < length; i++) {
      if (i != lead && i != opportunity) {
        weights[i] = REST_SHARE / others;
      }
    }
  }

  /** The offset of the first touch of {@code type}, or -1. */
  private static int firstOfType(Journeys journeys, int start, int length, InteractionType type) {
    for (int i = 0; i < length; i++) {
      if (journeys.touchType(start + i) == type) {
        return i;
      }
    }
    return -1;
  }
}
