package org.engagement.clv.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.internal.fit.MaximumLikelihood;
import org.engagement.clv.internal.fit.NewtonPolish;
import org.engagement.clv.internal.fit.Parameter;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The Gamma-Gamma model of the monetary value of repeat purchases (Fader, Hardie and Lee 2005, "RFM and
 * CLV: Using Iso-Value Curves for Customer Base Analysis", JMR 42(4); Fader and Hardie 2013, "The
 * Gamma-Gamma Model of Monetary Value", note 025): each purchase amount is {@code Gamma(p, nu)}, and the
 * customer-level {@code nu} is {@code Gamma(q, gamma)} across customers. It assumes spend is independent
 * of the purchase process, so it combines with any {@link RepeatBuyingModel}.
 *
 * <p>Amounts are in the currency of the data; there is no time unit. The population mean spend per
 * transaction is {@code p gamma / (q - 1)} and exists only for {@code q > 1}.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param p shape of the per-transaction spend, positive
 * @param q shape of the customer-level rate, positive
 * @param gamma scale of the customer-level rate (in currency units), positive
 * @since 0.1.0
 */
public record GammaGammaModel(double p, double q, double gamma) {
  private static final ParameterNames NAMES = ParameterNames.of("p", "q", "gamma");
  private static final Boundaries BOUNDARIES = Boundaries.of("p", "q", "gamma")
      .gamma("q", "gamma", "the customer-level spend rate nu", "customers' mean spends apart from one mean spend"
          + " shared by all, so spend predictions do not move towards a customer's own average");

  /** Validates the fields. */
  public GammaGammaModel {
    Histories.checkPositive("p", p);
    Histories.checkPositive("q", q);
    Histories.checkPositive("gamma", gamma);
  }

  /**
   * Fits the model by maximum likelihood on the compressed spends of customers with {@code x > 0}
   * ({@link SpendSummary#compress}), from {@code p = q = gamma = 1}.
   */
  public static ModelFit<GammaGammaModel> fit(List<SpendSummary> summaries, FitOptions options) {
    GammaGammaLikelihood ll = new GammaGammaLikelihood(summaries);
    List<Parameter> parameters = NAMES.startingAtOne();
    return new ModelFit<>(MaximumLikelihood.fit(parameters, ll, options), BOUNDARIES,
        v -> new GammaGammaModel(v[0], v[1], v[2]));
  }

  /**
   * Fits the model on {@code summaries} like {@link #fit}, but by Newton's method on the likelihood's analytic
   * gradient from {@code near}, a fit on similar data (the fit on all the buyers when fitting a bootstrap resample of
   * them): the maximum itself, to about {@code 1e-10} on the log scale of the parameters, where {@link #fit}'s
   * derivative-free search stops within about {@code 1e-6} of it. When Newton's method does not converge from
   * {@code near}, it is {@link #fit} from the usual start. The standard errors come from the gradient's differences.
   */
  public static ModelFit<GammaGammaModel> fitNear(List<SpendSummary> summaries, FitOptions options,
      GammaGammaModel near) {
    requireNonNull(options, "options");
    GammaGammaLikelihood ll = new GammaGammaLikelihood(summaries);
    return NewtonPolish.fit(NAMES.startingAt(near.p, near.q, near.gamma), ll)
        .map(result -> new ModelFit<>(result, BOUNDARIES, v -> new GammaGammaModel(v[0], v[1], v[2])))
        .orElseGet(() -> fit(summaries, options));
  }

  /** The log-likelihood of {@code summaries} under this model. */
  public double logLikelihood(List<SpendSummary> summaries) {
    return new GammaGammaLikelihood(summaries).at(new double[] {p, q, gamma});
  }

  /** The parameter values by name: {@code p, q, gamma}. */
  public Map<String, Double> parameters() {
    return NAMES.values(p, q, gamma);
  }

  /**
   * {@code E(Z) = p gamma / (q - 1)}: the mean spend per transaction of a customer drawn at random, the
   * forecast for a customer with no repeat purchase.
   *
   * @throws IllegalStateException if {@code q <= 1} (the mean is infinite)
   */
  public double populationMeanSpend() {
    if (q <= 1) {
      throw new IllegalStateException("the population mean spend is infinite when q <= 1 (q = " + q + ")");
    }
    return p * gamma / (q - 1);
  }

  /**
   * {@code E(Z | x, zbar) = p (gamma + x zbar) / (p x + q - 1)}: the customer's expected spend per future
   * transaction, a weighted mean of {@link #populationMeanSpend()} and the observed {@code zbar} with
   * weight {@code p x / (p x + q - 1)} on the latter. For {@code x = 0} it is the population mean.
   *
   * @throws InvalidFieldException if {@code frequency} is negative or {@code meanSpend} is negative or
   *     not finite
   * @throws IllegalStateException if {@code p x + q <= 1} (the expectation is infinite)
   */
  public double conditionalExpectedSpend(int frequency, double meanSpend) {
    if (frequency < 0) {
      throw new InvalidFieldException("frequency", frequency, "must not be negative");
    }
    if (!(meanSpend >= 0 && meanSpend < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException("meanSpend", meanSpend, "must be finite and not negative");
    }
    double denominator = p * frequency + q - 1;
    if (denominator <= 0) {
      throw new IllegalStateException("the expected spend is infinite when p x + q <= 1 (p x + q = "
          + (denominator + 1) + ")");
    }
    return p * (gamma + frequency * meanSpend) / denominator;
  }
}
