package org.engagement.attribution.hazard;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.ParameterType;
import org.engagement.attribution.internal.IdentityMemo;
import org.engagement.attribution.journey.JourneySet;
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
 * {@code H(S) = h0 + Σ_{c∈S} β_c + Σ_{kept {a,b}⊆S} γ_ab}, fitted by maximum likelihood with BOBYQA from the
 * additive fit ({@code β, γ ≥ 0}). A channel's credit is the conversions the fit says would be lost without it,
 * on the journeys that touched it: {@code Σ_{S∋c} (C_S + N_S) (p(S) − p(S∖{c}))}, which drops the channel's own
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

  private static final double MAX_HAZARD = 50;
  private static final double MIN_BASELINE = 1e-9;

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
    return n + 1 < BOBYQAOptimizer.MINIMUM_PROBLEM_DIMENSION ? new InteractionScreen.Found(List.of())
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
    Widened widened = new Widened(sets, n, found);
    double[] lost = widened.lostWithout(widened.fit(h));
    double sum = Arrays.stream(lost).sum();
    if (!(sum > 0)) {
      return AdditiveHazardModel.create().attribute(journeys);
    }
    double[] conv = new double[n];
    double[] value = new double[n];
    for (int c = 0; c < n; c++) {
      conv[c] = lost[c] / sum * journeys.totalConversions();
      value[c] = lost[c] / sum * journeys.totalValue();
    }
    return AttributionResult.of(NAME, journeys, conv, value, true).withNotes(List.of(String.format(Locale.ROOT,
        "%s: the additive-hazard fit widened by %s (one-sided score test, level %s)", NAME,
        String.join(", ", describe(journeys, found)), plain(level))));
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

  /** The widened model on one journey set: its terms per channel set, its fit and its credits. */
  private static final class Widened {
    private final ChannelSets sets;
    private final int channels;
    private final InteractionScreen.Found found;
    private final int[][] present;

    Widened(ChannelSets sets, int channels, InteractionScreen.Found found) {
      this.sets = sets;
      this.channels = channels;
      this.found = found;
      this.present = new int[sets.size()][];
      for (int t = 0; t < sets.size(); t++) {
        present[t] = termsOf(sets.members(t));
      }
    }

    private int[] termsOf(int[] members) {
      List<Integer> out = new ArrayList<>();
      out.add(0);
      Arrays.stream(members).forEach(c -> out.add(1 + c));
      for (int i = 0; i < found.pairs().size(); i++) {
        int[] pair = found.pairs().get(i);
        if (Arrays.binarySearch(members, pair[0]) >= 0 && Arrays.binarySearch(members, pair[1]) >= 0) {
          out.add(1 + channels + i);
        }
      }
      return out.stream().mapToInt(Integer::intValue).toArray();
    }

    double[] fit(double[] additive) {
      int dimension = 1 + channels + found.pairs().size();
      double[] start = Arrays.copyOf(additive, dimension);
      double[] lower = new double[dimension];
      double[] upper = new double[dimension];
      Arrays.fill(upper, MAX_HAZARD);
      lower[0] = MIN_BASELINE;
      start[0] = Math.max(MIN_BASELINE, start[0]);
      double[] best = start.clone();
      double[] bestValue = {negativeLogLikelihood(start)};
      BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * dimension + 1, 0.05, 1e-10);
      try {
        PointValuePair point = optimizer.optimize(new MaxEval(200_000), new ObjectiveFunction(x -> {
          double v = negativeLogLikelihood(x);
          if (v < bestValue[0]) {
            bestValue[0] = v;
            System.arraycopy(x, 0, best, 0, dimension);
          }
          return v;
        }), GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper));
        return point.getValue() <= bestValue[0] ? point.getPoint() : best;
      } catch (MathIllegalStateException e) {
        // As in AdditiveHazardModel: a trust-region step that cannot improve near the optimum; keep the best.
        return best;
      }
    }

    private double hazard(int t, double[] theta, int without) {
      double sum = 0;
      for (int term : present[t]) {
        if (without < 0 || !involves(term, without)) {
          sum += theta[term];
        }
      }
      return Math.max(0, sum);
    }

    private boolean involves(int term, int channel) {
      if (term == 0) {
        return false;
      }
      if (term <= channels) {
        return term == 1 + channel;
      }
      int[] pair = found.pairs().get(term - 1 - channels);
      return pair[0] == channel || pair[1] == channel;
    }

    double negativeLogLikelihood(double[] theta) {
      double loss = 0;
      for (int t = 0; t < sets.size(); t++) {
        double hazard = hazard(t, theta, -1);
        if (sets.converted(t) > 0) {
          loss -= sets.converted(t) * Math.log(-Math.expm1(-Math.max(hazard, 1e-300)));
        }
        loss += sets.failed(t) * hazard;
      }
      return loss;
    }

    double[] lostWithout(double[] theta) {
      double[] lost = new double[channels];
      for (int t = 0; t < sets.size(); t++) {
        double journeys = sets.converted(t) + sets.failed(t);
        double with = -Math.expm1(-hazard(t, theta, -1));
        for (int c : sets.members(t)) {
          lost[c] += journeys * (with + Math.expm1(-hazard(t, theta, c)));
        }
      }
      return lost;
    }
  }
}
