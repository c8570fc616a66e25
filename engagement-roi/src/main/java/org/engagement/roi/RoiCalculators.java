package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ROI calculators a host can choose from by name: those whose {@link RoiCalculatorProvider} is found
 * through {@link ServiceLoader} and those registered explicitly.
 *
 * <p>{@link #defaults()} discovers every provider visible to this library's class loader (on the class
 * path, listed in {@code META-INF/services}; on the module path, declared with {@code provides}), among
 * them the built-in {@code relationship} ({@link RelationshipRoiCalculator}), so a jar on the path adds a
 * calculator by name with no code in the host. Discovery is lazy: it runs on the first lookup, not when
 * the registry is made, and a calculator is created only when asked for.
 *
 * <p>Explicit registration wins over discovery, so a host can replace a discovered calculator with a
 * configured one of its own. Two explicit registrations of one name fail when the second is made; two
 * discovered providers of one name (of different classes) fail on the first lookup, with a message naming
 * both. A discovered provider that fails to load, or whose name is unusable, is logged, counted in
 * {@link #discoveryFailures()} and skipped: one broken jar does not take the others down.
 *
 * <p>Immutable and thread-safe: the discovered providers are computed once, under a lock.
 *
 * @since 0.1.0
 */
public final class RoiCalculators {
  private static final Logger LOG = LoggerFactory.getLogger(RoiCalculators.class);
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9\\-]{0,63}");

  private final List<ClassLoader> loaders;
  private final Map<String, RoiCalculatorProvider> registered;
  private @Nullable Resolved resolved;

  private RoiCalculators(List<ClassLoader> loaders, Map<String, RoiCalculatorProvider> registered) {
    this.loaders = loaders;
    this.registered = registered;
  }

  /** Every calculator discovered through {@link ServiceLoader} (lazily, on the first lookup). */
  public static RoiCalculators defaults() {
    return builder().discover().build();
  }

  /** A builder, empty until calculators are discovered or registered. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A new calculator of the provider called {@code name}.
   *
   * @throws NoSuchElementException if there is none; the message lists the names there are
   * @throws IllegalStateException if two discovered providers share the name
   */
  public RoiCalculator create(String name) {
    return provider(name).create();
  }

  /**
   * The provider called {@code name}.
   *
   * @throws NoSuchElementException if there is none; the message lists the names there are
   * @throws IllegalStateException if two discovered providers share a name
   */
  public RoiCalculatorProvider provider(String name) {
    return find(name).orElseThrow(() ->
        new NoSuchElementException("no ROI calculator named '" + name + "'; available: " + names()));
  }

  /**
   * The provider called {@code name}, if there is one.
   *
   * @throws IllegalStateException if two discovered providers share a name
   */
  public Optional<RoiCalculatorProvider> find(String name) {
    return Optional.ofNullable(resolved().byName.get(requireNonNull(name, "name")));
  }

  /**
   * The names of all calculators, sorted.
   *
   * @throws IllegalStateException if two discovered providers share a name
   */
  public Set<String> names() {
    return resolved().byName.keySet();
  }

  /**
   * How many service providers failed to load or had an unusable name during discovery.
   *
   * @throws IllegalStateException if two discovered providers share a name
   */
  public int discoveryFailures() {
    return resolved().failures;
  }

  private synchronized Resolved resolved() {
    if (resolved == null) {
      Map<String, RoiCalculatorProvider> discovered = new LinkedHashMap<>();
      int failures = 0;
      for (ClassLoader loader : loaders) {
        failures += discover(loader, discovered);
      }
      SortedMap<String, RoiCalculatorProvider> all = new TreeMap<>(discovered);
      all.putAll(registered);
      resolved = new Resolved(Collections.unmodifiableSortedMap(all), failures);
    }
    return resolved;
  }

  /** Adds the providers {@code loader} sees to {@code discovered}; returns how many failed. */
  private static int discover(ClassLoader loader, Map<String, RoiCalculatorProvider> discovered) {
    int failures = 0;
    Iterator<RoiCalculatorProvider> it = ServiceLoader.load(RoiCalculatorProvider.class, loader).iterator();
    while (true) {
      RoiCalculatorProvider provider;
      try {
        if (!it.hasNext()) {
          return failures;
        }
        provider = it.next();
      } catch (ServiceConfigurationError e) {
        failures++;
        LOG.warn("an ROI calculator provider failed to load and was skipped: {}", e.getMessage());
        continue;
      }
      String name;
      try {
        name = checkedName(provider);
      } catch (RuntimeException e) {
        failures++;
        LOG.warn("ROI calculator provider {} was skipped: its name is unusable ({})",
            provider.getClass().getName(), e.getClass().getName());
        continue;
      }
      RoiCalculatorProvider previous = discovered.putIfAbsent(name, provider);
      if (previous != null && previous.getClass() != provider.getClass()) {
        throw new IllegalStateException("two discovered ROI calculator providers are named '" + name + "': "
            + previous.getClass().getName() + " and " + provider.getClass().getName());
      }
    }
  }

  private static String checkedName(RoiCalculatorProvider provider) {
    String name = provider.name();
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidFieldException("calculator name", name,
          "must be 1 to 64 lower-case letters, digits and '-', starting with a letter or digit ("
              + provider.getClass().getName() + ")");
    }
    return name;
  }

  @Override
  public synchronized String toString() {
    Resolved known = resolved;
    return "RoiCalculators[" + (known == null ? "not yet discovered" : known.byName.keySet()) + "]";
  }

  /** The providers by name after discovery, and how many failed. */
  private record Resolved(SortedMap<String, RoiCalculatorProvider> byName, int failures) {}

  /**
   * Collects providers. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final List<ClassLoader> loaders = new ArrayList<>();
    private final Map<String, RoiCalculatorProvider> registered = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds the providers visible to this library's class loader, discovered on the registry's first lookup.
     *
     * @return this builder
     */
    public Builder discover() {
      return discover(RoiCalculators.class.getClassLoader());
    }

    /**
     * Adds the providers visible to {@code loader}, discovered on the registry's first lookup.
     *
     * @return this builder
     */
    public Builder discover(ClassLoader loader) {
      loaders.add(requireNonNull(loader, "loader"));
      return this;
    }

    /**
     * Adds {@code provider}; it replaces a discovered provider of the same name.
     *
     * @throws InvalidFieldException if its name breaks the naming rule of {@link RoiCalculatorProvider#name()}
     * @throws IllegalStateException if a provider of that name was already registered explicitly
     * @return this builder
     */
    public Builder register(RoiCalculatorProvider provider) {
      requireNonNull(provider, "provider");
      String name = checkedName(provider);
      RoiCalculatorProvider previous = registered.putIfAbsent(name, provider);
      if (previous != null) {
        throw new IllegalStateException("an ROI calculator named '" + name + "' is already registered: "
            + previous.getClass().getName() + "; refused " + provider.getClass().getName());
      }
      return this;
    }

    /** The registry; discovery runs on its first lookup. */
    public RoiCalculators build() {
      return new RoiCalculators(List.copyOf(loaders), Collections.unmodifiableMap(new LinkedHashMap<>(registered)));
    }
  }
}
