package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.hazard.AdditiveHazardModel;
import org.engagement.attribution.hazard.ExposureHazardModel;
import org.engagement.attribution.hazard.InteractionHazardModel;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.shapley.ShaoLiModel;
import org.engagement.attribution.validation.CrossValidation;
import org.engagement.attribution.validation.RecommendedModel;
import org.engagement.attribution.validation.ValidationReport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Which rule {@code recommended} should follow where it would run {@code additive-hazard}, chosen on seeds 5 to 9,
 * which {@link RecommendedRuleAcrossSeedsTest} does not judge the rule on (it runs seeds {@value SampleWorld#SEED}
 * and 1 to 4). The 40 worlds of {@link AdditivityLevelSelectionTest} (default and drawn tables; additive, synergy
 * and slow at 5,000 people; confounded at 20,000 with holdouts, calibrated with {@code REFITTED}). Candidates:
 * <ul>
 *   <li>{@code before}: the rule before this test ({@link BeforeRule}: {@code additive-hazard} when its held-out
 *       log-loss is within 0.1 % of the channel-set rates', else {@code shao-li});
 *   <li>{@code widened where additive L}: {@code interaction-hazard} (the additive fit widened by the synergy
 *       pairs and harmful channels a one-sided score test keeps at family-wise level {@code L}) where the old
 *       rule chose {@code additive-hazard};
 *   <li>{@code widened L}: {@code interaction-hazard} wherever the additive fit is validated (the old rule's
 *       {@code additive-hazard} and {@code shao-li} alike); its credits are additive-hazard's when nothing is
 *       kept. This is the rule {@code recommended} follows at {@link InteractionHazardModel#DEFAULT_LEVEL}
 *       (checked on every world);
 *   <li>{@code one-sided shao-li L}: {@code shao-li} where that test keeps a term and the old rule chose
 *       {@code additive-hazard} (the one-sided test as a switch).
 * </ul>
 * The candidate chosen is the one under which the most worlds meet issue 13's aim (error at most 0.03, Spearman
 * at least 0.8, beats last touch and Markov order 1 on both figures); a tie goes to the lower total error. In the
 * {@code recovery} profile (about 2.5 minutes under load); {@code recovery.selectionSeeds} (comma-separated)
 * overrides the seeds.
 *
 * <p>Measured (40 worlds, the screen for synergy pairs only): before 36 of 40 (mean error 0.0231); widened where
 * additive 38 at 0.01, 1e-3 and 1e-4, 37 at 1e-6; widened 40 at 0.01 (mean error 0.0192), 1e-3 (0.0196) and 1e-4
 * (0.0198), 38 at 1e-6; one-sided shao-li 34 at every level. The criterion picks widened at 0.01 (the tie goes
 * to the lowest error), but {@link InteractionHazardModel#DEFAULT_LEVEL} is 1e-4, which meets the aim on the same
 * 40 worlds: the difference in mean error is 0.0006, and at 0.01 the screen widened the fit on 4 of the 5 default
 * additive worlds of the confirmation seeds, the bundled world among them (two pairs with press; error 0.0222
 * against additive-hazard's 0.0217), changing the report's answer on the world with no synergy, which the
 * stricter level leaves alone. That reason comes from the confirmation seeds and the bundled world, so it is a
 * judgement, stated here, not a selection; the lead may prefer 0.01 (then the report's tests on the bundled world
 * change). An earlier version of the screen also kept channels that lower conversion; it kept none on the 30
 * additive, synergy and slow worlds and a channel of no effect on 4 of the 10 calibrated confounded ones, so it
 * was dropped.
 *
 * <p>Since issue 13's adoption of the fit in exposure time, {@code recommended} runs {@code exposure-hazard}
 * ({@code exposure 1e-4} here: the same hazard and kept pairs fitted in time) on journeys with touch times, as
 * these are; that is checked on every world. It was adopted on model grounds, not by this criterion: on these 40
 * worlds it meets the aim on 39 (drawn synergy seed 6 misses, mean absolute error 0.0305 with a floor of 0.0152
 * from the harmful channel it cannot credit negatively), one fewer than {@code widened 1e-4}, with a mean error of
 * 0.0145 against 0.0198 (per row: default additive 0.0120, synergy 0.0170, slow 0.0089, calibrated confounded
 * 0.0106; drawn 0.0170, 0.0252, 0.0158, 0.0098). The test asserts at most that one world fewer and a lower total
 * error.
 */
@Tag("heavy")
class InteractionHazardSelectionTest {
  private static final double[] LEVELS = {1e-2, 1e-3, 1e-4, 1e-6};
  /** The rule {@code recommended} follows on journeys with touch times (these worlds' journeys have them). */
  private static final String RULE = "exposure " + InteractionHazardModel.DEFAULT_LEVEL;

  /** One world: the fit of each candidate and of both baselines. */
  private record Measured(String row, long seed, Map<String, AttributionRecoveryTest.Fit> candidates,
      AttributionRecoveryTest.Fit lastTouch, AttributionRecoveryTest.Fit markov) {
    boolean aimMet(String candidate) {
      return SelectionWorlds.aimMet(candidates.get(candidate), lastTouch, markov);
    }
  }

  @Test
  void choosesTheRuleOnSeedsFiveToNine() {
    AttributionModels models = AttributionModels.defaults();
    List<Measured> measured = new ArrayList<>();
    for (SelectionWorlds.Selection world : SelectionWorlds.all()) {
      measured.add(measure(world.row(), world.seed(), world.journeys(), world.truth(), models, world::attribute));
    }
    List<String> candidates = List.copyOf(measured.get(0).candidates().keySet());
    Map<String, Integer> metBy = new LinkedHashMap<>();
    Map<String, Double> errorBy = new LinkedHashMap<>();
    String chosen = "";
    int bestMet = -1;
    double bestError = Double.POSITIVE_INFINITY;
    for (String candidate : candidates) {
      int met = (int) measured.stream().filter(m -> m.aimMet(candidate)).count();
      metBy.put(candidate, met);
      double error = measured.stream().mapToDouble(m -> m.candidates().get(candidate).meanAbsoluteError()).sum();
      errorBy.put(candidate, error);
      System.out.println(String.format(Locale.ROOT, "%s: aim met on %d of %d worlds, mean error %.4f; %s",
          candidate, met, measured.size(), error / measured.size(), perRow(measured, candidate)));
      if (met > bestMet || (met == bestMet && error < bestError)) {
        chosen = candidate;
        bestMet = met;
        bestError = error;
      }
    }
    System.out.println("rule chosen: " + chosen);
    // The criterion picks widened 0.01 (40 worlds, mean error 0.0192). RecommendedModel follows exposure-hazard
    // on these timed journeys, adopted on model grounds (issue 13): 39 worlds (drawn synergy seed 6 misses), mean
    // error 0.0145; see the class comment.
    assertThat(chosen).isEqualTo("widened 0.01");
    assertThat(metBy.get(RULE)).as("worlds meeting the aim under %s, the rule RecommendedModel follows", RULE)
        .isGreaterThanOrEqualTo(bestMet - 1);
    assertThat(errorBy.get(RULE)).as("total error under %s against the widened rule's", RULE)
        .isLessThan(errorBy.get("widened " + InteractionHazardModel.DEFAULT_LEVEL));
  }

  private static Measured measure(String row, long seed, JourneySet journeys, Map<String, Double> truth,
      AttributionModels models, Function<AttributionModel, AttributionResult> run) {
    AttributionResult before = run.apply(new BeforeRule());
    boolean additive = before.notes().contains(BeforeRule.ADDITIVE);
    Map<String, AttributionRecoveryTest.Fit> fits = new LinkedHashMap<>();
    fits.put("before", AttributionRecoveryTest.Fit.of(before, truth));
    AttributionRecoveryTest.Fit shaoLi = AttributionRecoveryTest.Fit.of(run.apply(ShaoLiModel.create()), truth);
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s seed %d: before (%s) %.4f / %.2f, shao-li"
        + " %.4f / %.2f", row, seed, additive ? "additive-hazard" : "shao-li", fits.get("before").meanAbsoluteError(),
        fits.get("before").rankCorrelation(), shaoLi.meanAbsoluteError(), shaoLi.rankCorrelation()));
    Map<String, AttributionRecoveryTest.Fit> everywhere = new LinkedHashMap<>();
    Map<String, AttributionRecoveryTest.Fit> switched = new LinkedHashMap<>();
    for (double level : LEVELS) {
      AttributionResult widened = run.apply(InteractionHazardModel.of(level));
      boolean kept = widened.notes().stream().anyMatch(n -> n.contains("widened by"));
      AttributionRecoveryTest.Fit fit = AttributionRecoveryTest.Fit.of(widened, truth);
      fits.put("widened where additive " + level, additive ? fit : fits.get("before"));
      everywhere.put("widened " + level, fit);
      switched.put("one-sided shao-li " + level, additive && kept ? shaoLi : fits.get("before"));
      line.append(String.format(Locale.ROOT, ", widened %g %.4f / %.2f (%s)", level, fit.meanAbsoluteError(),
          fit.rankCorrelation(), widened.notes().stream().filter(n -> n.startsWith("interaction-hazard"))
              .findFirst().orElse("?")));
    }
    fits.putAll(everywhere);
    AttributionRecoveryTest.Fit inTime = AttributionRecoveryTest.Fit.of(run.apply(ExposureHazardModel.create()), truth);
    fits.put(RULE, inTime);
    line.append(String.format(Locale.ROOT, ", exposure-hazard %.4f / %.2f", inTime.meanAbsoluteError(),
        inTime.rankCorrelation()));
    AttributionRecoveryTest.Fit recommended = AttributionRecoveryTest.Fit.of(run.apply(RecommendedModel.create()),
        truth);
    assertThat(recommended.meanAbsoluteError()).as("recommended follows %s on %s seed %d", RULE, row, seed)
        .isCloseTo(fits.get(RULE).meanAbsoluteError(), within(1e-12));
    fits.putAll(switched);
    Measured m = new Measured(row, seed, fits,
        AttributionRecoveryTest.Fit.of(models.create("last-touch").attribute(journeys), truth),
        AttributionRecoveryTest.Fit.of(models.create("markov").attribute(journeys), truth));
    System.out.println(line.append(String.format(Locale.ROOT, "; last touch %.4f / %.2f, markov %.4f / %.2f",
        m.lastTouch().meanAbsoluteError(), m.lastTouch().rankCorrelation(), m.markov().meanAbsoluteError(),
        m.markov().rankCorrelation())));
    return m;
  }

  /** Per row: seeds whose aim is met and the mean error. */
  private static String perRow(List<Measured> measured, String candidate) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Double> errors = new LinkedHashMap<>();
    for (Measured m : measured) {
      int[] c = counts.computeIfAbsent(m.row(), r -> new int[2]);
      c[0] += m.aimMet(candidate) ? 1 : 0;
      c[1]++;
      errors.merge(m.row(), m.candidates().get(candidate).meanAbsoluteError(), Double::sum);
    }
    StringBuilder out = new StringBuilder();
    counts.forEach((row, c) -> out.append(String.format(Locale.ROOT, "%s: met %d/%d, error %.4f; ", row, c[0], c[1],
        errors.get(row) / c[1])));
    return out.toString();
  }

  /** The rule before this test, for comparison (off the Markov worlds, which this test does not run). */
  private static final class BeforeRule implements AttributionModel {
    static final String ADDITIVE = "before: additive-hazard";

    @Override
    public String name() {
      return "before";
    }

    @Override
    public ModelParameters parameters() {
      return ModelParameters.none();
    }

    @Override
    public AttributionResult attribute(JourneySet journeys) {
      ValidationReport report = CrossValidation.defaults().withAdditiveHazard(true).validate(journeys);
      double sets = report.score("channel-set").orElseThrow().logLoss();
      boolean additive = report.score(AdditiveHazardModel.NAME).map(h -> h.logLoss() <= sets * 1.001)
          .orElse(false);
      return additive ? AdditiveHazardModel.create().attribute(journeys).withNotes(List.of(ADDITIVE))
          : ShaoLiModel.create().attribute(journeys);
    }
  }
}
