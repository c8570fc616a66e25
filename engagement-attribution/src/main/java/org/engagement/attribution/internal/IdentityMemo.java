package org.engagement.attribution.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Results of a pure computation on an immutable input, remembered per input <em>instance</em> and a small
 * setting: a report runs several models on one journey set, and {@code recommended} runs the models it chooses
 * among, so the same fit was computed up to five times on one set. A caller must only memoize what is a
 * function of the input's content and the setting, and must not change what it gets back (copy arrays).
 *
 * <p>Inputs are held weakly and compared by identity (Guava's {@code weakKeys}), so a memo never keeps an input
 * alive nor hashes its content; at most {@code capacity} inputs are remembered. Bootstraps do not crowd the whole
 * input out: the models' resample forms fit resamples without their memos (the refitted lift calibration's
 * reductions alone take one input per resample, and no one asks for the whole set's reduction again after its
 * bootstrap), so in {@code report} and {@code attribute --intervals 200}, from the bundled world to 10 M
 * interactions, no fit was made twice for want of room ({@code BootstrapIntervalsTest} keeps it so). Two threads
 * asking for the same missing result may both compute it (the results are equal); neither waits for the other,
 * and both get the one remembered first, so that a memo keyed by that result's identity further on sees one
 * instance.
 *
 * <p>Thread-safe.
 *
 * @param <I> the input, compared by identity
 * @param <S> the setting (a level, a configuration), compared by {@code equals}
 * @param <V> the result, immutable or treated as such
 */
public final class IdentityMemo<I, S, V> {
  private final Cache<I, Map<S, V>> byInput;

  private IdentityMemo(int capacity) {
    this.byInput = CacheBuilder.newBuilder().weakKeys().maximumSize(capacity).build();
  }

  /** A memo of at most {@code capacity} inputs. */
  public static <I, S, V> IdentityMemo<I, S, V> of(int capacity) {
    return new IdentityMemo<>(capacity);
  }

  /** The result for {@code input} and {@code setting}: remembered, or computed now and remembered. */
  public V get(I input, S setting, Supplier<V> compute) {
    requireNonNull(input, "input");
    requireNonNull(setting, "setting");
    Map<S, V> known = byInput.asMap().computeIfAbsent(input, i -> new ConcurrentHashMap<>());
    V value = known.get(setting);
    if (value == null) {
      value = requireNonNull(compute.get(), "computed");
      V raced = known.putIfAbsent(setting, value);
      return raced == null ? value : raced;
    }
    return value;
  }
}
