package org.engagement.attribution.hazard;

import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModelProvider;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;

/**
 * Provides {@link InteractionHazardModel} as {@code interaction-hazard}, with the parameter {@code level}
 * ({@link InteractionHazardModel#LEVEL}, the screen's family-wise level). Listed as a
 * {@link java.util.ServiceLoader} service, so the registry's defaults hold it and a host (or
 * {@code attribute --model interaction-hazard}) can run the model {@code recommended} picks where it finds
 * synergy, on its own or at another level.
 *
 * <p>Immutable and thread-safe; constructing it loads no model class.
 *
 * @since 0.1.0
 */
public final class InteractionHazardModelProvider implements AttributionModelProvider {
  /** The provider; {@link java.util.ServiceLoader} calls this. */
  public InteractionHazardModelProvider() {}

  @Override
  public String name() {
    return InteractionHazardModel.NAME;
  }

  @Override
  public String description() {
    return "additive-hazard widened by the pairs of channels a one-sided score screen finds worth more together"
        + " than apart; credit by the conversions lost without each channel";
  }

  @Override
  public List<ModelParameter<?>> parameters() {
    return InteractionHazardModel.PARAMETERS;
  }

  @Override
  public AttributionModel create(ModelParameters parameters) {
    return InteractionHazardModel.fromParameters(parameters);
  }
}
