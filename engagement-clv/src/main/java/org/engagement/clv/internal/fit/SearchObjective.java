package org.engagement.clv.internal.fit;

import java.util.List;
import org.hipparchus.analysis.MultivariateFunction;

/**
 * The negative log-likelihood on the transformed scale, remembering the best point evaluated so that a
 * search stopped by a limit still reports where it got to. Not thread-safe: one per fit.
 */
final class SearchObjective implements MultivariateFunction {
  private final List<Parameter> parameters;
  private final LogLikelihood logLikelihood;
  private final double[] natural;
  private double[] best;
  private double bestValue = Double.POSITIVE_INFINITY;

  SearchObjective(List<Parameter> parameters, LogLikelihood logLikelihood) {
    this.parameters = parameters;
    this.logLikelihood = logLikelihood;
    this.natural = new double[parameters.size()];
    this.best = start();
  }

  double[] start() {
    double[] u = new double[parameters.size()];
    for (int i = 0; i < u.length; i++) {
      Parameter p = parameters.get(i);
      u[i] = p.domain().toSearch(p.start());
    }
    return u;
  }

  double[] toNatural(double[] search) {
    double[] out = new double[search.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = parameters.get(i).domain().toNatural(search[i]);
    }
    return out;
  }

  /** {@code d natural / d search} per parameter at {@code search}. */
  double[] derivatives(double[] search) {
    double[] out = new double[search.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = parameters.get(i).domain().derivative(search[i]);
    }
    return out;
  }

  @Override
  public double value(double[] search) {
    for (int i = 0; i < natural.length; i++) {
      natural[i] = parameters.get(i).domain().toNatural(search[i]);
    }
    double ll = logLikelihood.at(natural);
    double value = Double.isFinite(ll) ? -ll : Double.POSITIVE_INFINITY;
    if (value < bestValue) {
      bestValue = value;
      best = search.clone();
    }
    return value;
  }

  double[] best() {
    return best.clone();
  }

  double bestValue() {
    return bestValue;
  }
}
