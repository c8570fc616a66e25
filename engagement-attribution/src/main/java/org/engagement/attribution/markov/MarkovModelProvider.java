package org.engagement.attribution.markov;

import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModelProvider;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;

/**
 * Provides {@link MarkovModel} as {@code markov}, with parameters {@code order}, {@code collapse},
 * {@code tolerance} and {@code max-iterations} ({@link MarkovModel#ORDER} and the constants after it).
 * Listed as a {@link java.util.ServiceLoader} service, so the registry's defaults hold it.
 *
 * <p>Immutable and thread-safe; constructing it loads no model class.
 *
 * @since 0.1.0
 */
public final class MarkovModelProvider implements AttributionModelProvider {
  /** The provider; {@link java.util.ServiceLoader} calls this. */
  public MarkovModelProvider() {}

  @Override
  public String name() {
    return MarkovModel.NAME;
  }

  @Override
  public String description() {
    return "Markov chain of order k: credit by removal effects computed exactly from the absorbing chain";
  }

  @Override
  public List<ModelParameter<?>> parameters() {
    return MarkovModel.PARAMETERS;
  }

  @Override
  public AttributionModel create(ModelParameters parameters) {
    return MarkovModel.fromParameters(parameters);
  }
}
