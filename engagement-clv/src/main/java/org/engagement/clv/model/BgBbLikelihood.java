package org.engagement.clv.model;

import java.util.List;
import org.engagement.clv.internal.fit.LogLikelihood;
import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.special.Beta;

/**
 * The BG/BB log-likelihood (Fader, Hardie and Shang 2010): a customer alive at opportunity
 * {@code n} contributes {@code B(alpha + x, beta + n - x) / B(alpha, beta) * B(gamma, delta + n) /
 * B(gamma, delta)}; one who dropped out right after opportunity {@code t_x + i}, {@code i = 0 .. n - t_x
 * - 1}, contributes {@code B(alpha + x, beta + t_x - x + i) / B(alpha, beta) * B(gamma + 1, delta + t_x +
 * i) / B(gamma, delta)}. The terms are added in log space. Stateless beyond its data; not allocating.
 */
final class BgBbLikelihood implements LogLikelihood {
  private final int[] frequency;
  private final int[] recency;
  private final int[] opportunities;
  private final double[] weight;

  BgBbLikelihood(List<DiscreteSummary> rows) {
    if (rows.isEmpty()) {
      throw new InvalidFieldException("summaries", rows, "must not be empty");
    }
    int size = rows.size();
    frequency = new int[size];
    recency = new int[size];
    opportunities = new int[size];
    weight = new double[size];
    for (int i = 0; i < size; i++) {
      DiscreteSummary row = rows.get(i);
      frequency[i] = row.frequency();
      recency[i] = row.recency();
      opportunities[i] = row.opportunities();
      weight[i] = row.weight();
    }
  }

  @Override
  public double at(double[] p) {
    double sum = 0;
    for (int i = 0; i < weight.length; i++) {
      sum += weight[i] * logLikelihood(p[0], p[1], p[2], p[3], frequency[i], recency[i], opportunities[i]);
    }
    return sum;
  }

  static double logLikelihood(double alpha, double beta, double gamma, double delta, int x, int tx, int n) {
    double logNorm = Beta.logBeta(alpha, beta) + Beta.logBeta(gamma, delta);
    double total = logAliveTerm(alpha, beta, gamma, delta, x, n) + logNorm;
    for (int i = 0; i < n - tx; i++) {
      double died = Beta.logBeta(alpha + x, beta + tx - x + i) + Beta.logBeta(gamma + 1, delta + tx + i);
      total = BgNbdLikelihood.logSumExp(total, died);
    }
    return total - logNorm;
  }

  /** {@code ln[B(alpha + x, beta + n - x) B(gamma, delta + n)] - ln[B(alpha, beta) B(gamma, delta)]}. */
  static double logAliveTerm(double alpha, double beta, double gamma, double delta, int x, int n) {
    return Beta.logBeta(alpha + x, beta + n - x) - Beta.logBeta(alpha, beta)
        + Beta.logBeta(gamma, delta + n) - Beta.logBeta(gamma, delta);
  }
}
