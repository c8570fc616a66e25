package org.engagement.clv.model;


import java.util.List;
import java.util.Map;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.internal.fit.MaximumLikelihood;
import org.engagement.clv.internal.fit.Parameter;
import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.special.Beta;
import org.hipparchus.util.CombinatoricsUtils;

/**
 * The beta-geometric/beta-Bernoulli (BG/BB) model of Fader, Hardie and Shang (2010), "Customer-Base
 * Analysis in a Discrete-Time Noncontractual Setting", Marketing Science 29(6), for purchases that can
 * only happen at discrete opportunities (a yearly appeal, a newsletter issue): while alive a customer
 * buys at each opportunity with probability {@code p ~ Beta(alpha, beta)}, and before each opportunity
 * drops out with probability {@code theta ~ Beta(gamma, delta)}.
 *
 * <p>Histories are {@link DiscreteSummary} {@code (x, t_x, n)} and every time is a whole number of
 * opportunities, so the model does not implement the continuous-time {@link RepeatBuyingModel}. The
 * multi-period expectations are kept as the paper's sums over opportunities (rather than the closed
 * forms with {@code delta / (gamma - 1)}), which need no special case at {@code gamma = 1}.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param alpha first shape of the purchase-probability beta distribution, positive
 * @param beta second shape of the purchase-probability beta distribution, positive
 * @param gamma first shape of the drop-out-probability beta distribution, positive
 * @param delta second shape of the drop-out-probability beta distribution, positive
 * @since 0.1.0
 */
public record BgBbModel(double alpha, double beta, double gamma, double delta) {
  private static final ParameterNames NAMES = ParameterNames.of("alpha", "beta", "gamma", "delta");
  private static final Boundaries BOUNDARIES = Boundaries.of("alpha", "beta", "gamma", "delta")
      .beta("alpha", "beta", "the purchase probability", "a beta mixture of purchase probabilities from one"
          + " probability shared by all")
      .beta("gamma", "delta", "the drop-out probability", "a beta mixture of drop-out probabilities from one"
          + " probability shared by all (geometric lifetimes), so P(alive) is overconfident");

  /** Validates the fields. */
  public BgBbModel {
    Histories.checkPositive("alpha", alpha);
    Histories.checkPositive("beta", beta);
    Histories.checkPositive("gamma", gamma);
    Histories.checkPositive("delta", delta);
  }

  /** Fits the model by maximum likelihood on compressed histories, from all parameters 1. */
  public static ModelFit<BgBbModel> fit(List<DiscreteSummary> summaries, FitOptions options) {
    BgBbLikelihood ll = new BgBbLikelihood(summaries);
    List<Parameter> parameters = NAMES.startingAtOne();
    return new ModelFit<>(MaximumLikelihood.fit(parameters, ll, options), BOUNDARIES,
        p -> new BgBbModel(p[0], p[1], p[2], p[3]));
  }

  /** The log-likelihood of {@code summaries} under this model. */
  public double logLikelihood(List<DiscreteSummary> summaries) {
    return new BgBbLikelihood(summaries).at(new double[] {alpha, beta, gamma, delta});
  }

  /** The parameter values by name, in the order of the paper: {@code alpha, beta, gamma, delta}. */
  public Map<String, Double> parameters() {
    return NAMES.values(alpha, beta, gamma, delta);
  }

  /**
   * {@code E[X(n)]}: expected purchases of a new customer in the next {@code n} opportunities, {@code
   * alpha / (alpha + beta) * sum over j = 1..n of B(gamma, delta + j) / B(gamma, delta)} (the chance of
   * being alive at opportunity {@code j} times the mean purchase probability).
   *
   * @throws InvalidFieldException if {@code n} is negative
   */
  public double expectedPurchases(int n) {
    checkNotNegative("n", n);
    return alpha / (alpha + beta) * survivalSum(0, n, 0);
  }

