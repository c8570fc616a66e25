package org.engagement.attribution.validation;

import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModelProvider;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;

/**
 * Provides {@link RecommendedModel} as {@code recommended}, with parameters {@code folds} and {@code seed}.
 * Listed as a {@link java.util.ServiceLoader} service, so the registry's defaults hold it.
 *
 * <p>Immutable and thread-safe; constructing it loads no model class.
 *
 * @since 0.1.0
 */
public final class RecommendedModelProvider implements AttributionModelProvider {
  /** The provider; {@link java.util.ServiceLoader} calls this. */
  public RecommendedModelProvider() {}

  @Override
  public String name() {
    return RecommendedModel.NAME;
  }

  @Override
  public String description() {
    return "the SDK's documented choice among markov, additive-hazard, interaction-hazard, exposure-hazard,"
        + " shao-li and shapley-simplified; notes say which and why";
  }

  @Override
  public List<ModelParameter<?>> parameters() {
    return RecommendedModel.PARAMETERS;
  }

  @Override
  public AttributionModel create(ModelParameters parameters) {
    return RecommendedModel.fromParameters(parameters);
  }
}
