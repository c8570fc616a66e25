package org.engagement.attribution;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The attribution models a host can choose from by name: the {@link AttributionModelProvider}s found
 * through {@link ServiceLoader} and those registered explicitly.
 *
 * <p>{@link #defaults()} discovers every provider on the class or module path: the built-in models (see
 * the module's README for the list and their parameters) and any a third-party jar adds. Discovery only
 * constructs the providers to learn their names; a model's classes are loaded when it is first
 * {@linkplain #create(String, ModelParameters) created}. {@link #builder()} starts from nothing, for a
 * host that wants an explicit list (the built-in providers are public classes, for example
 * {@code new MarkovModelProvider()}).
 *
 * <p>The rules are those of {@code ChannelAdapters}: explicit registration wins over discovery, so a host
 * can replace a discovered model with its own under the same name. Two explicit registrations of one
 * name, or two discovered providers of different classes with one name, fail when the registry is built,
 * naming both providers. A discovered provider that fails to load, or whose name is unusable, is logged,
 * counted in {@link #discoveryFailures()} and skipped: one broken jar does not take the others down.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AttributionModels {
  private final SortedMap<String, AttributionModelProvider> byName;
  private final int discoveryFailures;

  private AttributionModels(Map<String, AttributionModelProvider> byName, int discoveryFailures) {
    this.byName = Collections.unmodifiableSortedMap(new TreeMap<>(byName));
    this.discoveryFailures = discoveryFailures;
  }

  /**
   * Every model whose provider is visible to this library's class loader: the built-ins and those added
   * by jars on the path. Each call discovers anew; keep the result rather than calling it per use.
   *
   * @throws IllegalStateException if two discovered providers of different classes share a name
   */
  public static AttributionModels defaults() {
    return builder().discover().build();
  }

  /** A builder, empty until providers are discovered or registered. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The model called {@code name}, configured with {@code parameters}: they are first read and checked
   * against the model's declared parameters ({@link ModelParameters#resolve(String, java.util.List)}).
   *
   * @throws NoSuchElementException if there is no such model; the message lists the names there are
   * @throws IllegalArgumentException if a parameter is unknown, missing, not of its type or breaks a rule;
   *     the message names the parameter, the value and the rule
   * @throws IllegalStateException if the provider makes a model of another name
   */
  public AttributionModel create(String name, ModelParameters parameters) {
    requireNonNull(parameters, "parameters");
    AttributionModelProvider provider = provider(name);
    AttributionModel model = provider.create(parameters.resolve(name, provider.parameters()));
    if (!name.equals(model.name())) {
      throw new IllegalStateException("attribution model provider " + provider.getClass().getName()
          + " for '" + name + "' made a model named '" + model.name() + "'");
    }
    return model;
  }

  /**
   * The model called {@code name} with its default parameters.
   *
   * @throws NoSuchElementException if there is none; the message lists the names there are
   * @throws IllegalArgumentException if the model has a required parameter
   */
  public AttributionModel create(String name) {
    return create(name, ModelParameters.none());
  }

  /**
   * The provider of the model called {@code name}: its description and the parameters it takes.
   *
   * @throws NoSuchElementException if there is none; the message lists the names there are
   */
  public AttributionModelProvider provider(String name) {
    requireNonNull(name, "name");
    AttributionModelProvider provider = byName.get(name);
    if (provider == null) {
      throw new NoSuchElementException("no attribution model named '" + name + "'; available: " + byName.keySet());
    }
    return provider;
  }

  /** The names of all models, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }

  /** How many discovered providers failed to load or had an unusable name, and were skipped. */
  public int discoveryFailures() {
    return discoveryFailures;
  }

  /**
   * Collects providers. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, AttributionModelProvider> discovered = new LinkedHashMap<>();
    private final Map<String, AttributionModelProvider> registered = new LinkedHashMap<>();
    private int discoveryFailures;

    private Builder() {}

    /**
     * Adds the providers listed as {@link AttributionModelProvider} services visible to this library's
     * class loader.
     *
     * @return this builder
     * @throws IllegalStateException if two discovered providers of different classes share a name
     */
    public Builder discover() {
      return discover(AttributionModels.class.getClassLoader());
    }

    /**
     * Adds the providers listed as {@link AttributionModelProvider} services visible to {@code loader}
     * (a plug-in class loader, for example).
     *
     * @return this builder
     * @throws IllegalStateException if two discovered providers of different classes share a name
     */
    public Builder discover(ClassLoader loader) {
      requireNonNull(loader, "loader");
      Iterator<AttributionModelProvider> it = ServiceLoader.load(AttributionModelProvider.class, loader).iterator();
      while (true) {
        AttributionModelProvider provider;
        try {
          if (!it.hasNext()) {
            break;
          }
          provider = it.next();
        } catch (ServiceConfigurationError e) {
          skip("an attribution model provider failed to load and was skipped: {}", e.getMessage());
          continue;
        }
        String name;
        try {
          name = ModelParameter.checkName("model name", provider.name());
        } catch (RuntimeException e) {
          skip("attribution model provider {} was skipped: its name is unusable", provider.getClass().getName());
          continue;
        }
        AttributionModelProvider previous = discovered.putIfAbsent(name, provider);
        if (previous != null && previous.getClass() != provider.getClass()) {
          throw new IllegalStateException("two discovered attribution model providers are named '" + name + "': "
              + previous.getClass().getName() + " and " + provider.getClass().getName());
        }
      }
      return this;
    }

    private void skip(String message, @Nullable Object argument) {
      discoveryFailures++;
      LoggerFactory.getLogger(AttributionModels.class).warn(message, argument);
    }

    /**
     * Adds {@code provider}; it replaces a discovered provider of the same name.
     *
     * @return this builder
     * @throws InvalidFieldException if its name breaks the rule of {@link AttributionModelProvider#name()}
     * @throws IllegalStateException if a provider of that name was already registered explicitly; the
     *     message names both
     */
    public Builder register(AttributionModelProvider provider) {
      requireNonNull(provider, "provider");
      String name = ModelParameter.checkName("model name", provider.name());
      AttributionModelProvider previous = registered.putIfAbsent(name, provider);
      if (previous != null) {
        throw new IllegalStateException("an attribution model named '" + name + "' is already registered by "
            + previous.getClass().getName() + "; cannot register " + provider.getClass().getName());
      }
      return this;
    }

    /**
     * Adds every provider of {@code providers}, as {@link #register(AttributionModelProvider)} does.
     *
     * @return this builder
     */
    public Builder registerAll(Iterable<? extends AttributionModelProvider> providers) {
      requireNonNull(providers, "providers").forEach(this::register);
      return this;
    }

    /** The registry of everything discovered and registered so far. */
    public AttributionModels build() {
      Map<String, AttributionModelProvider> all = new LinkedHashMap<>(discovered);
      all.putAll(registered);
      return new AttributionModels(all, discoveryFailures);
    }
  }
}
