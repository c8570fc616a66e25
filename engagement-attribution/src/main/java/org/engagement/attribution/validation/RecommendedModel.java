package org.engagement.attribution.validation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelLimitException;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.ParameterType;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.shapley.ShaoLiModel;
import org.engagement.attribution.shapley.SimplifiedShapleyModel;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The model the SDK recommends, registered as {@value #NAME}: it picks one of the built-in models by a fixed
 * rule, runs it, and says in the result's {@linkplain AttributionResult#notes() notes} which model it chose
 * and why, with the out-of-sample scores of {@link CrossValidation}. Runs on any journey set (from a path file
 * or from interactions).
 *
 * <h2>The rule</h2>
 * <ol>
 *   <li>If the journeys hold conversions <em>and</em> journeys that did not convert: {@code shao-li}. Credit
 *       should follow what a channel changes, and the observational models differ in what they look at.
 *       Position rules (last touch, W-shaped, ...) and Markov removal effects follow the <em>traffic</em>: a
 *       channel on many converting paths gets much credit, whether or not those people would have converted
 *       anyway, so reach is taken for effect. Shao and Li's model compares <em>conversion rates</em> of
 *       journeys with and without each channel and pair of channels, the nearest an observational model
 *       comes to a controlled comparison, and it never meets an unseen coalition (the general Shapley value's
 *       exact-set game does, and clamps channels with real effects to zero). On the bundled sample world, whose
 *       true effects are known, it recovers the shares best of the built-in models (mean absolute error 0.021,
 *       Spearman 0.94, against 0.071 and 0.53 for Markov order 1; engagement-simulator's
 *       {@code AttributionRecoveryTest}).
 *   <li>Without journeys that did not convert, no conversion rate exists and the rate models refuse:
 *       {@code shapley-simplified} (each converting path's conversions split equally among its distinct
 *       channels), the rule with no position bias. The note says that the credits then only describe the
 *       converting traffic.
 *   <li>If Shao and Li's work limit refuses the set (very long journeys through very many channels):
 *       {@code shapley-simplified}, with a note.
 * </ol>
 *
 * <h2>What the validation adds</h2>
 * Predictive fit does not select a causal model: a model can predict conversion well because it learned which
 * channels people who would buy anyway touch. So the scores do not change the choice; they are reported, and
 * they warn: when the channel-set rates the chosen model is made of predict held-out conversion no better than
 * the base rate (held-out log-loss not lower), the note says that the channels carry little signal and the
 * credits are weakly supported. The Markov order with the best held-out log-loss is reported for a host that
 * wants a Markov model. Where an experiment exists, calibrate the chosen credits with it
 * ({@link org.engagement.attribution.calibration.LiftCalibration}): that, not the rule, is causal.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RecommendedModel implements AttributionModel {
  /** The registry name. */
  public static final String NAME = "recommended";

  /** The parameter {@code folds}: folds of the validation, 2 to 100, default 5. */
  public static final ModelParameter<Long> FOLDS = ModelParameter.optional("folds", ParameterType.integer(),
      (long) CrossValidation.DEFAULT_FOLDS, "folds of the out-of-sample validation reported in the notes")
      .withRule("must be from 2 to 100", n -> n >= 2 && n <= 100);
  /** The parameter {@code seed}: the seed of the validation's split, default 0. */
  public static final ModelParameter<Long> SEED = ModelParameter.optional("seed", ParameterType.integer(), 0L,
      "the seed of the validation's split");

  /** The parameters of the registry's factory, in order. */
  static final List<ModelParameter<?>> PARAMETERS = List.of(FOLDS, SEED);

  private final CrossValidation validation;

  private RecommendedModel(CrossValidation validation) {
    this.validation = validation;
  }

  /** The model with the default validation (5 folds, seed 0). */
  public static RecommendedModel create() {
    return new RecommendedModel(CrossValidation.defaults());
  }

  /**
   * The model validating with {@code folds} folds split with {@code seed}.
   *
   * @throws InvalidFieldException if {@code folds} is not from 2 to 100
   */
  public static RecommendedModel of(int folds, long seed) {
    return new RecommendedModel(CrossValidation.of(folds, seed));
  }

  static RecommendedModel fromParameters(ModelParameters parameters) {
    return of(Math.toIntExact(parameters.get(FOLDS)), parameters.get(SEED));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ModelParameters parameters() {
    ModelParameters none = ModelParameters.none();
    ModelParameters withFolds = validation.folds() == CrossValidation.DEFAULT_FOLDS ? none
        : none.with(FOLDS, (long) validation.folds());
    return validation.seed() == 0 ? withFolds : withFolds.with(SEED, validation.seed());
  }

  /**
   * The name of the model the rule picks for {@code journeys}, before any work limit: {@code shao-li} when
   * the set has journeys that did not convert or no conversions, else {@code shapley-simplified}.
   */
  public static String choose(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    return journeys.totalNulls() > 0 || journeys.totalConversions() == 0 ? ShaoLiModel.NAME
        : SimplifiedShapleyModel.NAME;
  }

  @Override
  public AttributionResult attribute(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    List<String> notes = new ArrayList<>();
    AttributionResult chosen;
    if (choose(journeys).equals(ShaoLiModel.NAME)) {
      AttributionResult shaoLi;
      try {
        shaoLi = ShaoLiModel.create().attribute(journeys);
        notes.add("recommended: shao-li, which compares the conversion rates of journeys with and without each"
            + " channel and pair of channels rather than following the traffic; it recovers true shares best of"
            + " the built-in models on the simulated worlds. Predictive checks do not make credits causal;"
            + " calibrate with experiments where they exist");
      } catch (ModelLimitException e) {
        shaoLi = SimplifiedShapleyModel.create().attribute(journeys);
        notes.add("recommended: shapley-simplified, because shao-li's work limit refused these journeys ("
            + e.getMessage() + ")");
      }
      chosen = shaoLi;
      if (journeys.totalConversions() > 0) {
        notes.addAll(validationNotes(journeys));
      }
    } else {
      chosen = SimplifiedShapleyModel.create().attribute(journeys);
      notes.add("recommended: shapley-simplified, because no journey ended without a conversion, so no"
          + " conversion rate can be measured and the credits only describe the converting traffic; give the"
          + " journeys that did not convert for a model that compares rates");
    }
    return relabel(journeys, chosen).withNotes(notes);
  }

  private List<String> validationNotes(JourneySet journeys) {
    ValidationReport report = validation.validate(journeys);
    PredictorScore base = report.score("base-rate").orElseThrow();
    PredictorScore sets = report.score("channel-set").orElseThrow();
    PredictorScore markov = report.score("markov-" + report.markovOrder()).orElseThrow();
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT, "recommended: held-out log-loss (predictive, %d folds by %s, seed %d):"
        + " base rate %.4f, channel sets %.4f (AUC %.3f), best Markov order %d %.4f (AUC %.3f)",
        report.folds(), report.unit(), report.seed(), base.logLoss(), sets.logLoss(), sets.auc(),
        report.markovOrder(), markov.logLoss(), markov.auc()));
    if (!(sets.logLoss() < base.logLoss())) {
      notes.add("recommended: the channels predict held-out conversion no better than the base rate; the credits"
          + " are weakly supported by these journeys");
    }
    return notes;
  }

  private static AttributionResult relabel(JourneySet journeys, AttributionResult chosen) {
    int n = journeys.channels().size();
    double[] conv = new double[n];
    double[] value = new double[n];
    for (int c = 0; c < n; c++) {
      conv[c] = chosen.conversions(c);
      value[c] = chosen.value(c);
    }
    return AttributionResult.of(NAME, journeys, conv, value, chosen.additive());
  }

  @Override
  public String toString() {
    return parameters().isEmpty() ? NAME : NAME + parameters();
  }
}
