package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.hazard.AdditiveHazardModel;
import org.engagement.attribution.hazard.AdditivityTest;
import org.engagement.attribution.shapley.ShaoLiModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Whether, and at which level, {@code recommended} should switch from additive-hazard to shao-li when the
 * additivity test ({@link AdditivityTest}) rejects, chosen on seeds 5 to 9, which
 * {@link RecommendedRuleAcrossSeedsTest} does not judge the rule on (it runs seeds {@value SampleWorld#SEED} and 1
 * to 4). On each seed, both channel tables (default and drawn) and the worlds
 * where the level matters (additive, synergy and slow at 5,000 people; confounded at 20,000 with holdouts on
 * facebook-ads, google-ads and direct, calibrated with {@code REFITTED}), the test's p-value and the credits of
 * both candidates (additive-hazard and shao-li, calibrated on the confounded world) are measured once; each
 * candidate level then picks, per world, shao-li when p is below it (level 0: never switches). The level chosen
 * is the one under which the most worlds meet issue 13's aim (error at most 0.03, Spearman at least 0.8, beats
 * last touch and Markov order 1 on both figures); a tie goes to the lower total error. In the {@code recovery}
 * profile (about 12 minutes under load); {@code recovery.selectionSeeds} (comma-separated) overrides the seeds.
 *
 * <p>Measured (40 worlds): every level from 0.2 to 1e-6 meets the aim on 31, never switching on 34; so
 * {@code recommended} reports the test in its notes and does not switch on it (asserted). The test rejects on
 * all ten synergy worlds (p below 1e-13) but shao-li is no better there on the default table (0.028 to 0.032
 * against additive-hazard's 0.027 to 0.029), and it rejects on every calibrated confounded world (p below 1e-8:
 * intent that differs between people makes effects sub-additive), where additive-hazard's calibrated credits are
 * far better (0.009 to 0.021 against 0.014 to 0.037).
 *
 * <p>Since then {@link InteractionHazardSelectionTest} chose, on the same seeds, a one-sided screen that widens
 * the additive fit by the synergy pairs and harmful channels it keeps ({@code interaction-hazard}), which is what
 * {@code recommended} now does; this test keeps the record of why the two-sided test does not switch to
 * {@code shao-li}.
 */
@Tag("heavy")
class AdditivityLevelSelectionTest {
  private static final double[] LEVELS = {0.2, 0.05, 0.01, 1e-3, 1e-4, 1e-6, 0};

  /** One world's measurements: the test's p-value and the fits of both candidates and both baselines. */
  private record Measured(String row, long seed, double pValue, AttributionRecoveryTest.Fit additive,
      AttributionRecoveryTest.Fit shaoLi, AttributionRecoveryTest.Fit lastTouch, AttributionRecoveryTest.Fit markov) {
    AttributionRecoveryTest.Fit chosen(double level) {
      return pValue < level ? shaoLi : additive;
    }

    boolean aimMet(double level) {
      return SelectionWorlds.aimMet(chosen(level), lastTouch, markov);
    }
  }

  @Test
  void onSeedsFiveToNineSwitchingOnTheTestMeetsTheAimLessOftenThanNotSwitching() {
    AttributionModels models = AttributionModels.defaults();
    List<Measured> measured = new ArrayList<>();
    for (SelectionWorlds.Selection world : SelectionWorlds.all()) {
      Map<String, Double> truth = world.truth();
      measured.add(print(new Measured(world.row(), world.seed(), AdditivityTest.of(world.fitted()).pValue(),
          AttributionRecoveryTest.Fit.of(world.attribute(AdditiveHazardModel.create()), truth),
          AttributionRecoveryTest.Fit.of(world.attribute(ShaoLiModel.create()), truth),
          AttributionRecoveryTest.Fit.of(models.create("last-touch").attribute(world.journeys()), truth),
          AttributionRecoveryTest.Fit.of(models.create("markov").attribute(world.journeys()), truth))));
    }
    double chosen = Double.NaN;
    int bestMet = -1;
    double bestError = Double.POSITIVE_INFINITY;
    for (double level : LEVELS) {
      int met = (int) measured.stream().filter(m -> m.aimMet(level)).count();
      double error = measured.stream().mapToDouble(m -> m.chosen(level).meanAbsoluteError()).sum();
      System.out.println(String.format(Locale.ROOT, "level %g: aim met on %d of %d worlds, mean error %.4f; %s",
          level, met, measured.size(), error / measured.size(), perRow(measured, level)));
      if (met > bestMet || (met == bestMet && error < bestError)) {
        chosen = level;
        bestMet = met;
        bestError = error;
      }
    }
    System.out.println("level chosen: " + chosen);
    assertThat(chosen).as("the level chosen; 0: never switch to shao-li on the two-sided test").isZero();
  }

  private static Measured print(Measured m) {
    System.out.println(String.format(Locale.ROOT, "%s seed %d: p %.3g; additive-hazard %.4f / %.2f, shao-li %.4f /"
        + " %.2f, last touch %.4f / %.2f, markov %.4f / %.2f", m.row(), m.seed(), m.pValue(),
        m.additive().meanAbsoluteError(), m.additive().rankCorrelation(), m.shaoLi().meanAbsoluteError(),
        m.shaoLi().rankCorrelation(), m.lastTouch().meanAbsoluteError(), m.lastTouch().rankCorrelation(),
        m.markov().meanAbsoluteError(), m.markov().rankCorrelation()));
    return m;
  }

  /** Per row: seeds whose aim is met, shao-li chosen, mean error of the chosen credits. */
  private static String perRow(List<Measured> measured, double level) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Double> errors = new LinkedHashMap<>();
    for (Measured m : measured) {
      int[] c = counts.computeIfAbsent(m.row(), r -> new int[3]);
      c[0] += m.aimMet(level) ? 1 : 0;
      c[1] += m.pValue() < level ? 1 : 0;
      c[2]++;
      errors.merge(m.row(), m.chosen(level).meanAbsoluteError(), Double::sum);
    }
    StringBuilder out = new StringBuilder();
    counts.forEach((row, c) -> out.append(String.format(Locale.ROOT, "%s: met %d/%d, shao-li %d, error %.4f; ", row,
        c[0], c[2], c[1], errors.get(row) / c[2])));
    return out.toString();
  }
}
