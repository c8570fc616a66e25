package org.engagement.clv.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.Map;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.internal.fit.MaximumLikelihood;
import org.engagement.clv.internal.fit.Parameter;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.special.Gamma;

/**
 * The Pareto/NBD model of Schmittlein, Morrison and Colombo (1987), "Counting Your Customers: Who Are
 * They and What Will They Do Next?", Management Science 33(1): while alive a customer buys at a Poisson
 * rate {@code lambda ~ Gamma(r, alpha)}; the lifetime is exponential with rate {@code mu ~ Gamma(s,
 * beta)}, independent of {@code lambda}. Unlike BG/NBD, a customer can drop out at any time, including
 * before the first repeat purchase.
 *
 * <p>The formulas are those of Fader and Hardie (2005), "A Note on Deriving the Pareto/NBD Model and
 * Related Expressions": the likelihood, {@code P(alive)}, {@code E[X(t)]} and the conditional
 * expectation. {@code P(X(t) = n)} integrates over the drop-out time numerically, the step before the
 * closed form of Fader, Hardie and Lee (2006), "Deriving an Expression for P(X(t) = x) under the
 * Pareto/NBD Model", whose subtracted sum cancels badly for large {@code n}. {@code alpha} and {@code
 * beta} are scales in {@link #unit()}. The expectations divide by {@code s - 1}; at {@code s = 1} they
 * take the limit (a logarithm) rather than return {@code NaN}.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param r shape of the purchase-rate gamma distribution, positive
 * @param alpha scale of the purchase-rate gamma distribution, in {@code unit}, positive
 * @param s shape of the drop-out-rate gamma distribution, positive
 * @param beta scale of the drop-out-rate gamma distribution, in {@code unit}, positive
 * @param unit the time unit of {@code alpha}, {@code beta} and of every time argument
 * @since 0.1.0
 */
