package org.engagement.simulator.mix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.engagement.roi.mix.BudgetRequest;
import org.engagement.roi.mix.ChannelEffect;
import org.engagement.roi.mix.LiftTest;
import org.engagement.roi.mix.MarketingMix;
import org.engagement.roi.mix.MixData;
import org.engagement.roi.mix.MixModel;
import org.engagement.roi.mix.MixSettings;
import org.junit.jupiter.api.Test;

/**
 * The marketing mix model ({@link MarketingMix}, in engagement-roi) against simulated worlds whose carry-over and saturation are known
 * ({@link MixWorldSpec#defaults}: 8 channels, 156 weeks, one relationship channel with a 17-week half-life).
 * The tolerances are what the model achieves there (measured over seeds 1 to 4, mean share error 0.041 with the
 * default priors),
 * with a margin; the aim of 0.03 is not reached on these worlds (see the package description).
 */
class MixRecoveryTest {

  @Test
  void contributionSharesFollowTheTruthOnAverage() {
    double total = 0;
    int seeds = 2;
    for (long seed = 1; seed <= seeds; seed++) {
      MixWorld world = MixSimulation.generate(MixWorldSpec.defaults(seed));
      MixModel model = MarketingMix.fit(MixWorlds.data(world), MixSettings.weekly().withResamples(0));
      double[] truth = world.trueShares();
      double error = 0;
      for (int c = 0; c < truth.length; c++) {
        error += Math.abs(model.effect(world.channels().get(c)).share() - truth[c]) / truth.length;
      }
      total += error;
    }
    assertThat(total / seeds).isLessThan(0.06);
  }

  /**
   * Seed 3: the fit puts partnerships (17-week half-life, true ROI about 2.3) at no effect, a mode at the edge of
   * what the series allows; the model reports it at its profile posterior's mean instead (0.81 measured), says so
   * in the warning, keeps its figures consistent, and the cautious plan still holds its spend. Before the posterior
   * mean its ROI, share and contribution were 0.
   */
  @Test
  void aChannelTheSeriesCannotSeeIsReportedAtItsPosteriorMean() {
    MixWorld world = MixSimulation.generate(MixWorldSpec.defaults(3));
    MixData data = MixWorlds.data(world);
    MixModel model = MarketingMix.fit(data, MixSettings.weekly().withResamples(0));
    ChannelEffect partnerships = model.effect("partnerships");

    assertThat(model.identification().get(data.channels().indexOf("partnerships")).movable()).isFalse();
    assertThat(model.warnings()).anySatisfy(w -> assertThat(w.message()).startsWith("channel 'partnerships': the best"
        + " fit puts its effect at 0").contains("its figures are the mean over the ROIs the data allow"));
    assertThat(partnerships.roi()).isBetween(0.4, world.trueRoi(world.channels().indexOf("partnerships")));
    double summed = java.util.Arrays.stream(model.contributions("partnerships")).sum();
    assertThat(partnerships.contribution()).isCloseTo(summed, org.assertj.core.api.Assertions.within(1e-9 * summed));
    assertThat(partnerships.roi() * partnerships.spend()).isCloseTo(summed,
        org.assertj.core.api.Assertions.within(1e-9 * summed));
    assertThat(model.effects().stream().mapToDouble(ChannelEffect::share).sum())
        .isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
    double current = partnerships.spend() / data.periods().size();
    double budget = model.effects().stream().mapToDouble(ChannelEffect::spend).sum() / data.periods().size();
    assertThat(model.recommend(BudgetRequest.of(budget)).allocation("partnerships").recommended())
        .isCloseTo(current, org.assertj.core.api.Assertions.within(1e-6 * current));
  }

  @Test
  void aLiftTestMovesABiasedChannelInsideItsInterval() {
    MixWorldSpec defaults = MixWorldSpec.defaults(8);
    List<MixChannel> channels = defaults.channels().stream()
        .map(c -> c.name().equals("social") ? c.withDemandFollowing(3) : c).toList();
    MixWorld world = MixSimulation.generate(defaults.withChannels(channels));
    MixData data = MixWorlds.data(world);
    int social = world.channels().indexOf("social");
    int from = 52;
    int to = 77;
    double truth = world.trueContribution(social, from, to);
    LiftTest test = new LiftTest("social", data.periods().get(from), data.periods().get(to), truth,
        0.85 * truth, 1.15 * truth);
    MixSettings settings = MixSettings.weekly().withResamples(0);

    double uncalibrated = MarketingMix.fit(data, settings).contribution("social", from, to);
    double calibrated = MarketingMix.fit(data, settings, List.of(test)).contribution("social", from, to);

    // seed 8: the bias shows (uncalibrated 320,619 against a truth of 236,150); with seed 7 the noise hides it
    assertThat(uncalibrated).as("the unobserved demand biases the channel").isGreaterThan(test.high());
    assertThat(calibrated).isBetween(test.low(), test.high());
  }
}
