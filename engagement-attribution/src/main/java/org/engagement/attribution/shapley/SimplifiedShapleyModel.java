package org.engagement.attribution.shapley;

import static java.util.Objects.requireNonNull;

import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ParameterlessModel;
import org.engagement.attribution.heuristic.HeuristicModel;
import org.engagement.attribution.journey.JourneySet;

/**
 * The simplified Shapley value of Zhao, Mahboobi and Bagheri (2018), registered as
 * {@code shapley-simplified}.
 *
 * <p>Let {@code R(S)} be the conversions of the journeys whose set of distinct channels is exactly
 * {@code S} and let the worth of a coalition be {@code v(S) = Σ_{T ⊆ S} R(T)}. The Shapley value of that
 * game is {@code φ_j = Σ_{S ∋ j} R(S) / |S|}: each path's conversions, and likewise its value, are split
 * equally among its distinct channels, however often each is touched. This is exact and takes one pass
 * over the touches, for any number of channels. Only converting journeys matter; non-converting ones
 * ({@link JourneySet#nulls(int)}) are ignored.
 *
 * <p>Numerically this is the {@code linear-unique} heuristic; it is a separate model so that results name
 * the method (and its Shapley justification) the user chose. Credits sum to the totals; a channel on no
 * path with conversions or value gets zero.
 *
 * <p>Instances are immutable and thread-safe (the model has no state; each call allocates its own arrays).
 *
 * @since 0.1.0
 */
public final class SimplifiedShapleyModel extends ParameterlessModel {
  /** The registry name. */
  public static final String NAME = "shapley-simplified";

  private static final SimplifiedShapleyModel INSTANCE = new SimplifiedShapleyModel();

  private SimplifiedShapleyModel() {
    super(NAME);
  }

  /** The model (it has no parameters). */
  public static SimplifiedShapleyModel create() {
    return INSTANCE;
  }

  /**
   * Attributes by Zhao's formula, which is exactly the linear split over each path's distinct channels:
   * the computation is {@link HeuristicModel#linearUnique()}'s, reported under this model's name.
   */
  @Override
  public AttributionResult attribute(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    AttributionResult unique = HeuristicModel.linearUnique().attribute(journeys);
    int channelCount = journeys.channels().size();
    double[] conv = new double[channelCount];
    double[] value = new double[channelCount];
    for (int ch = 0; ch < channelCount; ch++) {
      conv[ch] = unique.conversions(ch);
      value[ch] = unique.value(ch);
    }
    return AttributionResult.of(NAME, journeys, conv, value, true);
  }
}
