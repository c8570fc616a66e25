package org.engagement.attribution.hazard;

import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModelProvider;
import org.engagement.attribution.ModelParameters;

/**
 * Provides {@link AdditiveHazardModel} as {@code additive-hazard} (no parameters). Listed as a
 * {@link java.util.ServiceLoader} service, so the registry's defaults hold it.
 *
 * <p>Immutable and thread-safe; constructing it loads no model class.
 *
 * @since 0.1.0
 */
public final class AdditiveHazardModelProvider implements AttributionModelProvider {
  /** The provider; {@link java.util.ServiceLoader} calls this. */
  public AdditiveHazardModelProvider() {}

  @Override
  public String name() {
    return AdditiveHazardModel.NAME;
  }

  @Override
  public String description() {
    return "credit by the conversions an additive-hazard fit of conversion says each channel caused";
  }

  @Override
  public AttributionModel create(ModelParameters parameters) {
    return AdditiveHazardModel.create();
  }
}
