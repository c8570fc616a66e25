package org.engagement.attribution;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.engagement.attribution.heuristic.HeuristicModel;
import org.engagement.attribution.markov.MarkovModel;
import org.engagement.attribution.shapley.ShapleyModel;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The attribution models a host can choose from by name, each with a factory that builds the model from
 * {@link ModelParameters}.
 *
 * <p>{@link #defaults()} holds every built-in model. Registration is explicit (the built-in heuristics
 * register themselves through {@code HeuristicModel.registerAll(builder)}); registering one name twice
 * fails when it happens.
 * Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AttributionModels {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9\\-]{0,63}");

  private final SortedMap<String, Factory> byName;

  private AttributionModels(Map<String, Factory> byName) {
    this.byName = Collections.unmodifiableSortedMap(new TreeMap<>(byName));
  }

  /**
   * A registry with every built-in model: the heuristics of {@link HeuristicModel#registerAll} (including
   * {@code time-decay}), {@code markov} ({@link MarkovModel#register}) and the Shapley models
   * {@code shapley}, {@code shapley-simplified} and {@code shapley-ordered}
   * ({@link ShapleyModel#registerAll}). Hosts that add their own models start from {@link #builder()} and
   * register the built-ins the same way.
   */
  public static AttributionModels defaults() {
    Builder builder = builder();
    HeuristicModel.registerAll(builder);
    MarkovModel.register(builder);
    ShapleyModel.registerAll(builder);
    return builder.build();
  }

  /** A builder, empty until models are registered. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The model called {@code name}, configured with {@code parameters}.
   *
   * @throws NoSuchElementException if there is none; the message lists the names there are
   * @throws IllegalArgumentException if the factory refuses the parameters
   */
  public AttributionModel create(String name, ModelParameters parameters) {
    requireNonNull(name, "name");
    requireNonNull(parameters, "parameters");
    Factory factory = byName.get(name);
    if (factory == null) {
      throw new NoSuchElementException("no attribution model named '" + name + "'; available: " + byName.keySet());
    }
    return factory.create(parameters);
  }

  /**
   * The model called {@code name} with its default parameters.
   *
   * @throws NoSuchElementException if there is none; the message lists the names there are
   */
  public AttributionModel create(String name) {
    return create(name, ModelParameters.none());
  }

  /** The names of all models, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }

  /**
   * Builds a model from parameters. Implementations must be thread-safe.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface Factory {
    /**
     * The model configured with {@code parameters}.
     *
     * @throws IllegalArgumentException if a parameter is unknown or invalid
     */
    AttributionModel create(ModelParameters parameters);
  }

  /**
   * Collects model factories. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, Factory> registered = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds {@code factory} under {@code name}.
     *
     * @param name lower-case letters, digits and hyphens, starting with a letter or digit, at most 64
     * @return this builder
     * @throws InvalidFieldException if the name breaks that rule
     * @throws IllegalStateException if the name is already registered
     */
    public Builder register(String name, Factory factory) {
      requireNonNull(name, "name");
      requireNonNull(factory, "factory");
      if (!NAME.matcher(name).matches()) {
        throw new InvalidFieldException("model name", name,
            "must be 1 to 64 lower-case letters, digits and hyphens, not starting with a hyphen");
      }
      if (registered.putIfAbsent(name, factory) != null) {
        throw new IllegalStateException("an attribution model named '" + name + "' is already registered");
      }
      return this;
    }

    /** The registry of everything registered so far. */
    public AttributionModels build() {
      return new AttributionModels(registered);
    }
  }
}
