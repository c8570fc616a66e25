package org.engagement.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.calibration.LiftCalibration;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.attribution.calibration.UntestedChannels;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.assertj.core.api.SoftAssertions;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the calibrated confounded world on the drawn channel tables of fresh seeds (10 to 14; property
 * {@code recovery.freshSeeds}), with {@code exposure-hazard}, the model {@code recommended} now settles on. With the
 * time-free rule this setting's seed 13 missed the rank aim (Spearman 0.767) and was never re-run; here every seed
 * of the set it came from is run, not the miss alone, so the figures say how the rule fares on the setting.
 * Each world: 20,000 people, half of facebook-ads', google-ads' and direct's audiences held out at random, the
 * lifts estimated from the holdouts in buyers ({@link ExperimentCalibrationRecoveryTest#lifts(World)}), the credits
 * calibrated with {@code REFITTED}, on two kinds of journeys:
 * <ul>
 *   <li>{@code first purchase}: journeys to a first purchase, as the README's table and
 *       {@link RecommendedRuleAcrossSeedsTest} count them;
 *   <li>{@code every purchase}: a journey per purchase with a lookback covering the data (25 months on these
 *       24-month worlds), as the report cuts them ({@link RepeatPurchaseExposureSelectionTest}'s worlds).
 * </ul>
 * Printed per world: recommended's choice and error / Spearman; whether it meets the aim against last touch and
 * Markov order 1 uncalibrated (the README table's criterion) and calibrated with the same holdouts (the selection
 * tests' stricter one); its Spearman over the untested channels alone; the same calibration given exact
 * experiments; and where an aim is missed each channel's true and calibrated share and each experiment's
 * interval against the true incremental conversions, to say why. In the {@code recovery} profile (20,000-person
 * worlds). What it asserts, and the figures it was set on, are in the method's javadoc.
 */
@Tag("heavy")
class FreshSeedsCalibratedConfoundedTest {
  private static final Pattern COMMA = Pattern.compile(",");
  private static final List<String> SUSPECT = List.of("facebook-ads", "google-ads", "direct");
  private static final Duration WHOLE = Duration.ofDays(31L * 25);
  private static final String FIRST = "first purchase";
  private static final String EVERY = "every purchase";

  /**
   * One world under one kind of journeys: recommended calibrated by the holdouts; the baselines uncalibrated (as
   * the README's table and {@link RecommendedRuleAcrossSeedsTest} judge them) and calibrated the same way (as
   * {@link SelectionWorlds} does); recommended calibrated with exact experiments; and recommended's rank
   * correlation over the untested channels alone.
   */
  private record Measured(String kind, long seed, String choice, AttributionRecoveryTest.Fit recommended,
      AttributionRecoveryTest.Fit lastTouch, AttributionRecoveryTest.Fit markov,
      AttributionRecoveryTest.Fit calibratedLastTouch, AttributionRecoveryTest.Fit calibratedMarkov,
      AttributionRecoveryTest.Fit exact, double untestedSpearman) {
    /** The README table's criterion: the aim, against the baselines as a marketer runs them (uncalibrated). */
    boolean aimMet() {
      return SelectionWorlds.aimMet(recommended, lastTouch, markov);
    }

    /** The selection tests' stricter criterion: the aim, against baselines calibrated with the same holdouts. */
    boolean aimMetAgainstCalibratedBaselines() {
      return SelectionWorlds.aimMet(recommended, calibratedLastTouch, calibratedMarkov);
    }
  }

  /**
   * Measured (2026-12-06, seeds 10 to 14; error / Spearman of recommended, which ran {@code exposure-hazard} on
   * all ten): journeys to a first purchase 0.0102 / 0.899, 0.0104 / 0.963, 0.0081 / 0.902, 0.0138 / 0.767,
   * 0.0068 / 0.963; journeys of every purchase 0.0216 / 0.858, 0.0452 / 0.926, 0.0061 / 0.939, 0.0125 / 0.752,
   * 0.0125 / 0.865. Seed 13's rank miss (0.767, the figure the time-free rule had) is the experiments': the
   * three tested channels cause nothing, their holdouts estimate 43.0 [-45.4, 131.3] (facebook-ads), -38.4
   * [-126.2, 49.4] (direct) and 79.0 [-9.1, 167.1] (google-ads) conversions, every interval covering the true 0
   * but about ±88 wide, and the calibration gives them those estimates (shares 0.018, -0.016, 0.033), which
   * rank google-ads and facebook-ads above blog, partner referrals and trade shows (true 34, 18 and 2
   * conversions); the seven untested channels are ranked exactly as the truth ranks them (Spearman 1.000 over
   * them), and given exact experiments the same calibration scores 0.0051 / 0.981. Against the uncalibrated
   * baselines (last touch 0.156-0.161 / -0.41 to -0.31) the aim is met on 4 of 5 seeds with journeys to a first
   * purchase and 3 of 5 with journeys of every purchase; against baselines calibrated with the same holdouts (last
   * touch 0.018-0.030 / 0.91-0.99) on none, recommended's error always lower and its Spearman not always higher.
   * With exact experiments all 5 meet the error and rank aims (first purchase). The every purchase figures were
   * printed, not asserted then (seed 11's 0.045: newsletter, true 0.245, gets 0.080 there, blog and X the
   * difference; not an experiment's doing, its journeys to a first purchase score 0.010).
   *
   * <p>Also run once on seeds 20 to 24 ({@code -Drecovery.freshSeeds=20,21,22,23,24}, green, 54 s): first
   * purchase 5 of 5 (0.0107 / 0.865, 0.0076 / 0.902, 0.0126 / 0.865, 0.0158 / 0.988, 0.0117 / 0.914), every
   * purchase 3 of 5 (seed 20 on rank, 0.0167 / 0.775; seed 23 on error, 0.0494 / 0.818: newsletter, true 0.141,
   * and blog, 0.066, get nothing, exact experiments 0.0430, so the model again, as at seed 11).
   *
   * <p>The newsletter's misses were {@code exposure-hazard} following the journeys of people who did not buy to
   * their last touch, long after they left the market (26 weeks) while steady channels kept touching them; since
   * the model follows a journey at most to the horizon of the observed conversions ({@code ExposureHazardModel},
   * "The horizon"; 2026-12-06): every purchase 0.0105 / 0.899, 0.0141 / 0.988, 0.0060 / 0.939, 0.0103 / 0.767,
   * 0.0074 / 0.963 (seeds 10 to 14: the aim met on 4, seed 13 by its experiments' rank as above) and 0.0124 /
   * 0.865, 0.0067 / 0.902, 0.0110 / 0.865, 0.0236 / 0.988, 0.0097 / 0.926 (seeds 20 to 24: on 5); first purchase
   * within 0.0005 of the figures above. So both kinds of journeys are asserted the same way: the error aim on
   * every seed and better than the uncalibrated baselines on both figures; where the rank aim is missed, the
   * untested channels ranked as the truth ranks them (Spearman at least 0.95) and the same calibration given exact
   * experiments meeting the aim.
   */
  @Test
  void calibratedConfoundedDrawnWorldsOfFreshSeeds() {
    List<Measured> measured = new ArrayList<>();
    for (long seed : seeds()) {
      World world = WorldGenerator.generate(WorldSpec.builder().seed(seed).customers(20_000)
          .mechanism(WorldMechanism.CONFOUNDED).channels(WorldSpec.drawnChannels(seed))
          .holdouts(SUSPECT.stream().map(c -> new Holdout(c, 0.5)).toList()).build());
      WorldFiles files = ExperimentCalibrationRecoveryTest.files(world);
      List<LiftResult> lifts = ExperimentCalibrationRecoveryTest.lifts(world);
      JourneySet first = AttributionRecoveryTest.journeys(files, Duration.ofDays(7L * world.spec().inMarketWeeks()));
      JourneySet every = JourneyRules.defaults().withLookback(WHOLE).journeys(world.interactions()).toJourneySet();
      measured.add(measure(FIRST, seed, world, first, lifts));
      measured.add(measure(EVERY, seed, world, every, lifts));
    }
    for (String kind : List.of(FIRST, EVERY)) {
      List<Measured> of = measured.stream().filter(m -> m.kind().equals(kind)).toList();
      System.out.printf(Locale.ROOT, "%s: the aim met on %d of %d against the uncalibrated baselines, %d against"
          + " calibrated ones; mean error %.4f; with exact experiments %d meet the error and rank aims%n", kind,
          of.stream().filter(Measured::aimMet).count(), of.size(),
          of.stream().filter(Measured::aimMetAgainstCalibratedBaselines).count(),
          of.stream().mapToDouble(m -> m.recommended().meanAbsoluteError()).average().orElseThrow(),
          of.stream().filter(m -> m.exact().meanAbsoluteError() <= 0.03 && m.exact().rankCorrelation() >= 0.8)
              .count());
    }
    SoftAssertions softly = new SoftAssertions();
    measured.forEach(m -> {
      String description = "seed " + m.seed() + ", " + m.kind();
      softly.assertThat(m.recommended().meanAbsoluteError()).as(description).isLessThanOrEqualTo(0.03);
      softly.assertThat(RecommendedRuleAcrossSeedsTest.beats(Map.of("recommended", m.recommended(), "last-touch",
          m.lastTouch(), "markov", m.markov()))).as(description + ": beats the uncalibrated baselines").isTrue();
      if (m.recommended().rankCorrelation() < 0.8) {
        softly.assertThat(m.untestedSpearman()).as(description + ": the untested channels' ranks")
            .isGreaterThanOrEqualTo(0.95);
        softly.assertThat(m.exact().meanAbsoluteError()).as(description + ", exact experiments")
            .isLessThanOrEqualTo(0.03);
        softly.assertThat(m.exact().rankCorrelation()).as(description + ", exact experiments")
            .isGreaterThanOrEqualTo(0.8);
      }
    });
    softly.assertAll();
  }

  private static Measured measure(String kind, long seed, World world, JourneySet journeys, List<LiftResult> lifts) {
    AttributionModels models = AttributionModels.defaults();
    Map<String, Double> truth = world.truth().shares();
    Map<String, Long> trueCounts = new LinkedHashMap<>();
    world.truth().channels().forEach(c -> trueCounts.put(c.channel(), c.incrementalConversions()));
    List<LiftResult> exactLifts = lifts.stream().map(l -> {
      double conversions = trueCounts.get(l.channel());
      return new LiftResult(l.channel(), conversions, conversions, conversions);
    }).toList();
    AttributionResult recommended = calibrate(models.create("recommended"), journeys, lifts);
    AttributionRecoveryTest.Fit fit = AttributionRecoveryTest.Fit.of(recommended, truth);
    Measured m = new Measured(kind, seed, choice(recommended), fit,
        AttributionRecoveryTest.Fit.of(models.create("last-touch").attribute(journeys), truth),
        AttributionRecoveryTest.Fit.of(models.create("markov").attribute(journeys), truth),
        AttributionRecoveryTest.Fit.of(calibrate(models.create("last-touch"), journeys, lifts), truth),
        AttributionRecoveryTest.Fit.of(calibrate(models.create("markov"), journeys, lifts), truth),
        AttributionRecoveryTest.Fit.of(calibrate(models.create("recommended"), journeys, exactLifts), truth),
        untestedSpearman(fit, truth, lifts));
    System.out.printf(Locale.ROOT, "drawn confounded calibrated seed %d, %s: recommended (%s) %.4f / %.3f, aim"
        + " %s (against calibrated baselines %s), untested channels' Spearman %.3f, exact experiments %.4f /"
        + " %.3f; last touch %.4f / %.3f (calibrated %.4f / %.3f); markov %.4f / %.3f (calibrated %.4f / %.3f)%n",
        seed, kind, m.choice(), fit.meanAbsoluteError(), fit.rankCorrelation(), m.aimMet() ? "met" : "MISSED",
        m.aimMetAgainstCalibratedBaselines() ? "met" : "missed", m.untestedSpearman(),
        m.exact().meanAbsoluteError(), m.exact().rankCorrelation(), m.lastTouch().meanAbsoluteError(),
        m.lastTouch().rankCorrelation(), m.calibratedLastTouch().meanAbsoluteError(),
        m.calibratedLastTouch().rankCorrelation(), m.markov().meanAbsoluteError(), m.markov().rankCorrelation(),
        m.calibratedMarkov().meanAbsoluteError(), m.calibratedMarkov().rankCorrelation());
    if (!m.aimMet() || fit.rankCorrelation() < 0.8) {
      explain(m, lifts, truth, trueCounts);
    }
    return m;
  }

  /** Per channel: true share, recommended's and last touch's; per experiment: its interval and the truth. */
  private static void explain(Measured m, List<LiftResult> lifts, Map<String, Double> truth,
      Map<String, Long> trueCounts) {
    truth.forEach((channel, share) -> System.out.printf(Locale.ROOT,
        "  %-18s true %.4f (%d)  recommended %.4f  exact experiments %.4f  last touch %.4f%n", channel, share,
        trueCounts.get(channel), m.recommended().shares().get(channel), m.exact().shares().get(channel),
        m.lastTouch().shares().get(channel)));
    lifts.forEach(l -> System.out.printf(Locale.ROOT, "  experiment %-14s %.1f [%.1f, %.1f] against true %d%s%n",
        l.channel(), l.incrementalConversions(), l.low(), l.high(), trueCounts.get(l.channel()),
        l.contains(trueCounts.get(l.channel())) ? "" : " (interval misses the truth)"));
  }

  /** Spearman's correlation of the shares with the truth over the channels no experiment tested. */
  private static double untestedSpearman(AttributionRecoveryTest.Fit fit, Map<String, Double> truth,
      List<LiftResult> lifts) {
    List<String> tested = lifts.stream().map(LiftResult::channel).toList();
    List<String> untested = truth.keySet().stream().filter(c -> !tested.contains(c)).toList();
    return new SpearmansCorrelation().correlation(untested.stream().mapToDouble(c -> fit.shares().get(c)).toArray(),
        untested.stream().mapToDouble(truth::get).toArray());
  }

  private static AttributionResult calibrate(AttributionModel model, JourneySet journeys, List<LiftResult> lifts) {
    return LiftCalibration.defaults().withUntested(UntestedChannels.REFITTED).calibrate(model, journeys, lifts);
  }

  private static String choice(AttributionResult result) {
    return result.notes().stream().filter(n -> n.startsWith("recommended: ")).findFirst()
        .map(n -> n.substring("recommended: ".length()).split(",| \\(", 2)[0]).orElse("?");
  }

  private static long[] seeds() {
    return COMMA.splitAsStream(System.getProperty("recovery.freshSeeds", "10,11,12,13,14")).map(String::strip)
        .mapToLong(Long::parseLong).toArray();
  }
}
