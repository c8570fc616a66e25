package org.engagement.clv.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.internal.fit.MaximumLikelihood;
import org.engagement.clv.internal.fit.Parameter;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.WeightedSummary;

/**
 * The modified BG/NBD model of Batislam, Denizel and Filiztekin (2007), "Empirical validation and
 * comparison of models for customer base analysis", International Journal of Research in Marketing 24(3):
 * BG/NBD in which a customer may also drop out right after the first purchase (at time 0), so a customer
 * with no repeat purchase is not certainly alive.
 *
 * <p>Dropping out at each of {@code x + 1} purchases instead of {@code x} shifts {@code b} by one in the
 * BG/NBD formulas: likelihood {@code Beta(a, b + x + 1) (alpha + T)^-(r + x) + Beta(a + 1, b + x)
 * (alpha + t_x)^-(r + x)} (times {@code Gamma(r + x) alpha^r / (Gamma(r) Beta(a, b))}), {@code P(alive) =
 * 1 / (1 + a / (b + x) ((alpha + T) / (alpha + t_x))^(r + x))}, {@code E[X(t)] = b / (a - 1) [1 - (alpha /
 * (alpha + t))^r 2F1(r, b + 1; a + b; t / (alpha + t))]}, and {@code P(X(t) = n)} is {@code a / (a + b)}
 * (dropped at once) for {@code n = 0} plus {@code b / (a + b)} times the BG/NBD probability with {@code b +
 * 1}. Time is in {@link #unit()}. The expectations are summed as {@link BgNbdModel}'s are, with {@code b + 1}
 * (a positive series scaled in log space, exact at {@code a = 1} where the closed forms divide {@code 0 /
 * 0}), so they are finite and non-negative for every valid input.
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
public record MbgNbdModel(double r, double alpha, double a, double b, PeriodUnit unit)
    implements AliveFactoredModel {
  private static final ParameterNames NAMES = ParameterNames.of("r", "alpha", "a", "b");
  private static final Boundaries BOUNDARIES = Boundaries.of("r", "alpha", "a", "b")
      .gamma("r", "alpha", "the purchase rate", BgNbdModel.PURCHASE_RATE)
      .beta("a", "b", "the drop-out probability", BgNbdModel.DROP_OUT);

  /** Validates the fields. */
  public MbgNbdModel {
    Histories.checkPositive("r", r);
    Histories.checkPositive("alpha", alpha);
    Histories.checkPositive("a", a);
    Histories.checkPositive("b", b);
    requireNonNull(unit, "unit");
  }

  /** Fits the model by maximum likelihood on compressed summaries in {@code unit}, from all ones. */
  public static ModelFit<MbgNbdModel> fit(List<WeightedSummary> summaries, PeriodUnit unit, FitOptions options) {
    requireNonNull(unit, "unit");
    BgNbdLikelihood ll = new BgNbdLikelihood(new CompressedHistories(summaries), true);
    List<Parameter> parameters = NAMES.startingAtOne();
    return new ModelFit<>(MaximumLikelihood.fit(parameters, ll, options), BOUNDARIES,
        p -> new MbgNbdModel(p[0], p[1], p[2], p[3], unit));
  }

  /** The log-likelihood of {@code summaries} (in {@link #unit()}) under this model. */
  public double logLikelihood(List<WeightedSummary> summaries) {
    return new BgNbdLikelihood(new CompressedHistories(summaries), true).at(new double[] {r, alpha, a, b});
  }

  @Override
  public Map<String, Double> parameters() {
    return NAMES.values(r, alpha, a, b);
  }

  /**
   * {@code b / (a - 1) [1 - (alpha / (alpha + t))^r 2F1(r, b + 1; a + b; t / (alpha + t))]}: the chance
   * {@code b / (a + b)} of surviving the first purchase times BG/NBD's expectation with {@code b + 1}.
   */
  @Override
  public double expectedPurchases(double t) {
    Histories.checkHorizon(t);
    return b / (a + b) * AlivePurchases.expected(r, alpha, a, b + 1, t);
  }

  @Override
  public double probabilityOfPurchases(int n, double t) {
    Histories.checkCount(n);
    Histories.checkHorizon(t);
    double survivedFirst = b / (a + b);
    double afterFirst = new BgNbdModel(r, alpha, a, b + 1, unit).probabilityOfPurchases(n, t);
    return survivedFirst * afterFirst + (n == 0 ? 1 - survivedFirst : 0);
  }

  /**
   * The conditional expectation without {@link #probabilityAlive}: {@code [(a + b + x) / (a - 1)] [1 - ((alpha + T)
   * / (alpha + T + t))^(r + x) 2F1(r + x, b + x + 1; a + b + x; t / (alpha + T + t))]}.
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
    return t == 0 ? 0 : AlivePurchases.expected(r + frequency, alpha + age, a, b + frequency + 1, t);
  }

  @Override
  public double probabilityAlive(int frequency, double recency, double age) {
    Histories.check(frequency, recency, age);
    int x = frequency;
    double logOdds = Math.log(a / (b + x)) + (r + x) * Math.log((alpha + age) / (alpha + recency));
    return 1 / (1 + Math.exp(logOdds));
  }
}
