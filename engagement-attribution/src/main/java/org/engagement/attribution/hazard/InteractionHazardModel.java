package org.engagement.attribution.hazard;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.ParameterType;
import org.engagement.attribution.internal.IdentityMemo;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Counterfactual credit from the additive-hazard model widened by the interactions the data demand: the
 * {@link AdditiveHazardModel} fit, plus a term for each pair of channels that converts clearly more than its
 * two effects add to (synergy).
 *
 * <h2>Why</h2>
 * The additive fit cannot represent two channels that are worth more together than apart, and its credits
 * then spread the pair's extra conversions over every channel. A model with every pair free spends a parameter
 * per pair and its noise costs more than the misfit where effects do add; so the pairs are chosen by a one-sided
 * score test at the additive fit (the efficient score of each pair's term, family-wise level {@code level}
 * with Bonferroni's correction), which looks only for synergy. It deliberately ignores sub-additive pairs:
 * people who differ in intent make every pair look sub-additive, and there the additive credits are the better
 * ones (see {@link AdditivityTest}). Channels that hurt are not looked for either: on the simulator's selection
 * seeds (5 to 9) such a screen never kept the synergy worlds' harmful channel and kept a channel of no effect
 * as harmful on 4 of 10 calibrated confounded worlds (people shown it had less intent), which a business would
 * read as "cut it"; so a channel's effect stays at least 0, as in {@link AdditiveHazardModel}. Without a kept
 * pair the credits are exactly {@link AdditiveHazardModel}'s.
 *
 * <h2>Credit</h2>
 * A journey with channel set {@code S} converts with probability {@code p(S) = 1 − exp(−H(S))},
 * {@code H(S) = h0 + Σ_{c∈S} β_c + Σ_{kept {a,b}⊆S} γ_ab}, fitted by maximum likelihood from the additive fit
 * ({@code β, γ ≥ 0}). The likelihood is concave in these parameters and its gradient and Hessian cost one pass
 * over the distinct channel sets, so the fit is a bounded Newton method ({@link BoundedNewton}, where it says why
 * not BOBYQA): it reaches the optimum to rounding in a few dozen passes. BOBYQA, used before, stopped about 1e-6
 * (relative) short of it in the credits and was about 90 % of a 10-million-interaction report's ROI section (22
 * fits). A channel's credit is the conversions the fit says would be lost without it, on the journeys that
 * touched it: {@code Σ_{S∋c} (C_S + N_S) (p(S) − p(S∖{c}))}, which drops the channel's own
 * effect and its pairs' terms, as replaying each person without the channel does (a conversion that needed both
 * channels of a pair counts for both). The credits are shared out in proportion, so they add up to the
 * observed conversions and value.
 *
 * <p>Registered as {@value #NAME} with the parameter {@code level} ({@link #LEVEL}); {@code recommended} runs
 * it at {@link #DEFAULT_LEVEL} in place of {@code additive-hazard} where the screen keeps a pair. Like
 * {@link AdditiveHazardModel} it reads only each journey's set of channels and whether it converted, so it
 * runs on a path file as on journeys cut from timed interactions.
 *
 * <p>Results are remembered for the last few set instances (held weakly) and levels: they are immutable.
 *
 * <p>Instances are immutable and thread-safe (each fit builds its own arrays and optimiser).
 *
 * @since 0.1.0
 */
public final class InteractionHazardModel implements AttributionModel {
  /** The registry name. */
  public static final String NAME = "interaction-hazard";
  /** The default family-wise level of the one-sided screen. */
  public static final double DEFAULT_LEVEL = 1e-4;
  /** The parameter {@code level}: the screen's family-wise level, between 0 and 1, default {@value #DEFAULT_LEVEL}. */
  public static final ModelParameter<Double> LEVEL = ModelParameter.optional("level", ParameterType.decimal(),
      DEFAULT_LEVEL, "the family-wise level of the one-sided screen for synergy (Bonferroni over the pairs tested)")
      .withRule("must be between 0 and 1", level -> level > 0 && level < 1);

  /** The parameters of the registry's factory, in order. */
  static final List<ModelParameter<?>> PARAMETERS = List.of(LEVEL);

  /**
   * The results on the sets seen last, by instance and level: a report runs this model and {@code recommended},
   * which runs it again where it keeps a pair; the widened fit is the costliest step of either.
   */
  private static final IdentityMemo<JourneySet, Double, AttributionResult> RESULTS = IdentityMemo.of(8);

  private final double level;

  private InteractionHazardModel(double level) {
    this.level = level;
  }

  /** The model screening at {@link #DEFAULT_LEVEL}. */
  public static InteractionHazardModel create() {
    return of(DEFAULT_LEVEL);
  }

  /**
   * The model screening at family-wise {@code level}.
   *
   * @throws InvalidFieldException if {@code level} is not in {@code (0, 1)}
   */
  public static InteractionHazardModel of(double level) {
    if (!(level > 0 && level < 1)) {
      throw new InvalidFieldException("level", level, "must be between 0 and 1");
    }
    return new InteractionHazardModel(level);
  }

  /** The model configured from resolved {@link #PARAMETERS}. */
  static InteractionHazardModel fromParameters(ModelParameters parameters) {
    return of(parameters.get(LEVEL));
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The level when it is not {@link #DEFAULT_LEVEL}; else none. */
  @Override
  public ModelParameters parameters() {
    return level == DEFAULT_LEVEL ? ModelParameters.none() : ModelParameters.none().with(LEVEL, level);
  }

  /**
   * The terms the screen keeps on {@code journeys}, in words ("synergy a with b"); empty
   * when the credits are {@link AdditiveHazardModel}'s. A host that chooses between the two models reads this.
   *
   * @throws InvalidFieldException as {@link AdditiveHazardModel#hazards(JourneySet)} does
   */
  public List<String> keptTerms(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    return describe(journeys, screen(journeys, AdditiveHazardModel.create().hazards(journeys)));
  }

  private InteractionScreen.Found screen(JourneySet journeys, double[] h) {
    int n = journeys.channels().size();
    return n == 0 ? new InteractionScreen.Found(List.of())
        : InteractionScreen.screen(ChannelSets.of(journeys), h, n, level);
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidFieldException as {@link AdditiveHazardModel#hazards(JourneySet)} does
   */
  @Override
  public AttributionResult attribute(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    return RESULTS.get(journeys, level, () -> compute(journeys));
  }

  private AttributionResult compute(JourneySet journeys) {
    double[] h = AdditiveHazardModel.create().hazards(journeys);
    int n = journeys.channels().size();
    ChannelSets sets = ChannelSets.of(journeys);
    InteractionScreen.Found found = screen(journeys, h);
    if (found.isEmpty()) {
      AttributionResult additive = AdditiveHazardModel.create().attribute(journeys);
      return AttributionResult.of(NAME, journeys, credits(additive, n, true), credits(additive, n, false), true)
          .withNotes(additive.notes().stream().filter(note -> !journeys.notes().contains(note)).toList())
          .withNotes(List.of(String.format(Locale.ROOT, "%s: no synergy at level %s; the"
              + " credits are additive-hazard's", NAME, plain(level))));
    }
    WidenedHazards widened = new WidenedHazards(sets, n, found.pairs());
    return credited(journeys, widened.lostWithout(widened.fit(h)), String.format(Locale.ROOT,
        "%s: the additive-hazard fit widened by %s (one-sided score test, level %s)", NAME,
        String.join(", ", describe(journeys, found)), plain(level)));
  }

  /** {@link #compute} with both fits by Newton from {@code start}: {@link #forResamplesOf}'s work on a resample. */
  private AttributionResult fitFrom(JourneySet set, Start start) {
    int n = set.channels().size();
    if (set.totalNulls() <= 0 || n > AdditiveHazardModel.MAX_CHANNELS || !(set.totalConversions() > 0)) {
      return attribute(set);
    }
    ChannelSets sets = ChannelSets.of(set);
    double[] h = AdditiveHazardModel.fit(set, sets, start.additive().on(set.channels()));
    InteractionScreen.Found found = n == 0 ? new InteractionScreen.Found(List.of())
        : InteractionScreen.screen(sets, h, n, level);
    WidenedHazards widened = new WidenedHazards(sets, n, found.pairs());
    double[] theta = widened.fit(start.widenedOn(set.channels(), h, found.pairs()));
    return credited(set, widened.lostWithout(theta), found.isEmpty()
        ? String.format(Locale.ROOT, "%s: no synergy at level %s", NAME, plain(level))
        : String.format(Locale.ROOT, "%s: the additive-hazard fit widened by %s (one-sided score test, level %s)",
            NAME, String.join(", ", describe(set, found)), plain(level)));
  }

  /**
   * The credits in proportion to the conversions {@code lost} without each channel, with {@code note}; or
   * {@link AdditiveHazardModel}'s where no channel loses any.
   */
  private static AttributionResult credited(JourneySet journeys, double[] lost, String note) {
    double sum = Arrays.stream(lost).sum();
    if (!(sum > 0)) {
      return AdditiveHazardModel.create().attribute(journeys);
    }
    int n = lost.length;
    double[] conv = new double[n];
    double[] value = new double[n];
    for (int c = 0; c < n; c++) {
      conv[c] = lost[c] / sum * journeys.totalConversions();
      value[c] = lost[c] / sum * journeys.totalValue();
    }
    return AttributionResult.of(NAME, journeys, conv, value, true).withNotes(List.of(note));
  }

  /**
   * This model for the resamples of {@code journeys} (a bootstrap): on {@code journeys} itself it answers as
   * {@link #attribute}; on any other set it does what {@link #attribute} does (the additive fit, the screen, the
   * widened fit with the pairs the screen keeps there), but both fits are Newton fits started from the fits on
   * {@code journeys} (matched by channel name and pair), so a resample costs a few passes over its channel sets.
   *
   * <p>Why: both likelihoods are concave, so their optima do not depend on the start, and a resample's are near
   * the whole set's: the credits are those of {@link #attribute} on the resample to rounding, and the screen's
   * choice is redone on each resample, so the intervals keep their meaning.
   *
   * @throws InvalidFieldException as {@link AdditiveHazardModel#hazards(JourneySet)} does
   */
  @Override
  public AttributionModel forResamplesOf(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    Start start = Start.of(journeys, this);
    return new WarmStartedModel(this, journeys, set -> fitFrom(set, start));
  }

  /** A level as people write it: 0.0001, not 0.000100000 ({@code %g}) or 1.0E-4. */
  static String plain(double level) {
    return BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
  }

  private static List<String> describe(JourneySet journeys, InteractionScreen.Found found) {
    List<String> terms = new ArrayList<>();
    found.pairs().forEach(p -> terms.add("synergy " + journeys.channels().name(p[0]) + " with "
        + journeys.channels().name(p[1])));
    return List.copyOf(terms);
  }

  private static double[] credits(AttributionResult result, int n, boolean conversions) {
    double[] out = new double[n];
    for (int c = 0; c < n; c++) {
      out[c] = conversions ? result.conversions(c) : result.value(c);
    }
    return out;
  }

  @Override
  public String toString() {
    return level == DEFAULT_LEVEL ? NAME : NAME + "{level=" + level + "}";
  }

  /**
   * The fits on a journey set by channel name: the additive fit and the widened fit's pairs with their values,
   * where {@link #forResamplesOf} starts a resample's fits. Immutable.
   */
  private record Start(AdditiveHazardModel.Start additive, Map<List<String>, Double> synergy) {
    static Start of(JourneySet journeys, InteractionHazardModel model) {
      double[] h = AdditiveHazardModel.create().hazards(journeys);
      int n = journeys.channels().size();
      InteractionScreen.Found found = model.screen(journeys, h);
      double[] theta = new WidenedHazards(ChannelSets.of(journeys), n, found.pairs()).fit(h);
      Map<List<String>, Double> synergy = new LinkedHashMap<>();
      for (int i = 0; i < found.pairs().size(); i++) {
        int[] pair = found.pairs().get(i);
        synergy.put(List.of(journeys.channels().name(pair[0]), journeys.channels().name(pair[1])), theta[1 + n + i]);
      }
      return new Start(AdditiveHazardModel.Start.of(journeys.channels(), h), Map.copyOf(synergy));
    }

    /** The widened start: the additive fit {@code h} and each pair's fitted synergy where it had one, else 0. */
    double[] widenedOn(ChannelIndex on, double[] h, List<int[]> pairs) {
      double[] start = Arrays.copyOf(h, h.length + pairs.size());
      for (int i = 0; i < pairs.size(); i++) {
        Double known = synergy.get(List.of(on.name(pairs.get(i)[0]), on.name(pairs.get(i)[1])));
        start[h.length + i] = known == null ? 0 : known;
      }
      return start;
    }
  }
}
