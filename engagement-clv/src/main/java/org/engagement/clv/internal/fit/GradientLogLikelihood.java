package org.engagement.clv.internal.fit;

/**
 * A {@link LogLikelihood} that also gives its gradient, analytically: what {@link NewtonPolish} needs to find the
 * maximum to the precision of the arithmetic instead of to a derivative-free search's tolerance.
 *
 * <p>The same contract as {@link LogLikelihood}: natural scale, read-only arguments, safe to call from the
 * fitting thread only.
 *
 * @since 0.1.0
 */
public interface GradientLogLikelihood extends LogLikelihood {
  /**
   * The log-likelihood at {@code parameters} (natural scale, read-only), with its partial derivatives by each
   * parameter written to {@code gradient} (natural scale, the parameters' order). When the value is not finite the
   * gradient is undefined.
   */
  double at(double[] parameters, double[] gradient);
}
