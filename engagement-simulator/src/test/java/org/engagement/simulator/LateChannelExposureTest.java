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
 * Why the time-free hazard fits ({@code additive-hazard}, {@code interaction-hazard}, which {@code recommended} ran
 * before {@code exposure-hazard}) did not beat last touch on three drawn worlds of
 * {@link RecommendedRuleAcrossSeedsTest} (additive and slow seed 1 — the same world, its table has no early
 * channel —, synergy seeds 1 and 3), and that {@code exposure-hazard} recovers what they lose: in the
 * {@code recovery} profile (about a minute).
 *
 * <p><b>Model and truth are normalised alike.</b> {@link GroundTruth} divides each channel's incremental first
 * purchases (counterfactual replay without it) by the sum of their absolute values, not by the first purchases;
 * the hazard models divide each channel's removal effect by their sum. So the baseline's conversions, which those
 * models spread over the channels in proportion to the removal effects, move no share. The one difference is a
 * harmful channel (the synergy worlds' email): the truth's share is negative and counts in the denominator, while
 * the models' effects are at least 0 by design ({@code InteractionHazardModel}'s javadoc says why); that alone
 * costs at least {@code 2 |share| / 10} of the mean absolute error (0.0125 on synergy seed 1, 0.0142 on seed 3).
 *
 * <p><b>The cause: the channel sets are time-free.</b> On each of the three worlds the channels of
 * {@link TouchTiming#LATE} timing (touching from day 60 on) are credited far below their truth by the time-free
 * fits, and the channels that touch from the start above it. A converted journey's channel set is cut at the
 * conversion, so a late channel is missing from the sets of everyone who bought before day 60 and present in the
 * sets of those still undecided by then, who convert less: the time-free fit reads that selection as a weak
 * channel. Last touch credits the same channels because they close. {@code exposure-hazard} fits the same
 * additive hazard (and the same kept synergy pairs) in time, a channel counting only after its first touch; it
 * recovers the late channels and beats last touch on both figures on all three worlds. Measured (mean absolute
 * error of shares / Spearman), with h-truth7's test diagnostic ({@code ExposureTimeHazard}, BOBYQA on a vector per
 * journey, now {@code ExposureTimeReference} in engagement-attribution's tests), whose shares the SDK model
 * matched to 1e-6 on these three worlds before the diagnostic was removed:
 * <ul>
 *   <li>drawn additive seed 1: time-free (additive-hazard) 0.0277 / 0.95; last touch 0.0273 / 0.94;
 *       exposure-hazard 0.0101 / 0.95. Late channels, truth / time-free / in time: linkedin 0.075 / 0.036 / 0.097,
 *       blog 0.071 / 0.022 / 0.069, partner-referral 0.021 / 0.004 / 0.018;
 *   <li>drawn synergy seed 1: time-free (interaction-hazard) 0.0348 / 0.95; last touch 0.0256 / 0.96;
 *       exposure-hazard with the kept pair 0.0180 / 1.00 (linkedin 0.068 / 0.026 / 0.089, blog 0.065 / 0.022 /
 *       0.070);
 *   <li>drawn synergy seed 3: time-free 0.0238 / 0.95; last touch 0.0504 / 0.98; exposure-hazard 0.0194 / 0.99.
 *       Here the time-free miss is the rank: the late trade-show (truth 0.013) gets 0 from the set fit, tied with
 *       the harmful email and a channel of next to no effect; in time it gets 0.015. The late channels' summed
 *       error falls less here (0.023 to 0.019) than on seed 1 (0.104 to 0.027 additive, 0.103 to 0.041 synergy).
 * </ul>
 * These are confirmation seeds and the diagnosis was made on them (the end of a non-converter's time at risk, its
 * last touch, was preferred to the simulator's arrival and market exit by looking at them), so they prove
 * nothing about the rule; {@link RecommendedRuleAcrossSeedsTest} and {@code InteractionHazardSelectionTest} give
 * the figures on every seed set.
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
      AttributionRecoveryTest.Fit timeFree = AttributionRecoveryTest.Fit.of(
          MODELS.create("interaction-hazard").attribute(journeys), truth);
      AttributionRecoveryTest.Fit lastTouch = AttributionRecoveryTest.Fit.of(
          MODELS.create("last-touch").attribute(journeys), truth);
      AttributionRecoveryTest.Fit inTime = AttributionRecoveryTest.Fit.of(
          MODELS.create("exposure-hazard").attribute(journeys), truth);
      String description = "drawn " + missed.mechanism().id() + " seed " + missed.seed();
      print(description, world, truth, Map.of("time-free", timeFree, "last-touch", lastTouch,
          "exposure-hazard", inTime));
      double lateErrorNow = 0;
      double lateErrorInTime = 0;
      for (ChannelSpec channel : world.spec().channels()) {
        double share = truth.get(channel.id());
        if (channel.timing() != TouchTiming.LATE || !(share > 0)) {
          continue;
        }
        softly.assertThat(timeFree.shares().get(channel.id())).as("%s: %s, late, under-credited", description,
            channel.id()).isLessThan(share - 0.01);
        lateErrorNow += Math.abs(timeFree.shares().get(channel.id()) - share);
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
    List.of("time-free", "last-touch", "exposure-hazard").forEach(name -> ordered.put(name, fits.get(name)));
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
