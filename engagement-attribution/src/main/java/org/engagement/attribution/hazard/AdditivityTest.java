package org.engagement.attribution.hazard;

import static java.util.Objects.requireNonNull;

import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.special.Gamma;

/**
 * A test of whether channel effects add on the hazard scale, as {@link AdditiveHazardModel} assumes: Rao's
 * score test of that model against a wider one, in which each frequent pair of channels has its own term
 * (synergy if positive, interference if negative) and an effect fitted at its bound 0 may go negative (a
 * channel that hurts).
 *
 * <h2>Why a score test</h2>
 * The additive fit's held-out log-loss against the saturated channel-set rates does not see an interaction
 * between two channels in a few thousand journeys: the saturated rates spend one parameter on every distinct
 * set, hundreds of them, and their noise hides a misfit concentrated in one pair. This test spends one degree
 * of freedom per pair that co-occurs in at least {@value #MIN_PAIR_JOURNEYS} journeys (at most
 * {@value #MAX_PAIRS} pairs, the most frequent) and per channel at its bound, and needs only the additive fit:
 * the score of the wider model's log-likelihood at the additive fit, {@code U}, and its expected information,
 * {@code I}, give {@code T = U'I⁺U − U_η'I_ηη⁺U_η} (η: the baseline and the effects inside their bounds, so
 * that an optimiser's small remaining gradient does not count as evidence), asymptotically χ² with
 * {@code rank(I) − rank(I_ηη)} degrees of freedom when effects add. Per channel set {@code S} with hazard
 * {@code H}, {@code C} conversions and {@code N} non-conversions, the score of every term present in
 * {@code S} gains {@code C/(e^H − 1) − N} and the information {@code (C + N)/(e^H − 1)}; the information is
 * scaled to unit diagonal and its eigenvalues below {@code 1e-9} of the largest are dropped (terms the data
 * cannot tell apart count once).
 *
 * <p>It tests the model, not a time-free idealisation of a real world: with enough journeys any misfit (effects
 * that depend on timing, people who differ in intent) is detected too, and then the additive credits are not
 * relied on.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param statistic the score statistic {@code T}, at least 0
 * @param degreesOfFreedom the χ² degrees of freedom; 0 when no term can be tested (then the p-value is 1)
 * @param pValue the probability of a statistic at least {@code T} if effects add, in {@code [0, 1]}
 * @param pairs the pairwise terms of the wider model
 * @param channelsAtZero the channels whose fitted effect is at its bound 0, tested for a negative effect
 * @since 0.1.0
 */
public record AdditivityTest(double statistic, int degreesOfFreedom, double pValue, int pairs,
    int channelsAtZero) {
  /** The fewest journeys a pair of channels must share for its term to be tested. */
  public static final int MIN_PAIR_JOURNEYS = 30;
  /** The most pairwise terms tested (the most frequent pairs). */
  public static final int MAX_PAIRS = 300;

  /**
   * Checks the figures.
   *
   * @throws InvalidFieldException if the statistic is negative, the degrees of freedom or counts negative, or
   *     the p-value outside {@code [0, 1]}
   */
  public AdditivityTest {
    if (!(statistic >= 0)) {
      throw new InvalidFieldException("statistic", statistic, "must be at least 0");
    }
    if (degreesOfFreedom < 0 || pairs < 0 || channelsAtZero < 0) {
      throw new InvalidFieldException("degreesOfFreedom", degreesOfFreedom, "must be at least 0, as must pairs"
          + " and channelsAtZero");
    }
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new InvalidFieldException("pValue", pValue, "must be from 0 to 1");
    }
  }

  /**
   * Fits {@link AdditiveHazardModel} to {@code journeys} and tests it.
   *
   * @throws InvalidFieldException as {@link AdditiveHazardModel#hazards(JourneySet)} does
   */
  public static AdditivityTest of(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    double[] hazards = AdditiveHazardModel.create().hazards(journeys);
    return ScoreStatistic.compute(ChannelSets.of(journeys), hazards, journeys.channels().size());
  }

  /** The test from its statistic and degrees of freedom (p-value 1 without degrees of freedom). */
  static AdditivityTest of(double statistic, int degreesOfFreedom, int pairs, int channelsAtZero) {
    double t = Math.max(0, statistic);
    double p = degreesOfFreedom == 0 ? 1 : Gamma.regularizedGammaQ(degreesOfFreedom / 2.0, t / 2);
    return new AdditivityTest(t, degreesOfFreedom, Math.min(1, Math.max(0, p)), pairs, channelsAtZero);
  }

  /**
   * Whether the test rejects additive effects at {@code level}: the p-value is below it.
   *
   * @throws InvalidFieldException if {@code level} is not in {@code (0, 1)}
   */
  public boolean rejectsAt(double level) {
    if (!(level > 0 && level < 1)) {
      throw new InvalidFieldException("level", level, "must be between 0 and 1");
    }
    return pValue < level;
  }
}
