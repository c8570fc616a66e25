package org.engagement.clv.prediction;

/**
 * A CLV total with its bootstrap interval ({@link ForecastBootstrap}).
 *
 * <p>Immutable and thread-safe, being a record of numbers.
 *
 * @param estimate the total from the fit on all customers
 * @param low the interval's lower end, at most the estimate
 * @param high the interval's upper end, at least the estimate
 * @param level the interval's nominal coverage
 * @param resamples the resamples drawn
 * @param failed how many of them could not be fitted and were left out
 * @since 0.1.0
 */
public record ForecastTotal(double estimate, double low, double high, double level, int resamples, int failed) {}
