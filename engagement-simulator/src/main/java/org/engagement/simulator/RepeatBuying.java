package org.engagement.simulator;

import org.engagement.core.domain.InvalidFieldException;

/**
 * How customers buy again after their first purchase: the generative stories of the BG/NBD and Gamma-Gamma
 * models, with the parameters those models estimate, so that a fit on a simulated world can be checked
 * against the values it was made from.
 *
 * <p>Each person draws a purchase rate {@code λ ~ Gamma(r, α)} (shape {@code r}, rate {@code α}, per week), a
 * dropout probability {@code p ~ Beta(a, b)} and a spend scale {@code ν ~ Gamma(q, γ)} (shape {@code q}, rate
 * {@code γ}). After the first purchase a live customer buys again at the instants of a Poisson process of rate
 * {@code λ} (continuous time), drops out right after each repeat purchase with probability {@code p}, and
 * spends {@code z ~ Gamma(spendShape, ν)} on every purchase (the first included), so that a customer's mean
 * spend is {@code spendShape / ν}. The defaults are the CDNOW estimates of Fader, Hardie and Lee (2005) for
 * BG/NBD ({@code r} 0.243, {@code α} 4.414, {@code a} 0.793, {@code b} 2.426, per week, which the 104 weeks of
 * the default world suit) and of Fader, Hardie and Lee's Gamma-Gamma note for spend ({@code p} 6.25,
 * {@code q} 3.74) with {@code γ} 65 instead of 15.44, so that the mean purchase is about 148 instead of 35.
 *
 * <p>Immutable and thread-safe.
 *
 * @param r the shape of the purchase rates
 * @param alpha the rate (inverse scale, in weeks) of the purchase rates
 * @param a the first shape of the dropout probabilities
 * @param b the second shape of the dropout probabilities
 * @param spendShape the shape {@code p} of each purchase's spend given the customer's {@code ν}
 * @param q the shape of the spend scales
 * @param gamma the rate of the spend scales, in major currency units
 * @since 0.1.0
 */
public record RepeatBuying(double r, double alpha, double a, double b, double spendShape, double q, double gamma) {
  /**
   * Checks that every parameter is a positive finite number.
   *
   * @throws InvalidFieldException if one is not
   */
  public RepeatBuying {
    positive("r", r);
    positive("alpha", alpha);
    positive("a", a);
    positive("b", b);
    positive("spendShape", spendShape);
    positive("q", q);
    positive("gamma", gamma);
  }

  /** The defaults (see the class description). */
  public static RepeatBuying defaults() {
    return new RepeatBuying(0.243, 4.414, 0.793, 2.426, 6.25, 3.74, 65);
  }

  private static void positive(String field, double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new InvalidFieldException(field, value, "must be a positive finite number");
    }
  }
}
