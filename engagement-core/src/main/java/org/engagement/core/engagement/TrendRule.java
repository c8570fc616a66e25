package org.engagement.core.engagement;

import org.engagement.core.domain.InvalidFieldException;

/**
 * How a trend is read from a series: the last period's score {@code L} is compared with the mean
 * {@code M} of the {@code lookback} periods before it (fewer if the series is shorter).
 *
 * <table>
 *   <caption>The rule</caption>
 *   <tr><th>condition</th><th>trend</th></tr>
 *   <tr><td>fewer than two periods, or {@code L = M = 0}</td><td>{@link Trend#STABLE STABLE}</td></tr>
 *   <tr><td>{@code L > M · (1 + threshold)} (so any {@code L > 0} when {@code M = 0})</td>
 *       <td>{@link Trend#RISING RISING}</td></tr>
 *   <tr><td>{@code L < M · (1 − threshold)}</td><td>{@link Trend#FALLING FALLING}</td></tr>
 *   <tr><td>otherwise</td><td>{@link Trend#STABLE STABLE}</td></tr>
 * </table>
 *
 * <p>The {@linkplain #defaults() default} compares the last period with the mean of the three before
 * it, with a 10 % threshold. Because scores decay, a customer whose activity stops falls: with a 30-day
 * half-life and months as periods, each month without interactions roughly halves the score. Immutable
 * and thread-safe.
 *
 * @param lookback how many earlier periods to average: 1 to 1,000
 * @param threshold the relative change that counts as rising or falling: finite, at least 0 and below 1
 * @since 0.1.0
 */
public record TrendRule(int lookback, double threshold) {
  /**
   * Validates the rule.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken
   */
  public TrendRule {
    if (lookback < 1 || lookback > 1000) {
      throw new InvalidFieldException("lookback", lookback, "must be between 1 and 1000");
    }
    if (!Double.isFinite(threshold) || threshold < 0 || threshold >= 1) {
      throw new InvalidFieldException("threshold", threshold, "must be a finite number at least 0 and below 1");
    }
  }

  /** The last period against the mean of the three before it, with a 10 % threshold. */
  public static TrendRule defaults() {
    return new TrendRule(3, 0.1);
  }

  /** The trend of {@code series} by this rule. */
  public Trend classify(EngagementSeries series) {
    double[] scores = series.scores();
    int n = scores.length;
    if (n < 2) {
      return Trend.STABLE;
    }
    int from = Math.max(0, n - 1 - lookback);
    double sum = 0;
    for (int i = from; i < n - 1; i++) {
      sum += scores[i];
    }
    double mean = sum / (n - 1 - from);
    double last = scores[n - 1];
    if (last > mean * (1 + threshold)) {
      return Trend.RISING;
    }
    if (last < mean * (1 - threshold)) {
      return Trend.FALLING;
    }
    return Trend.STABLE;
  }
}
