package org.engagement.attribution;

import java.util.List;

/**
 * The extension point of attribution models: makes one named model from its parameters, and says which
 * parameters it takes. {@link AttributionModels} holds providers by name, so a host chooses a model from
 * configuration.
 *
 * <p>Providers are found through {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.engagement.attribution.AttributionModelProvider} (on the module path:
 * {@code provides org.engagement.attribution.AttributionModelProvider with ...}); it then needs a public
 * no-argument constructor. A jar on the class or module path so adds a model that
 * {@link AttributionModels#defaults()} finds by name, with no code in the host. Hosts can also register a
 * provider explicitly ({@link AttributionModels.Builder#register(AttributionModelProvider)}).
 *
 * <p>The registry discovers every provider on the path to learn its name, so a provider should be cheap to
 * construct and should not load its model's classes before {@link #parameters()} or
 * {@link #create(ModelParameters)} is called: keep the model in another class.
 *
 * <p>Implementations must be thread-safe: one provider may make models for several threads at once.
 *
 * @since 0.1.0
 */
public interface AttributionModelProvider {

  /**
   * The model's unique name, used to choose it from configuration: 1 to 64 lower-case letters, digits and
   * hyphens, starting with a letter or digit (for example {@code first-touch} or {@code acme-uplift}). The
   * models it makes report the same {@link AttributionModel#name()}.
   */
  String name();

  /** What the model does, in one line (for listings such as a command line's help). */
  String description();

  /**
   * The parameters the model takes, in the order a listing shows them; empty (the default) if it takes
   * none. Values a host gives under other names are refused before {@link #create(ModelParameters)}.
   */
  default List<ModelParameter<?>> parameters() {
    return List.of();
  }

  /**
   * The model configured with {@code parameters}.
   *
   * @param parameters resolved against {@link #parameters()} ({@link ModelParameters#resolve(String, List)}):
   *     every declared parameter has a value of its type that keeps its rule, and there are no others
   * @throws IllegalArgumentException if the values together break a rule of the model (for example
   *     weights that are all zero); the message names the parameters, the values and the rule
   */
  AttributionModel create(ModelParameters parameters);
}