public record ParetoNbdModel(double r, double alpha, double s, double beta, PeriodUnit unit)
    implements AliveFactoredModel {
  private static final ParameterNames NAMES = ParameterNames.of("r", "alpha", "s", "beta");
  private static final Boundaries BOUNDARIES = Boundaries.of("r", "alpha", "s", "beta")
      .gamma("r", "alpha", "the purchase rate", BgNbdModel.PURCHASE_RATE)
      .gamma("s", "beta", "the drop-out rate", "a gamma mixture of drop-out rates from one rate shared by all"
          + " (exponential lifetimes), so P(alive) is overconfident");

  private static final double INTEGRAL_RELATIVE_ACCURACY = 1e-10;
  private static final double INTEGRAL_ABSOLUTE_ACCURACY = 1e-14;
  private static final int INTEGRAL_POINTS = 16;
  private static final int INTEGRAL_MAX_EVALUATIONS = 1_000_000;
  /** How much longer each piece of {@link #piecewise}'s integral is than the one before. */
  private static final double PIECE_GROWTH = 4;

  /** Validates the fields. */
  public ParetoNbdModel {
    Histories.checkPositive("r", r);
    Histories.checkPositive("alpha", alpha);
    Histories.checkPositive("s", s);
    Histories.checkPositive("beta", beta);
    requireNonNull(unit, "unit");
  }

  /**
   * Fits the model by maximum likelihood on compressed summaries measured in {@code unit}, from the
   * start {@code r = alpha = s = beta = 1}.
   */
  public static ModelFit<ParetoNbdModel> fit(List<WeightedSummary> summaries, PeriodUnit unit,
      FitOptions options) {
    requireNonNull(unit, "unit");
    ParetoNbdLikelihood ll = new ParetoNbdLikelihood(new CompressedHistories(requireDomain(summaries)));
    List<Parameter> parameters = NAMES.startingAtOne();
    return new ModelFit<>(MaximumLikelihood.fit(parameters, ll, options), BOUNDARIES,
        p -> new ParetoNbdModel(p[0], p[1], p[2], p[3], unit));
  }

  /**
   * The summaries, checked against the fit's domain: a row with repeat purchases must have a positive
   * recency, since the last repeat purchase comes after the first purchase. Repeat purchases all at time 0
   * drive the search to rates 0 and infinity, where it has no answer.
   *
   * @throws InvalidFieldException naming the row if one has repeat purchases and recency 0
   */
  private static List<WeightedSummary> requireDomain(List<WeightedSummary> summaries) {
    requireNonNull(summaries, "summaries");
    for (int i = 0; i < summaries.size(); i++) {
      WeightedSummary row = summaries.get(i);
      if (row.frequency() > 0 && row.recency() == 0) {
        throw new InvalidFieldException("recency", row.recency(), "must be above 0 in summary row " + (i + 1)
            + ", which has " + row.frequency() + " repeat purchases: the last repeat purchase comes after the first"
            + " purchase; check that recency is the time from the first purchase to the last, in the fit's unit");
      }
    }
    return summaries;
  }

  /** The log-likelihood of {@code summaries} (in {@link #unit()}) under this model. */
  public double logLikelihood(List<WeightedSummary> summaries) {
    return new ParetoNbdLikelihood(new CompressedHistories(summaries)).at(new double[] {r, alpha, s, beta});
  }

  @Override
  public Map<String, Double> parameters() {
    return NAMES.values(r, alpha, s, beta);
  }

  /** {@code r beta / (alpha (s - 1)) [1 - (beta / (beta + t))^(s - 1)]}. */
  @Override
  public double expectedPurchases(double t) {
    Histories.checkHorizon(t);
    return r / alpha * beta * lifetimeIntegral(t / beta);
  }

  /**
   * {@code P(alive at t) NB(n; r, alpha, t) + integral over the death time tau in (0, t) of NB(n; r,
   * alpha, tau) s beta^s / (beta + tau)^(s + 1)}. The integrand is rescaled by its value at {@code tau =
   * t} and integrated by Hipparchus' Gauss-Legendre rule to a relative accuracy of {@code 1e-10}, in pieces that
   * resolve its peak at {@code tau = 0} ({@link #piecewise}).
   */
  @Override
  public double probabilityOfPurchases(int n, double t) {
    Histories.checkCount(n);
    Histories.checkHorizon(t);
    if (t == 0) {
      return n == 0 ? 1 : 0;
    }
    double logNbdCoefficient = Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0);
    double logAlive = logNbdCoefficient + r * Math.log(alpha / (alpha + t))
        + (n == 0 ? 0 : n * Math.log(t / (alpha + t))) + s * Math.log(beta / (beta + t));
    double logScale = logNbdCoefficient + r * Math.log(alpha) + (n + 1) * Math.log(t)
        - (r + n) * Math.log(alpha + t) + Math.log(s) + s * Math.log(beta) - (s + 1) * Math.log(beta + t);
    DoubleUnaryOperator logIntegrand = u -> (n == 0 ? 0 : n * Math.log(u))
        - (r + n) * Math.log((alpha + t * u) / (alpha + t)) - (s + 1) * Math.log((beta + t * u) / (beta + t));
    double peakWidth = Math.min(alpha / (r + n), beta / (s + 1)) / t;
    return Math.exp(logAlive) + piecewise(logIntegrand, logScale, peakWidth);
  }

  /**
   * {@code exp(logScale)} times the integral of {@code exp(logF)} over (0, 1), as a Gauss-Legendre integral over
   * each piece between 0, {@code width}, {@code 4 width}, {@code 16 width}, ... and 1, each taken relative to the
   * largest value of {@code logF} found on 33 points of the piece. Why: where {@code beta} (or {@code alpha}) is small
   * against {@code t}, or {@code s} large, the integrand of {@link #probabilityOfPurchases} peaks at {@code u = 0}
   * over a width of about {@code beta / (t (s + 1))} and falls as a power of {@code u} after it, and its value at 0
   * may pass the largest double (at r 1, alpha 0.010013, s 1, beta 0.01, t 566.62 the peak is 3e9 times the value
   * at 1 and 2e-5 wide; at s 645, beta 0.01, t 0.02 it is 3^646). One rule over (0, 1) never resolved it and gave
   * up after a million evaluations (a property over wide parameter ranges found both, issue 13); on pieces that
   * grow geometrically from the peak's width the integrand changes by a bounded factor within each, and scaled by
   * its own largest value each piece neither overflows nor vanishes.
   */
  private static double piecewise(DoubleUnaryOperator logF, double logScale, double width) {
    IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(INTEGRAL_POINTS,
        INTEGRAL_RELATIVE_ACCURACY, INTEGRAL_ABSOLUTE_ACCURACY);
    double sum = 0;
    double from = 0;
    for (double to = Math.min(width, 1); from < 1; to = Math.min(to * PIECE_GROWTH, 1)) {
      double shift = largest(logF, from, to);
      double lower = from;
      if (shift > Double.NEGATIVE_INFINITY) {
        sum += Math.exp(logScale + shift) * integrator.integrate(INTEGRAL_MAX_EVALUATIONS,
            u -> Math.exp(logF.applyAsDouble(u) - shift), lower, to);
      }
      from = to;
    }
    return sum;
  }

  /** The largest value of {@code logF} on 33 evenly spaced points of [from, to]. */
  private static double largest(DoubleUnaryOperator logF, double from, double to) {
    double most = Double.NEGATIVE_INFINITY;
    for (int k = 0; k <= 32; k++) {
      double value = logF.applyAsDouble(from + (to - from) * k / 32);
      if (value > most) {
        most = value;
      }
    }
    return most;
  }

  /**
   * The conditional expectation without {@link #probabilityAlive}: {@code (r + x)(beta + T) / ((alpha + T)(s -
   * 1)) [1 - ((beta + T) / (beta + T + t))^(s - 1)]}.
   */
  @Override
  public double expectedPurchasesIfAlive(int frequency, double age, double t) {
    Histories.check(frequency, 0, age);
    Histories.checkHorizon(t);
    return expectedIfAlive(frequency, age, t);
  }

  /** {@code beta + T}: the remaining lifetime is a function of {@code t / (beta + T)}. */
  @Override
  public double horizonScale(int frequency, double age) {
    Histories.check(frequency, 0, age);
    return beta + age;
  }

  private double expectedIfAlive(int frequency, double age, double t) {
    double rate = (r + frequency) / (alpha + age);
    double remaining = (beta + age) * lifetimeIntegral(t / (beta + age));
    return rate * remaining;
  }

  /**
   * {@code 1 / (1 + s (J(t_x) - J(T)) / ((alpha + T)^-(r + x) (beta + T)^-s))}: the share of the
   * likelihood that comes from a customer still alive at {@code T}.
   */
  @Override
  public double probabilityAlive(int frequency, double recency, double age) {
    Histories.check(frequency, recency, age);
    double alive = ParetoNbdLikelihood.logAliveTerm(r, alpha, s, beta, frequency, age);
    double died = ParetoNbdLikelihood.logDiedTerm(r, alpha, s, beta, frequency, recency, age);
    return 1 / (1 + Math.exp(died - alive));
  }

  /**
   * {@code [1 - (1 + h)^-(s - 1)] / (s - 1)}, the expected remaining lifetime within a horizon {@code h}
   * (in units of the scale) of a gamma-mixed exponential; {@code ln(1 + h)} at {@code s = 1}. Computed
   * as {@code L (1 - e^-y) / y} with {@code L = ln(1 + h)}, {@code y = (s - 1) L}, which is exact near
   * {@code s = 1} too.
   */
  private double lifetimeIntegral(double h) {
    double log = Math.log1p(h);
    double y = (s - 1) * log;
    return y == 0 ? log : -Math.expm1(-y) / y * log;
  }
}
