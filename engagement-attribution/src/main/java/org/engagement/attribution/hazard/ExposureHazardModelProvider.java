package org.engagement.attribution.hazard;

import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModelProvider;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;

/**
 * Provides {@link ExposureHazardModel} as {@code exposure-hazard}, with the parameter {@code level}
 * ({@link InteractionHazardModel#LEVEL}, the synergy screen's family-wise level). Listed as a
 * {@link java.util.ServiceLoader} service, so the registry's defaults hold it and a host (or
 * {@code attribute --model exposure-hazard --interactions ...}) can run the model {@code recommended} picks on
 * timed journeys, on its own or at another level.
 *
 * <p>Immutable and thread-safe; constructing it loads no model class.
 *
 * @since 0.1.0
 */
public final class ExposureHazardModelProvider implements AttributionModelProvider {
  /** The provider; {@link java.util.ServiceLoader} calls this. */
  public ExposureHazardModelProvider() {}

  @Override
  public String name() {
    return ExposureHazardModel.NAME;
  }

  @Override
  public String description() {
    return "the additive hazard (with the synergy pairs interaction-hazard keeps) fitted in exposure time, each"
        + " channel counting from its first touch; needs touch times; credit by the conversions lost without"
        + " each channel";
  }

  @Override
  public List<ModelParameter<?>> parameters() {
    return InteractionHazardModel.PARAMETERS;
  }

  @Override
  public AttributionModel create(ModelParameters parameters) {
    return ExposureHazardModel.fromParameters(parameters);
  }
}
