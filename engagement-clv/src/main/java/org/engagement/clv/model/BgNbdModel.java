package org.engagement.clv.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.internal.fit.MaximumLikelihood;
import org.engagement.clv.internal.fit.NewtonPolish;
import org.engagement.clv.internal.fit.Parameter;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005), "'Counting Your Customers' the Easy Way: An
 * Alternative to the Pareto/NBD Model", Marketing Science 24(2): while alive a customer buys at a
 * Poisson rate {@code lambda ~ Gamma(r, alpha)}; after each repeat purchase they drop out with
 * probability {@code p ~ Beta(a, b)}.
 *
 * <p>The formulas are the paper's: likelihood (eq. 6), {@code P(X(t) = n)} (eq. 8), {@code E[X(t)]} (eq.
 * 9), {@code P(alive)} (eq. 11 / note 008) and the conditional expectation (eq. 10). {@code alpha} is a
 * scale in {@link #unit()}: the same data in days gives an {@code alpha} seven times larger than in weeks.
 * The expectations are not evaluated as the closed forms are written (which overflow to {@code NaN} for
 * long horizons or many purchases and lose every digit near {@code a = 1}, where they divide by {@code a -
 * 1}): they are summed as a series of positive terms, scaled in log space, that equals eq. 10 for every
 * {@code a} and is its limit at {@code a = 1}, {@code (b + x) sum_n NB(n; r + x, z) (psi(b + x + n) -
 * psi(b + x))}; see {@code AlivePurchases}. They are finite and non-negative for every valid input.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param r shape of the purchase-rate gamma distribution, positive
 * @param alpha scale of the purchase-rate gamma distribution, in {@code unit}, positive
 * @param a first shape of the drop-out beta distribution, positive
 * @param b second shape of the drop-out beta distribution, positive
 * @param unit the time unit of {@code alpha} and of every time argument
 * @since 0.1.0
 */
public record BgNbdModel(double r, double alpha, double a, double b, PeriodUnit unit)
    implements AliveFactoredModel {
  private static final ParameterNames NAMES = ParameterNames.of("r", "alpha", "a", "b");
  /** What a collapsed purchase-rate gamma means (shared with the other NBD models). */
  static final String PURCHASE_RATE = "a gamma mixture of purchase rates from one rate shared by all";
  /** What a collapsed drop-out beta means (shared with MBG/NBD). */
  static final String DROP_OUT = "the drop-out process apart from one drop-out probability shared by all"
      + " customers (geometric lifetimes), so P(alive) and long-range forecasts are overconfident";
  private static final Boundaries BOUNDARIES = Boundaries.of("r", "alpha", "a", "b")
      .gamma("r", "alpha", "the purchase rate", PURCHASE_RATE)
      .beta("a", "b", "the drop-out probability", DROP_OUT);

  /** Validates the fields. */
  public BgNbdModel {
    Histories.checkPositive("r", r);
    Histories.checkPositive("alpha", alpha);
    Histories.checkPositive("a", a);
    Histories.checkPositive("b", b);
    requireNonNull(unit, "unit");
  }

  /**
   * Fits the model by maximum likelihood on compressed summaries measured in {@code unit}, from the
   * start {@code r = alpha = a = b = 1}.
   */
  public static ModelFit<BgNbdModel> fit(List<WeightedSummary> summaries, PeriodUnit unit, FitOptions options) {
    requireNonNull(unit, "unit");
    BgNbdLikelihood ll = new BgNbdLikelihood(new CompressedHistories(summaries), false);
    List<Parameter> parameters = NAMES.startingAtOne();
    return new ModelFit<>(MaximumLikelihood.fit(parameters, ll, options), BOUNDARIES,
        p -> new BgNbdModel(p[0], p[1], p[2], p[3], unit));
  }

  /**
   * Fits the model on {@code summaries} like {@link #fit}, but by Newton's method on the likelihood's analytic
   * gradient from {@code near}, a fit on similar data (the fit on all the buyers when fitting a bootstrap resample of
   * them). Where {@link #fit}'s derivative-free search stops within about {@code 1e-6} (relative) of the maximum, this
   * one stops at it, to about {@code 1e-10} on the log scale of the parameters, whatever the start: a resample's
   * maximum-likelihood estimate, as a bootstrap means it, in a few dozen likelihood evaluations instead of about
   * 300. When Newton's method does not converge from {@code near} (a start too far off, a maximum at a boundary), it
   * is {@link #fit} from the usual start. The standard errors come from the gradient's differences.
   *
   * @throws InvalidFieldException if {@code near} is in another unit
   */
  public static ModelFit<BgNbdModel> fitNear(List<WeightedSummary> summaries, PeriodUnit unit, FitOptions options,
      BgNbdModel near) {
    requireNonNull(unit, "unit");
    requireNonNull(options, "options");
    if (near.unit() != unit) {
      throw new InvalidFieldException("near", near.unit(), "must be in " + unit);
    }
    BgNbdLikelihood ll = new BgNbdLikelihood(new CompressedHistories(summaries), false);
    return NewtonPolish.fit(NAMES.startingAt(near.r, near.alpha, near.a, near.b), ll)
        .map(result -> new ModelFit<>(result, BOUNDARIES, p -> new BgNbdModel(p[0], p[1], p[2], p[3], unit)))
        .orElseGet(() -> fit(summaries, unit, options));
  }

  /** The log-likelihood of {@code summaries} (in {@link #unit()}) under this model (FHL 2005, eq. 6). */
  public double logLikelihood(List<WeightedSummary> summaries) {
    return new BgNbdLikelihood(new CompressedHistories(summaries), false).at(new double[] {r, alpha, a, b});
  }

  @Override
  public Map<String, Double> parameters() {
    return NAMES.values(r, alpha, a, b);
  }

  /**
   * Eq. 9, {@code (a + b - 1) / (a - 1) * [1 - (alpha / (alpha + t))^r 2F1(r, b; a + b - 1; t / (alpha +
   * t))]}, summed as the positive series of the class comment (with its limit at {@code a = 1}).
   */
  @Override
  public double expectedPurchases(double t) {
    Histories.checkHorizon(t);
    return AlivePurchases.expected(r, alpha, a, b, t);
  }

  /**
   * Eq. 8: the NBD probability of {@code n} for a customer still alive at {@code t}, plus, for {@code n
   * > 0}, the chance of dying right after the {@code n}-th purchase times the NBD tail {@code P(N >= n)}
   * (a regularised incomplete beta, free of the cancellation in {@code 1 - sum}).
   */
  @Override
  public double probabilityOfPurchases(int n, double t) {
    Histories.checkCount(n);
    Histories.checkHorizon(t);
    if (t == 0) {
      return n == 0 ? 1 : 0;
    }
    double logBeta = Beta.logBeta(a, b);
    double z = t / (alpha + t);
    double nbd = Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0)
        + r * Math.log(alpha / (alpha + t)) + (n == 0 ? 0 : n * Math.log(z));
    double alive = Math.exp(Beta.logBeta(a, b + n) - logBeta + nbd);
    if (n == 0) {
      return alive;
    }
    double tail = Beta.regularizedBeta(z, n, r);
    return alive + Math.exp(Beta.logBeta(a + 1, b + n - 1) - logBeta) * tail;
  }

  /**
   * Eq. 10 without {@link #probabilityAlive}: {@code [(a + b + x - 1) / (a - 1)] [1 - ((alpha + T) / (alpha + T +
   * t))^(r + x) 2F1(r + x, b + x; a + b + x - 1; t / (alpha + T + t))]}, summed as the class comment says.
   */
  @Override
  public double expectedPurchasesIfAlive(int frequency, double age, double t) {
    Histories.check(frequency, 0, age);
    Histories.checkHorizon(t);
    return expectedIfAlive(frequency, age, t);
  }

  /** {@code alpha + T}: the hypergeometric argument is {@code t / (alpha + T + t)}. */
  @Override
  public double horizonScale(int frequency, double age) {
    Histories.check(frequency, 0, age);
    return alpha + age;
  }

  private double expectedIfAlive(int frequency, double age, double t) {
    return t == 0 ? 0 : AlivePurchases.expected(r + frequency, alpha + age, a, b + frequency, t);
  }

  /**
   * The conditional expectations at every horizon, with the history checked and {@code P(alive)} computed
   * once; equal to calling the single-horizon method at each horizon.
   */
  @Override
  public void conditionalExpectedPurchases(int frequency, double recency, double age, double[] horizons,
      double[] out) {
    Histories.check(frequency, recency, age);
    Histories.checkOutput(horizons, out);
    double alive = probabilityAlive(frequency, recency, age);
    for (int i = 0; i < horizons.length; i++) {
      double t = horizons[i];
      Histories.checkHorizon(t);
      out[i] = AlivePurchases.expected(r + frequency, alpha + age, a, b + frequency, t) * alive;
    }
  }

  /** {@code 1 / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x))}. */
  @Override
  public double probabilityAlive(int frequency, double recency, double age) {
    Histories.check(frequency, recency, age);
    if (frequency == 0) {
      return 1;
    }
    int x = frequency;
    double logOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + age) / (alpha + recency));
    return 1 / (1 + Math.exp(logOdds));
  }
}
