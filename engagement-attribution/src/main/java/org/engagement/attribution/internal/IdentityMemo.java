package org.engagement.attribution.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Throwables;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

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
 * interactions, no fit was made twice for want of room ({@code BootstrapIntervalsTest} keeps it so).
 *
 * <p><b>One computation per result.</b> The first thread to ask for a missing result computes it on its own
 * thread; a thread asking for it meanwhile waits for that computation and gets its instance (two report sections
 * asked for one cross-validation at once and both made it). This is the memoizer of Goetz et al., <i>Java
 * Concurrency in Practice</i> §5.6: a future per result, placed with {@code putIfAbsent}, run by the thread that
 * placed it; not {@code ConcurrentHashMap.computeIfAbsent}, which must not be given long or re-entrant work. A
 * computation that throws is not remembered: the exception reaches its thread and, the same instance, every thread
 * that waited for it; the next ask computes afresh. A waiting thread that is interrupted stops waiting with a
 * {@link CancellationException}, its interrupt flag set. A computation may ask this memo for other inputs or
 * settings and other memos; asking for its own result on its own thread throws {@link IllegalStateException}.
 * Waiting cannot deadlock unless a result's computation asks for that result itself, through a chain of memos or
 * a task it hands to another thread (on its own thread such a chain ends in that exception). In this module the
 * chains are short and one way and no computation hands work to another thread: exposure-hazard's result asks
 * for its point fit and the additive fit, its point fit and interaction-hazard's result for the additive fit; the
 * cross-validation, the additive fit and the calibration's reductions ask no memo.
 *
 * <p>Thread-safe.
 *
 * @param <I> the input, compared by identity
 * @param <S> the setting (a level, a configuration), compared by {@code equals}
 * @param <V> the result, immutable or treated as such
 */
public final class IdentityMemo<I, S, V> {
  private final Cache<I, Map<S, Computation<V>>> byInput;

  private IdentityMemo(int capacity) {
    this.byInput = CacheBuilder.newBuilder().weakKeys().maximumSize(capacity).build();
  }

  /** A memo of at most {@code capacity} inputs. */
  public static <I, S, V> IdentityMemo<I, S, V> of(int capacity) {
    return new IdentityMemo<>(capacity);
  }

  /**
   * The result for {@code input} and {@code setting}: remembered, or being computed by another thread and waited
   * for, or computed now on this thread and remembered.
   *
   * @throws IllegalStateException if this thread is computing that very result (the computation asks for itself)
   * @throws CancellationException if this thread is interrupted while it waits (its interrupt flag is set)
   */
  public V get(I input, S setting, Supplier<V> compute) {
    requireNonNull(input, "input");
    requireNonNull(setting, "setting");
    Map<S, Computation<V>> known = byInput.asMap().computeIfAbsent(input, i -> new ConcurrentHashMap<>());
    Computation<V> first = known.get(setting);
    if (first == null) {
      Computation<V> mine = new Computation<>();
      first = known.putIfAbsent(setting, mine);
      if (first == null) {
        return mine.run(compute, () -> known.remove(setting, mine));
      }
    }
    return first.await(setting);
  }

  /** One result, being computed by the thread that placed it or computed. Thread-safe. */
  private static final class Computation<V> {
    private final CompletableFuture<V> result = new CompletableFuture<>();
    /** The thread computing the result, until it has finished (then none, not to keep the thread). */
    private volatile @Nullable Thread owner = Thread.currentThread();

    /** Computes the result on this thread; on failure runs {@code forget} before any waiter hears of it. */
    V run(Supplier<V> compute, Runnable forget) {
      try {
        V value = requireNonNull(compute.get(), "computed");
        result.complete(value);
        return value;
      } catch (Throwable e) { // a checked exception thrown sneakily too, or its waiters would wait forever
        forget.run();
        result.completeExceptionally(e);
        throw e;
      } finally {
        owner = null;
      }
    }

    /** The result, once computed; what its computation threw, if it threw. */
    V await(Object setting) {
      if (owner == Thread.currentThread()) {
        throw new IllegalStateException("the result for setting " + setting + " was asked for by its own"
            + " computation, which would wait for itself");
      }
      try {
        return result.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        CancellationException cancelled = new CancellationException("interrupted while waiting for another"
            + " thread's computation of the result for setting " + setting);
        cancelled.initCause(e);
        throw cancelled;
      } catch (ExecutionException e) {
        Throwable cause = requireNonNull(e.getCause(), "cause");
        Throwables.throwIfUnchecked(cause);
        throw new IllegalStateException(cause);
      }
    }
  }
}
