package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.journey.JourneySet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Why {@code recommended} does not beat last touch on three drawn worlds of {@link RecommendedRuleAcrossSeedsTest}
 * (additive and slow seed 1 — the same world, its table has no early channel —, synergy seeds 1 and 3): the
 * diagnosis, in the {@code recovery} profile (about a minute). It asserts the cause; it changes no rule.
 *
 * <p><b>Model and truth are normalised alike.</b> {@link GroundTruth} divides each channel's incremental first
 * purchases (counterfactual replay without it) by the sum of their absolute values, not by the first purchases;
 * {@code additive-hazard} and {@code interaction-hazard} divide each channel's removal effect by their sum. So
 * the baseline's conversions, which those models spread over the channels in proportion to the removal effects,
 * move no share: leaving them out gives the same shares, and the hypothesis that they flatten the shares is wrong.
 * The one difference is a harmful channel (the synergy worlds' email): the truth's share is negative and counts in
 * the denominator, while the models' effects are at least 0 by design ({@code InteractionHazardModel}'s javadoc
 * says why); that alone costs at least {@code 2 |share| / 10} of the mean absolute error (0.0125 on synergy seed
 * 1, 0.0142 on seed 3).
 *
 * <p><b>The cause: the channel sets are time-free.</b> On each of the three worlds the channels of
 * {@link TouchTiming#LATE} timing (touching from day 60 on) are credited far below their truth by the hazard
 * models, and the channels that touch from the start (steady or early) above it. A converted journey's channel set is cut at the conversion, so a late
 * channel is missing from the sets of everyone who bought before day 60 and present in the sets of those still
 * undecided by then, who convert less: the time-free fit reads that selection as a weak channel. Last touch credits
 * the same channels because they close. {@link ExposureTimeHazard} fits the same additive hazard (and the same
 * kept synergy pairs) in time, a channel counting only after its first touch; it recovers the late channels and
 * beats last touch on both figures on all three worlds. Measured (mean absolute error of shares / Spearman):
 * <ul>
 *   <li>drawn additive seed 1: recommended (additive-hazard) 0.0277 / 0.95; last touch 0.0273 / 0.94; exposure
 *       time 0.0101 / 0.95. Late channels, truth / additive-hazard / exposure time: linkedin 0.075 / 0.036 / 0.097,
 *       blog 0.071 / 0.022 / 0.069, partner-referral 0.021 / 0.004 / 0.018;
 *   <li>drawn synergy seed 1: recommended (interaction-hazard) 0.0348 / 0.95; last touch 0.0256 / 0.96; exposure
 *       time with the kept pair 0.0180 / 1.00 (linkedin 0.068 / 0.026 / 0.089, blog 0.065 / 0.022 / 0.070);
 *   <li>drawn synergy seed 3: recommended 0.0238 / 0.95; last touch 0.0504 / 0.98; exposure time 0.0194 / 0.99.
 *       Here the miss is the rank: the late trade-show (truth 0.013) gets 0 from the set fit, tied with the
 *       harmful email and a channel of next to no effect and below the blog (0.0015 for a truth of 0.003); in time
 *       it gets 0.015. The late channels' summed error falls less here (0.023 to 0.019; partner-referral goes from
 *       0.081 to 0.108 against 0.091) than on seed 1 (0.104 to 0.027 additive, 0.103 to 0.041 synergy).
 * </ul>
 * These are confirmation seeds; the diagnosis was made on them (and the end of a non-converter's time at risk, its
 * last touch, was preferred to the simulator's own arrival and market exit by looking at them), so they prove
 * nothing about a rule. Measured with a scratch driver running the same fit (identical figures on these three
 * worlds), additive, synergy and slow worlds, aim met / mean error, recommended against the exposure-time fit:
 * selection seeds 5-9, 30 of 30 / 0.0222 against 29 of 30 / 0.0160 (the miss: drawn synergy seed 6, 0.0305 / 0.89);
 * seeds 20240101 and 1-4, 26 of 30 / 0.0230 against 30 of 30 / 0.0139; fresh seeds 10-14, drawn 11 of 15 / 0.0265
 * against 13 of 15 / 0.0151, default 15 of 15 / 0.0212 against 15 of 15 / 0.0126; fresh drawn seeds 15-19, 14 of 15
 * / 0.0207 against 15 of 15 / 0.0184 (its mean Spearman is a little lower on drawn tables: 0.944-0.950 against
 * 0.959-0.965). The selection criterion (most selection worlds meeting the aim, then the lowest
 * error) does not pick it, so {@code recommended} is unchanged; whether to adopt a time-aware fit despite the one
 * selection world, and how (it needs touch times, and the calibrated confounded worlds were not measured), is left
 * to a decision.
 */
@Tag("heavy")
class LateChannelExposureTest {
  private static final AttributionModels MODELS = AttributionModels.defaults();

  private record Missed(WorldMechanism mechanism, long seed) {}

  private static final List<Missed> MISSED = List.of(new Missed(WorldMechanism.ADDITIVE, 1),
      new Missed(WorldMechanism.SYNERGY, 1), new Missed(WorldMechanism.SYNERGY, 3));

  @Test
  void theTruthCountsAHarmfulChannelInItsDenominatorAndTheModelsCannot() {
    World world = world(new Missed(WorldMechanism.SYNERGY, 1));
    GroundTruth truth = world.truth();
    double absolute = truth.channels().stream().mapToDouble(row -> Math.abs(row.share())).sum();
    long incremental = truth.channels().stream().mapToLong(row -> Math.abs(row.incrementalConversions())).sum();
    assertThat(absolute).isCloseTo(1, within(1e-12));
    assertThat(incremental).as("normalised over removal effects, not first purchases")
        .isNotEqualTo(truth.firstPurchases());
    assertThat(truth.share("newsletter")).as("the harmful email's true share").isNegative();
    JourneySet journeys = journeys(world);
    AttributionRecoveryTest.Fit recommended = AttributionRecoveryTest.Fit.of(
        MODELS.create("recommended").attribute(journeys), truth.shares());
    assertThat(recommended.shares().values()).allSatisfy(share -> assertThat(share).isNotNegative());
    assertThat(recommended.meanAbsoluteError()).as("at least the floor a harmful channel sets")
        .isGreaterThanOrEqualTo(2 * Math.abs(truth.share("newsletter")) / truth.channels().size());
  }

  @Test
  void theHazardFitsUnderCreditLateChannelsAndAFitInTimeRecoversThem() {
    SoftAssertions softly = new SoftAssertions();
    for (Missed missed : MISSED) {
      World world = world(missed);
      JourneySet journeys = journeys(world);
      Map<String, Double> truth = world.truth().shares();
      AttributionRecoveryTest.Fit recommended = AttributionRecoveryTest.Fit.of(
          MODELS.create("recommended").attribute(journeys), truth);
      AttributionRecoveryTest.Fit lastTouch = AttributionRecoveryTest.Fit.of(
          MODELS.create("last-touch").attribute(journeys), truth);
      AttributionRecoveryTest.Fit inTime = AttributionRecoveryTest.Fit.of(ExposureTimeHazard.attribute(journeys), truth);
      String description = "drawn " + missed.mechanism().id() + " seed " + missed.seed();
      print(description, world, truth, Map.of("recommended", recommended, "last-touch", lastTouch,
          "exposure-time", inTime));
      double lateErrorNow = 0;
      double lateErrorInTime = 0;
      for (ChannelSpec channel : world.spec().channels()) {
        double share = truth.get(channel.id());
        if (channel.timing() != TouchTiming.LATE || !(share > 0)) {
          continue;
        }
        softly.assertThat(recommended.shares().get(channel.id())).as("%s: %s, late, under-credited", description,
            channel.id()).isLessThan(share - 0.01);
        lateErrorNow += Math.abs(recommended.shares().get(channel.id()) - share);
        lateErrorInTime += Math.abs(inTime.shares().get(channel.id()) - share);
      }
      softly.assertThat(lateErrorInTime).as("%s: late channels' error in time against now", description)
          .isLessThan(lateErrorNow);
      softly.assertThat(inTime.meanAbsoluteError()).as(description).isLessThan(lastTouch.meanAbsoluteError());
      softly.assertThat(inTime.rankCorrelation()).as(description).isGreaterThan(lastTouch.rankCorrelation());
    }
    softly.assertAll();
  }

  private static World world(Missed missed) {
    return WorldGenerator.generate(WorldSpec.builder().seed(missed.seed()).mechanism(missed.mechanism())
        .channels(WorldSpec.drawnChannels(missed.seed())).build());
  }

  private static JourneySet journeys(World world) {
    return AttributionRecoveryTest.journeys(ExperimentCalibrationRecoveryTest.files(world),
        Duration.ofDays(7L * world.spec().inMarketWeeks()));
  }

  private static void print(String description, World world, Map<String, Double> truth,
      Map<String, AttributionRecoveryTest.Fit> fits) {
    Map<String, AttributionRecoveryTest.Fit> ordered = new LinkedHashMap<>();
    List.of("recommended", "last-touch", "exposure-time").forEach(name -> ordered.put(name, fits.get(name)));
    StringBuilder out = new StringBuilder(description);
    ordered.forEach((name, fit) -> out.append(String.format(Locale.ROOT, " %s %.4f / %.2f,", name,
        fit.meanAbsoluteError(), fit.rankCorrelation())));
    out.append(System.lineSeparator());
    for (ChannelSpec channel : world.spec().channels()) {
      out.append(String.format(Locale.ROOT, "  %-17s %-6s lift %.3f truth %.4f", channel.id(), channel.timing(),
          channel.lift(), truth.get(channel.id())));
      ordered.forEach((name, fit) -> out.append(String.format(Locale.ROOT, " %s %.4f", name,
          fit.shares().get(channel.id()))));
      out.append(System.lineSeparator());
    }
    System.out.print(out);
  }
}
