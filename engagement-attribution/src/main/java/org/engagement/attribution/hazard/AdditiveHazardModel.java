package org.engagement.attribution.hazard;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ParameterlessModel;
import org.engagement.attribution.internal.IdentityMemo;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.shapley.SimplifiedShapleyModel;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

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
 * global; its gradient and Hessian cost one pass over the distinct channel sets, and it is found by the bounded
 * Newton method of {@link BoundedNewton} on {@link WidenedHazards} without synergy terms, the likelihood
 * {@link InteractionHazardModel} widens (one likelihood, one fit, for both models). It reaches the optimum to
 * rounding in a few passes; BOBYQA, used before, stopped 1e-7 to 1e-5 (relative) short of it in the credits.
 * Effects are bounded below by 0: a channel that lowers conversion is estimated as having no effect and gets no
 * credit.
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
 * <p>Work: each Newton iteration is linear in the distinct channel sets' members and quadratic in the channels
 * (the Hessian), and a fit takes a few to a few dozen; the model accepts at most {@value #MAX_CHANNELS} channels.
 *
 * <p>The fit of a set is remembered for the last few set instances (held weakly), so models that build on it
 * fit each set once; the arrays handed out are copies.
 *
 * <p>A bootstrap runs {@link #forResamplesOf}: each resample's fit is started from the whole set's.
 *
 * <p>Instances are immutable and thread-safe (each fit builds its own arrays).
 *
 * @since 0.1.0
 */
public final class AdditiveHazardModel extends ParameterlessModel {
  /** The registry name. */
  public static final String NAME = "additive-hazard";
  /** The most channels the fit accepts. */
  public static final int MAX_CHANNELS = 100;

  private static final AdditiveHazardModel INSTANCE = new AdditiveHazardModel();
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
    check(journeys);
    return FITS.get(journeys, NAME, () -> fit(journeys, ChannelSets.of(journeys), null)).clone();
  }

  /**
   * The fit of {@link #hazards} for the sets of {@code journeys}' paths with other counts ({@link
   * JourneySet#withCounts}: a held-out validation's training folds): the function gives on each such set what
   * {@link #hazards} gives, bit for bit, but the paths are grouped into channel sets once, here, instead of once per
   * set (issue 16: at ten million interactions the regrouping of five folds cost seconds). Its fits are not
   * remembered, each set being asked once; it holds the grouping until it is dropped. Thread-safe.
   *
   * <p>The function throws {@link InvalidFieldException} if a set does not have the paths of {@code journeys}
   * (field {@code recount}), or as {@link #hazards} does on it.
   */
  public Function<JourneySet, double[]> hazardsOfRecounts(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    ChannelSets whole = ChannelSets.of(journeys);
    return recount -> {
      if (!journeys.samePaths(requireNonNull(recount, "recount"))) {
        throw new InvalidFieldException("recount", recount, "must have the paths of " + journeys
            + " (JourneySet.withCounts)");
      }
      check(recount);
      return fit(recount, whole.recounted(recount), null);
    };
  }

  private static void check(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    int n = journeys.channels().size();
    if (n > MAX_CHANNELS) {
      throw new InvalidFieldException("channels", n, "must be at most " + MAX_CHANNELS + " for " + NAME);
    }
    if (journeys.totalConversions() > 0 && !(journeys.totalNulls() > 0)) {
      throw new InvalidFieldException("totalNulls", 0, "must be above 0 for " + NAME + ": it fits conversion"
          + " probabilities, which need the journeys that did not convert");
    }
  }

  /**
   * The maximum-likelihood hazards of {@link #hazards} on {@code sets}, those of a set that passed its checks, by
   * Newton from {@code start} (as {@link #hazards} indexes them), or from a start between no effect and the overall
   * rate without one. Without channels or conversions the answer is closed-form: the overall rate's hazard.
   */
  static double[] fit(JourneySet journeys, ChannelSets sets, double @Nullable [] start) {
    int n = journeys.channels().size();
    double rate = journeys.totalConversions() / (journeys.totalConversions() + journeys.totalNulls());
    double overall = -Math.log1p(-Math.min(rate, 0.999));
    if (n == 0 || !(rate > 0)) {
      double[] closed = new double[n + 1];
      closed[0] = Math.max(WidenedHazards.MIN_BASELINE, overall);
      return closed;
    }
    double[] from = start;
    if (from == null) {
      from = new double[n + 1];
      from[0] = Math.max(WidenedHazards.MIN_BASELINE, overall / 2);
      Arrays.fill(from, 1, n + 1, Math.max(1e-6, overall / 4));
    }
    return new WidenedHazards(sets, n, List.of()).fit(from);
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidFieldException if the set has more than {@value #MAX_CHANNELS} channels, or conversions
   *     but no journey that did not convert
   */
  @Override
  public AttributionResult attribute(JourneySet journeys) {
    return credited(journeys, ChannelSets.of(journeys), hazards(journeys));
  }

  /**
   * This model for the resamples of {@code journeys} (a bootstrap): on {@code journeys} itself it answers as
   * {@link #attribute}; on any other set it checks and credits as {@link #attribute} does, its fit started from the
   * fit on {@code journeys} (matched by channel name; a channel {@code journeys} lacks from no effect). The
   * likelihood is concave, so the optimum does not depend on the start: the credits are those of {@link #attribute}
   * to rounding, in a few Newton steps instead of a fit from afar.
   *
   * @throws InvalidFieldException as {@link #hazards} does on {@code journeys}
   */
  @Override
  public AttributionModel forResamplesOf(JourneySet journeys) {
    Start start = Start.of(journeys.channels(), hazards(journeys));
    return new WarmStartedModel(INSTANCE, journeys, set -> {
      check(set);
      ChannelSets sets = ChannelSets.of(set);
      return credited(set, sets, fit(set, sets, start.on(set.channels())));
    });
  }

  /** The credits of the fitted hazards {@code h} on {@code journeys} ({@code sets} its channel sets). */
  private static AttributionResult credited(JourneySet journeys, ChannelSets sets, double[] h) {
    int n = journeys.channels().size();
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

  /**
   * A fit by channel name, where a fit on another set over other channels starts: {@code hazards[0]} the baseline,
   * {@code hazards[1 + c]} the effect of {@code channels}' channel {@code c}. Immutable.
   */
  record Start(ChannelIndex channels, List<Double> hazards) {
    static Start of(ChannelIndex channels, double[] hazards) {
      return new Start(channels, Arrays.stream(hazards).boxed().toList());
    }

    /** The start on a set over {@code on}: each known channel's fitted effect, 0 for another. */
    double[] on(ChannelIndex on) {
      Map<String, Integer> known = new HashMap<>();
      for (int c = 0; c < channels.size(); c++) {
        known.put(channels.name(c), c);
      }
      double[] start = new double[1 + on.size()];
      start[0] = hazards.get(0);
      for (int c = 0; c < on.size(); c++) {
        Integer k = known.get(on.name(c));
        start[1 + c] = k == null ? 0 : hazards.get(1 + k);
      }
      return start;
    }
  }
}
