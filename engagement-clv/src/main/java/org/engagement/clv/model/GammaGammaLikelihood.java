package org.engagement.clv.model;

import java.util.Arrays;
import java.util.List;
import org.engagement.clv.internal.fit.GradientLogLikelihood;
import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma log-likelihood of the mean spends (Fader and Hardie 2013, note 025): with {@code zbar
 * | nu ~ Gamma(p x, nu x)} and {@code nu ~ Gamma(q, gamma)}, {@code log f(zbar | x) = lnGamma(p x + q) -
 * lnGamma(p x) - lnGamma(q) + q ln gamma + p x ln x + (p x - 1) ln zbar - (p x + q) ln(gamma + x zbar)}.
 * Logs of the data are taken once and the gamma functions once per distinct {@code x}. Not thread-safe:
 * it reuses a scratch array.
 *
 * <p>The gradient ({@link #at(double[], double[])}), with {@code psi} the digamma function: by {@code p}, {@code x
 * [psi(p x + q) - psi(p x) + ln x + ln zbar - ln(gamma + x zbar)]}; by {@code q}, {@code psi(p x + q) - psi(q) + ln
 * gamma - ln(gamma + x zbar)}; by {@code gamma}, {@code q / gamma - (p x + q) / (gamma + x zbar)}.
 */
final class GammaGammaLikelihood implements GradientLogLikelihood {
  private final int[] distinctFrequencies;
  private final int[] frequencyIndex;
  private final double[] logGammaRatio;
  private final double[] digammaRatio;
  private final double[] digammaSum;
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
    digammaRatio = new double[distinctFrequencies.length];
    digammaSum = new double[distinctFrequencies.length];
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

  @Override
  public double at(double[] parameters, double[] gradient) {
    double p = parameters[0];
    double q = parameters[1];
    double gamma = parameters[2];
    double value = at(parameters);
    for (int k = 0; k < distinctFrequencies.length; k++) {
      double px = p * distinctFrequencies[k];
      digammaSum[k] = Gamma.digamma(px + q);
      digammaRatio[k] = digammaSum[k] - Gamma.digamma(px);
    }
    double logGamma = Math.log(gamma);
    double psiQ = Gamma.digamma(q);
    double gp = 0;
    double gq = 0;
    double gg = 0;
    for (int i = 0; i < weight.length; i++) {
      int k = frequencyIndex[i];
      double x = frequency[i];
      double scale = gamma + x * spend[i];
      double logScale = Math.log(scale);
      double w = weight[i];
      gp += w * x * (digammaRatio[k] + logFrequency[i] + logSpend[i] - logScale);
      gq += w * (digammaSum[k] - psiQ + logGamma - logScale);
      gg += w * (q / gamma - (p * x + q) / scale);
    }
    gradient[0] = gp;
    gradient[1] = gq;
    gradient[2] = gg;
    return value;
  }
}
