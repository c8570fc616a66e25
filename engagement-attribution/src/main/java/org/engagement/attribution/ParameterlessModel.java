package org.engagement.attribution;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A base for attribution models that take no parameters: the name, the empty parameters, and a
 * registry factory that refuses any parameter, written once.
 *
 * <p>Subclasses are expected to be immutable singletons, and so thread-safe.
 *
 * @since 0.1.0
 */
public abstract class ParameterlessModel implements AttributionModel {
  private final String name;

  /** A model registered as {@code name}. */
  protected ParameterlessModel(String name) {
    this.name = requireNonNull(name, "name");
  }

  /**
   * A registry factory for {@code model} that refuses every parameter, naming it.
   *
   * @see ModelParameters#requireOnly(Set)
   */
  public static AttributionModels.Factory factory(ParameterlessModel model) {
    requireNonNull(model, "model");
    return parameters -> {
      requireNonNull(parameters, "parameters").requireOnly(Set.of());
      return model;
    };
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final ModelParameters parameters() {
    return ModelParameters.none();
  }

  @Override
  public String toString() {
    return name;
  }
}
