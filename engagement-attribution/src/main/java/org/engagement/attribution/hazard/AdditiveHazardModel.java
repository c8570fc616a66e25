package org.engagement.attribution.hazard;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ParameterlessModel;
import org.engagement.attribution.internal.IdentityMemo;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.shapley.SimplifiedShapleyModel;
import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Counterfactual credit from an additive-hazard model of conversion, registered as {@value #NAME}: the
 * time-free core of Zhang, Wei and Ren (2014, "Multi-touch attribution in online advertising with survival
 * theory", ICDM), where each touch adds to the hazard of converting.
 *
 * <h2>The model</h2>
 * A journey exposed to the set {@code S} of distinct channels converts with probability
 * {@code p(S) = 1 − exp(−(h0 + Σ_{c∈S} β_c))}, with a baseline hazard {@code h0 > 0} and a non-negative effect
 * {@code β_c} per channel. The parameters maximise the likelihood of the observed conversions and
 * non-conversions, grouped by channel set: {@code Σ_S C_S ln p(S) − N_S (h0 + Σ_{c∈S} β_c)}. The
 * log-likelihood is concave (a sum of concave functions of linear forms), so the maximum under the bounds is
 * global; it is found with Hipparchus's BOBYQA (bounded, derivative-free; trust region from 0.05 down to
 * {@code 1e-10}; when it stops because a step no longer improves its local model, which happens near an
 * optimum on a bound, the best point it evaluated is kept). Effects are bounded below by 0: a channel that lowers conversion is estimated as having no
 * effect and gets no credit.
 *
 * <h2>Credit</h2>
 * A channel's credit is the conversions the fitted model says would be lost without it, on the journeys that
 * touched it: {@code Σ_{S∋c} (C_S + N_S) (p(S) − p(S∖{c}))}. Those are shared out in proportion, so the credits
 * add up to the observed conversions and value (the same shares for both); the baseline's conversions are
 * spread with them, as in every additive model. If no channel has an effect, the credits are those of the
 * simplified Shapley value.
 *
 * <h2>When it is right</h2>
 * When exposure is as good as random given the channel set and effects add on the hazard scale, the credits
 * estimate the true incremental shares. It uses the non-conversions (a set with conversions and none is
 * refused). Like every observational model it is fooled by confounding: a channel shown to people who were
 * going to buy anyway gets the credit of their intent.
 *
 * <p>Work: each likelihood evaluation is linear in the distinct channel sets' members; BOBYQA takes a few
 * hundred to a few thousand evaluations and memory quadratic in the channels, so the model accepts at most
 * {@value #MAX_CHANNELS} channels.
 *
 * <p>The fit of a set is remembered for the last few set instances (held weakly), so models that build on it
 * fit each set once; the arrays handed out are copies.
 *
 * <p>Instances are immutable and thread-safe (each fit builds its own arrays and optimiser).
 *
 * @since 0.1.0
 */
public final class AdditiveHazardModel extends ParameterlessModel {
  /** The registry name. */
  public static final String NAME = "additive-hazard";
  /** The most channels the fit accepts. */
  public static final int MAX_CHANNELS = 100;

  private static final AdditiveHazardModel INSTANCE = new AdditiveHazardModel();
  private static final double MIN_BASELINE = 1e-9;
  private static final double MAX_HAZARD = 50;
  /**
   * The fits of the sets seen last, by instance: a report runs this model, {@code interaction-hazard} and
   * {@code recommended} (its screen, its additivity test, the model it picks) on one set.
   */
  private static final IdentityMemo<JourneySet, String, double[]> FITS = IdentityMemo.of(8);

  private AdditiveHazardModel() {
    super(NAME);
  }

  /** The model (it has no parameters). */
  public static AdditiveHazardModel create() {
    return INSTANCE;
  }

  /**
   * The fitted hazards: index 0 is the baseline {@code h0}, index {@code 1 + c} the effect of channel id
   * {@code c}.
   *
   * @throws InvalidFieldException if the set has more than {@value #MAX_CHANNELS} channels, or conversions
   *     but no journey that did not convert
   */
  public double[] hazards(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    int n = journeys.channels().size();
    if (n > MAX_CHANNELS) {
      throw new InvalidFieldException("channels", n, "must be at most " + MAX_CHANNELS + " for " + NAME);
    }
    if (journeys.totalConversions() > 0 && !(journeys.totalNulls() > 0)) {
      throw new InvalidFieldException("totalNulls", 0, "must be above 0 for " + NAME + ": it fits conversion"
          + " probabilities, which need the journeys that did not convert");
    }
    return FITS.get(journeys, NAME, () -> fit(journeys)).clone();
  }

  /** The maximum-likelihood hazards of {@link #hazards}, on a set that passed its checks. */
  private static double[] fit(JourneySet journeys) {
    int n = journeys.channels().size();
    ChannelSets sets = ChannelSets.of(journeys);
    double rate = journeys.totalConversions() / (journeys.totalConversions() + journeys.totalNulls());
    double overall = -Math.log1p(-Math.min(rate, 0.999));
    double[] start = new double[n + 1];
    start[0] = Math.max(MIN_BASELINE, overall / 2);
    Arrays.fill(start, 1, n + 1, Math.max(1e-6, overall / 4));
    if (n + 1 < BOBYQAOptimizer.MINIMUM_PROBLEM_DIMENSION || !(rate > 0)) {
      start[0] = Math.max(MIN_BASELINE, overall);
      Arrays.fill(start, 1, n + 1, 0);
      return start;
    }
    double[] lower = new double[n + 1];
    double[] upper = new double[n + 1];
    lower[0] = MIN_BASELINE;
    Arrays.fill(upper, MAX_HAZARD);
    BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * (n + 1) + 1, 0.05, 1e-10);
    BestPoint best = new BestPoint(sets);
    try {
      PointValuePair found = optimizer.optimize(new MaxEval(200_000), new ObjectiveFunction(best::value),
          GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper));
      return found.getValue() <= best.value ? found.getPoint() : best.point;
    } catch (MathIllegalStateException e) {
      // BOBYQA stops so when a trust-region step cannot improve its model near the optimum (typically with
      // effects at their bound 0); the likelihood is concave, and the best point it evaluated is kept.
      return best.point.length == n + 1 ? best.point : start;
    }
  }

  /** The objective, remembering the best point evaluated. Not thread-safe: one per fit. */
  private static final class BestPoint {
    private final ChannelSets sets;
    private double[] point = new double[0];
    private double value = Double.POSITIVE_INFINITY;

    BestPoint(ChannelSets sets) {
      this.sets = sets;
    }

    double value(double[] h) {
      double v = sets.negativeLogLikelihood(h);
      if (v < value) {
        value = v;
        point = h.clone();
      }
      return v;
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidFieldException if the set has more than {@value #MAX_CHANNELS} channels, or conversions
   *     but no journey that did not convert
   */
  @Override
  public AttributionResult attribute(JourneySet journeys) {
    double[] h = hazards(journeys);
    int n = journeys.channels().size();
    ChannelSets sets = ChannelSets.of(journeys);
    double[] lost = sets.lostWithout(h, n);
    double sum = 0;
    for (double l : lost) {
      sum += l;
    }
    if (!(sum > 0)) {
      AttributionResult fallback = SimplifiedShapleyModel.create().attribute(journeys);
      List<String> note = journeys.totalConversions() > 0
          ? List.of(NAME + ": no channel raises the fitted conversion probability; the credits are those of"
              + " shapley-simplified")
          : List.of();
      return AttributionResult.of(NAME, journeys, credits(fallback, n, true), credits(fallback, n, false), true)
          .withNotes(note);
    }
    double[] conv = new double[n];
    double[] value = new double[n];
    for (int c = 0; c < n; c++) {
      conv[c] = lost[c] / sum * journeys.totalConversions();
      value[c] = lost[c] / sum * journeys.totalValue();
    }
    return AttributionResult.of(NAME, journeys, conv, value, true);
  }

  private static double[] credits(AttributionResult result, int n, boolean conversions) {
    double[] out = new double[n];
    for (int c = 0; c < n; c++) {
      out[c] = conversions ? result.conversions(c) : result.value(c);
    }
    return out;
  }
}
