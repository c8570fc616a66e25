package org.engagement.clv.model;

import java.util.Arrays;
import java.util.List;
import org.engagement.clv.internal.fit.LogLikelihood;
import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma log-likelihood of the mean spends (Fader and Hardie 2013, note 025): with {@code zbar
 * | nu ~ Gamma(p x, nu x)} and {@code nu ~ Gamma(q, gamma)}, {@code log f(zbar | x) = lnGamma(p x + q) -
 * lnGamma(p x) - lnGamma(q) + q ln gamma + p x ln x + (p x - 1) ln zbar - (p x + q) ln(gamma + x zbar)}.
 * Logs of the data are taken once and the gamma functions once per distinct {@code x}. Not thread-safe:
 * it reuses a scratch array.
 */
final class GammaGammaLikelihood implements LogLikelihood {
  private final int[] distinctFrequencies;
  private final int[] frequencyIndex;
  private final double[] logGammaRatio;
  private final double[] frequency;
  private final double[] logFrequency;
  private final double[] spend;
  private final double[] logSpend;
  private final double[] weight;

  GammaGammaLikelihood(List<SpendSummary> rows) {
    if (rows.isEmpty()) {
      throw new InvalidFieldException("summaries", rows, "must not be empty");
    }
    int n = rows.size();
    frequency = new double[n];
    logFrequency = new double[n];
    spend = new double[n];
    logSpend = new double[n];
    weight = new double[n];
    distinctFrequencies = rows.stream().mapToInt(SpendSummary::frequency).distinct().sorted().toArray();
    frequencyIndex = new int[n];
    logGammaRatio = new double[distinctFrequencies.length];
    for (int i = 0; i < n; i++) {
      SpendSummary row = rows.get(i);
      frequency[i] = row.frequency();
      logFrequency[i] = Math.log(row.frequency());
      spend[i] = row.meanSpend();
      logSpend[i] = Math.log(row.meanSpend());
      weight[i] = row.weight();
      frequencyIndex[i] = Arrays.binarySearch(distinctFrequencies, row.frequency());
    }
  }

  @Override
  public double at(double[] parameters) {
    double p = parameters[0];
    double q = parameters[1];
    double gamma = parameters[2];
    double constant = q * Math.log(gamma) - Gamma.logGamma(q);
    for (int k = 0; k < distinctFrequencies.length; k++) {
      double px = p * distinctFrequencies[k];
      logGammaRatio[k] = Gamma.logGamma(px + q) - Gamma.logGamma(px);
    }
    double sum = 0;
    for (int i = 0; i < weight.length; i++) {
      double px = p * frequency[i];
      double ll = logGammaRatio[frequencyIndex[i]] + constant + px * logFrequency[i]
          + (px - 1) * logSpend[i] - (px + q) * Math.log(gamma + frequency[i] * spend[i]);
      sum += weight[i] * ll;
    }
    return sum;
  }
}