  /**
   * {@code P(X(n) = x)} for a new customer: alive throughout with {@code x} purchases in {@code n}
   * opportunities, or dropped out after opportunity {@code i >= x} with {@code x} purchases in the
   * first {@code i}.
   *
   * @throws InvalidFieldException if {@code x} or {@code n} is negative
   */
  public double probabilityOfPurchases(int x, int n) {
    checkNotNegative("x", x);
    checkNotNegative("n", n);
    if (x > n) {
      return 0;
    }
    double logNorm = Beta.logBeta(alpha, beta) + Beta.logBeta(gamma, delta);
    double sum = Math.exp(CombinatoricsUtils.binomialCoefficientLog(n, x) + BgBbLikelihood.logAliveTerm(
        alpha, beta, gamma, delta, x, n));
    for (int i = x; i < n; i++) {
      sum += Math.exp(CombinatoricsUtils.binomialCoefficientLog(i, x) + Beta.logBeta(alpha + x, beta + i - x)
          + Beta.logBeta(gamma + 1, delta + i) - logNorm);
    }
    return sum;
  }

  /**
   * {@code P(alive at opportunity n + 1 | x, t_x, n)}: the share of the likelihood from being alive at
   * {@code n}, times the chance of surviving one more opportunity.
   *
   * @throws InvalidFieldException if the history is impossible (see {@link DiscreteSummary})
   */
  public double probabilityAlive(int frequency, int recency, int opportunities) {
    requireHistory(frequency, recency, opportunities);
    int x = frequency;
    int n = opportunities;
    double logAlive = BgBbLikelihood.logAliveTerm(alpha, beta, gamma, delta, x, n)
        + Beta.logBeta(gamma, delta + n + 1) - Beta.logBeta(gamma, delta + n);
    return Math.exp(logAlive - BgBbLikelihood.logLikelihood(alpha, beta, gamma, delta, x, recency, n));
  }

  /**
   * {@code E[X(n, n + n*) | x, t_x, n]}: expected purchases in the next {@code n*} opportunities of a
   * customer with this history, {@code B(alpha + x + 1, beta + n - x) / B(alpha, beta) * sum over j =
   * 1..n* of B(gamma, delta + n + j) / B(gamma, delta)}, divided by the likelihood. Each term is
   * exponentiated with the likelihood already divided out (in log space): the purchase factor alone can
   * overflow while the survival factors underflow (a customer with many opportunities and a tiny {@code
   * delta}), which gave {@code NaN} or infinity as a product. Each term is then at most 1, so the result
   * is finite, and at most {@code n*}.
   *
   * @throws InvalidFieldException if the history is impossible or {@code nStar} is negative
   */
  public double conditionalExpectedPurchases(int frequency, int recency, int opportunities, int nStar) {
    requireHistory(frequency, recency, opportunities);
    checkNotNegative("nStar", nStar);
    int x = frequency;
    int n = opportunities;
    double logBuy = Beta.logBeta(alpha + x + 1, beta + n - x) - Beta.logBeta(alpha, beta);
    double logL = BgBbLikelihood.logLikelihood(alpha, beta, gamma, delta, x, recency, n);
    return survivalSum(n, nStar, logBuy - logL);
  }

  /** {@link #probabilityAlive(int, int, int)} for a summary. */
  public double probabilityAlive(DiscreteSummary summary) {
    return probabilityAlive(summary.frequency(), summary.recency(), summary.opportunities());
  }

  /** {@link #conditionalExpectedPurchases(int, int, int, int)} for a summary. */
  public double conditionalExpectedPurchases(DiscreteSummary summary, int nStar) {
    return conditionalExpectedPurchases(summary.frequency(), summary.recency(), summary.opportunities(), nStar);
  }

  /**
   * {@code sum over j = 1..count of exp(logFactor) B(gamma, delta + from + j) / B(gamma, delta)}, the factor
   * applied inside each exponential.
   */
  private double survivalSum(int from, int count, double logFactor) {
    double logNorm = Beta.logBeta(gamma, delta) - logFactor;
    double sum = 0;
    for (int j = 1; j <= count; j++) {
      sum += Math.exp(Beta.logBeta(gamma, delta + from + j) - logNorm);
    }
    return sum;
  }

  private static void requireHistory(int frequency, int recency, int opportunities) {
    new DiscreteSummary(frequency, recency, opportunities, 1);
  }

  private static void checkNotNegative(String field, int value) {
    if (value < 0) {
      throw new InvalidFieldException(field, value, "must not be negative");
    }
  }
}
