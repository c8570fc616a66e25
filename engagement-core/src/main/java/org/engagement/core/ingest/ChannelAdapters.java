package org.engagement.core.ingest;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.engagement.core.domain.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapters a host can choose from by name: those found through {@link ServiceLoader} and those
 * registered explicitly.
 *
 * <p>Explicit registration wins over discovery, so a host can replace a discovered adapter with a
 * configured instance of its own. Two explicit registrations of one name, or two discovered adapters
 * with one name, fail fast when the registry is built. A discovered provider that fails to load, or
 * whose name is unusable (its {@code name()} throws, returns {@code null} or breaks the naming rule), is
 * logged, counted in {@link #discoveryFailures()} and skipped: one broken third-party jar on the class path
 * does not take the others down. "Fails" means anything the {@link InteractionImporter} contains, errors
 * such as {@link NoClassDefFoundError}, {@link ExceptionInInitializerError} and {@link AssertionError}
 * included; {@link OutOfMemoryError}, the other {@link VirtualMachineError}s except
 * {@link StackOverflowError}, and {@link ThreadDeath} propagate. Discovery gives up after
 * {@value #MAX_CONSECUTIVE_DISCOVERY_FAILURES} failures in a row, so a class loader that fails the same
 * way forever cannot hang the host.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ChannelAdapters {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelAdapters.class);
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9\\-]{0,63}");
  /** How many providers in a row may fail before discovery stops looking. */
  static final int MAX_CONSECUTIVE_DISCOVERY_FAILURES = 100;

  private final ImmutableSortedMap<String, ChannelAdapter> byName;
  private final int discoveryFailures;

  private ChannelAdapters(Map<String, ChannelAdapter> byName, int discoveryFailures) {
    this.byName = ImmutableSortedMap.copyOf(byName);
    this.discoveryFailures = discoveryFailures;
  }

  /**
   * Every adapter on the class or module path, as {@code builder().discover().build()}: the same rule as
   * the attribution models' and the ROI calculators' registries.
   *
   * @throws IllegalStateException if two discovered adapters share a name
   */
  public static ChannelAdapters defaults() {
    return builder().discover().build();
  }

  /** A builder, empty until adapters are discovered or registered. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The adapter called {@code name}.
   *
   * @throws NoSuchElementException if there is none; the message lists the names there are
   */
  public ChannelAdapter get(String name) {
    requireNonNull(name, "name");
    ChannelAdapter adapter = byName.get(name);
    if (adapter == null) {
      throw new NoSuchElementException("no channel adapter named '" + name + "'; available: " + byName.keySet());
    }
    return adapter;
  }

  /** The adapter called {@code name}, if there is one. */
  public Optional<ChannelAdapter> find(String name) {
    return Optional.ofNullable(byName.get(requireNonNull(name, "name")));
  }

  /** The names of all adapters, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }

  /** Whether {@code name} follows the rule of {@link ChannelAdapter#name()}. */
  static boolean isValidName(String name) {
    return NAME.matcher(name).matches();
  }

  /** How many service providers failed to load, or had an unusable name, during discovery. */
  public int discoveryFailures() {
    return discoveryFailures;
  }

  /**
   * Collects adapters. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, ChannelAdapter> discovered = new LinkedHashMap<>();
    private final Map<String, ChannelAdapter> registered = new LinkedHashMap<>();
    private int discoveryFailures;

    private Builder() {}

    /**
     * Adds the adapters listed as {@link ChannelAdapter} services visible to this library's class
     * loader.
     *
     * @throws IllegalStateException if two discovered adapters share a name
     * @return this builder
     */
    public Builder discover() {
      return discover(ChannelAdapters.class.getClassLoader());
    }

    /**
     * Adds the adapters listed as {@link ChannelAdapter} services visible to {@code loader}.
     *
     * @throws IllegalStateException if two discovered adapters share a name
     * @return this builder
     */
    public Builder discover(ClassLoader loader) {
      Iterator<ChannelAdapter> it = ServiceLoader.load(ChannelAdapter.class, loader).iterator();
      int failuresInARow = 0;
      while (failuresInARow < MAX_CONSECUTIVE_DISCOVERY_FAILURES) {
        ChannelAdapter adapter;
        String name;
        try {
          if (!it.hasNext()) {
            return this;
          }
          adapter = it.next();
        } catch (Throwable e) {
          Containment.propagateIfFatal(e);
          failuresInARow++;
          skipped("a channel adapter provider failed to load and was skipped: {}", loadFailure(e));
          continue;
        }
        try {
          name = checkedName(adapter);
        } catch (Throwable e) {
          Containment.propagateIfFatal(e);
          failuresInARow++;
          Throwable why = e.getCause() == null ? e : e.getCause();
          skipped("channel adapter " + adapter.getClass().getName() + " was skipped: its name is unusable ({})",
              Containment.describe(why));
          continue;
        }
        failuresInARow = 0;
        ChannelAdapter previous = discovered.putIfAbsent(name, adapter);
        if (previous != null && previous.getClass() != adapter.getClass()) {
          throw new IllegalStateException("two discovered channel adapters are named '" + name + "': "
              + previous.getClass().getName() + " and " + adapter.getClass().getName());
        }
      }
      LOG.warn("channel adapter discovery gave up after {} failures in a row", MAX_CONSECUTIVE_DISCOVERY_FAILURES);
      return this;
    }

    /**
     * What a log may say of a provider that failed to load: the service loader's and a missing class's
     * messages name classes and files, not data; anything else (an {@link ExceptionInInitializerError} may
     * carry any message) is named by its class only.
     */
    private static String loadFailure(Throwable e) {
      return e instanceof ServiceConfigurationError || e instanceof NoClassDefFoundError
          ? String.valueOf(e.getMessage())
          : Containment.describe(e);
    }

    private void skipped(String message, String detail) {
      discoveryFailures++;
      LOG.warn(message, detail);
    }

    /**
     * Adds {@code adapter}; it replaces a discovered adapter of the same name.
     *
     * @throws InvalidFieldException if its name breaks the naming rule of {@link ChannelAdapter#name()}, or
     *     if {@code name()} throws anything the importer would contain (the exception's cause)
     * @throws IllegalStateException if an adapter of that name was already registered explicitly
     * @return this builder
     */
    public Builder register(ChannelAdapter adapter) {
      requireNonNull(adapter, "adapter");
      String name = checkedName(adapter);
      ChannelAdapter previous = registered.putIfAbsent(name, adapter);
      if (previous != null) {
        throw new IllegalStateException("a channel adapter named '" + name + "' is already registered: "
            + previous.getClass().getName());
      }
      return this;
    }

    /** The registry. */
    public ChannelAdapters build() {
      Map<String, ChannelAdapter> all = new LinkedHashMap<>(discovered);
      all.putAll(registered);
      return new ChannelAdapters(all, discoveryFailures);
    }

    /**
     * The adapter's name, checked against the naming rule.
     *
     * @throws InvalidFieldException if {@code name()} throws (the cause), returns {@code null} or breaks
     *     the rule
     */
    private static String checkedName(ChannelAdapter adapter) {
      String name;
      try {
        name = adapter.name();
      } catch (Throwable e) {
        Containment.propagateIfFatal(e);
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        InvalidFieldException unusable = new InvalidFieldException("adapter name", null,
            "name() of " + adapter.getClass().getName() + " failed with " + Containment.describe(e));
        unusable.initCause(e);
        throw unusable;
      }
      if (name == null || !isValidName(name)) {
        throw new InvalidFieldException("adapter name", name,
            "must be 1 to 64 characters of lower-case letters, digits and '-', starting with a letter or digit ("
                + adapter.getClass().getName() + ")");
      }
      return name;
    }
  }
}
