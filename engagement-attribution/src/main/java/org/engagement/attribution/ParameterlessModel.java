package org.engagement.attribution;

import static java.util.Objects.requireNonNull;

/**
 * A base for attribution models that take no parameters: the name and the empty parameters, written once.
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
