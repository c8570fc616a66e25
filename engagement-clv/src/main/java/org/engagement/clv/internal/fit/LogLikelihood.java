package org.engagement.clv.internal.fit;

/**
 * The log-likelihood of a whole data set as a function of a model's parameters on their natural scale
 * (the scale of the papers: {@code r, alpha, a, b}, ...), in the order of the model's {@link Parameter}
 * list.
 *
 * <p>The optimiser calls it thousands of times, so implementations should precompute what does not
 * depend on the parameters, work on compressed (weighted) rows and not allocate. Returning a non-finite
 * value (or {@code NaN}) marks the parameters as impossible; the optimiser then moves away from them.
 * Implementations must not keep or change the array they are given.
 *
 * <p>Implementations must be safe to call from the fitting thread; they need not be thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface LogLikelihood {
  /** The log-likelihood at {@code parameters} (natural scale, read-only). */
  double at(double[] parameters);
}
