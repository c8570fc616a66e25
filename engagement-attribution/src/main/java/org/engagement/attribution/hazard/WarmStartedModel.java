package org.engagement.attribution.hazard;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneySet;

/**
 * A hazard model's {@linkplain AttributionModel#forResamplesOf resample form}: the set its start was fitted on is
 * answered by the model itself (whose fit of that set is remembered), any other set (a bootstrap resample of it) by
 * {@code refit}, the model's fit by Newton from that start. The likelihoods are concave, so a start changes the
 * number of steps, not the optimum. Immutable; thread-safe as the model and {@code refit} are.
 */
final class WarmStartedModel implements AttributionModel {
  private final AttributionModel model;
  private final JourneySet journeys;
  private final Function<JourneySet, AttributionResult> refit;

  WarmStartedModel(AttributionModel model, JourneySet journeys, Function<JourneySet, AttributionResult> refit) {
    this.model = model;
    this.journeys = journeys;
    this.refit = refit;
  }

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public ModelParameters parameters() {
    return model.parameters();
  }

  @Override
  @SuppressWarnings("ReferenceEquality") // the very set the start was fitted on; a resample is another instance
  public AttributionResult attribute(JourneySet set) {
    requireNonNull(set, "set");
    return set == journeys ? model.attribute(set) : refit.apply(set);
  }

  @Override
  public String toString() {
    return model.name() + " for the resamples of " + journeys;
  }
}
