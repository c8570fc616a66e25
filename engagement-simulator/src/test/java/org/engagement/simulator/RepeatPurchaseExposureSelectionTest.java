package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.calibration.LiftCalibration;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.attribution.calibration.UntestedChannels;
import org.engagement.attribution.hazard.ExposureHazardModel;
import org.engagement.attribution.hazard.InteractionHazardModel;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.validation.RecommendedModel;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the clock of {@code exposure-hazard} on journeys that count every purchase (a journey per purchase,
 * as the report cuts them), chosen on the selection seeds (5 to 9; property {@code recovery.selectionSeeds}) and
 * the 40 worlds of {@link SelectionWorlds} (default and drawn tables; additive, synergy and slow at 5,000
 * people; confounded at 20,000 with holdouts, calibrated with {@code REFITTED}), but with the report's journeys:
 * every interaction type a touch, every purchase a conversion. Candidates:
 * <ul>
 *   <li>{@code strata}: {@code exposure-hazard} as it is, journeys after a purchase a stratum of their own;
 *   <li>{@code single clock}: the same model on the same journeys with each journey given a customer of its
 *       own, so every journey is a first journey (the model before the strata);
 *   <li>{@code time-free}: {@code interaction-hazard} (additive-hazard where no pair is kept).
 * </ul>
 * Each with two lookbacks: one that cuts nothing (25 months on these 24-month worlds) and 90 days (the report's
 * until its lookback was made to cover the data, after this selection).
 * The model was written down before the run (see {@link ExposureHazardModel}, "Repeat purchases"); other clocks
 * tried in a scratch run on the same worlds, not kept: from the previous purchase (mean error 0.049 with the
 * 90-day lookback) and the first journeys only (33 of 40, 0.020, as strata, without a lookback).
 *
 * <p>Measured (2026-12-06, this test): without a cut, strata meets issue 13's aim on 33 of 40 worlds (mean
 * absolute error 0.0198), the single clock on 28 (0.0242), time-free on 14 (0.0309); the strata's misses are
 * calibrated confounded worlds whose rank correlation (0.74 to 0.92) is below last touch's. With the 90-day
 * lookback strata meets it on 9 (0.0329), the single clock on 3 (0.0517), time-free on 23 (0.0231). Hence
 * {@code recommended}: {@code exposure-hazard} where the lookback set nothing aside, the time-free fit where it
 * did; checked on every world where the rule reaches the hazard step (all but the calibrated confounded drawn
 * world of seed 7 without a cut, where it picks Markov by its path-dependence test). On the confirmation seeds
 * ({@value SampleWorld#SEED} and 1 to 4, {@code -Drecovery.selectionSeeds=...}, run once after the model was
 * fixed, in a scratch probe of the same worlds): strata 28 of 40 (0.0193), single clock 25 (0.0220), time-free
 * 15 (0.0309). In the {@code recovery} profile (about a minute of test time under load).
 *
 * <p>The horizon ({@code ExposureHazardModel}, "The horizon": a journey followed at most to the day of a quantile
 * of its stratum's converted journeys' durations), chosen here too (2026-12-06), without a cut: no horizon 33 of
 * 40 (0.0198), quantile 0.95 32 (0.0167), 0.99 34 (0.0162), 1 34 (0.0161); 0.99 adopted (a few very long journeys
 * do not set it): error lower on 37 of the 40 worlds (the drawn calibrated confounded world of seed 9: 0.0468 to
 * 0.0086), higher on 2 by at most 0.0004, Spearman lower on 4 by at most 0.03 (none below 0.8); the single clock
 * 31 (0.0188). The 90-day lookback's figures moved
 * by at most 0.001 (strata 9 of 40, 0.0328).
 */
@Tag("heavy")
class RepeatPurchaseExposureSelectionTest {
  private static final Pattern COMMA = Pattern.compile(",");
  private static final List<WorldMechanism> MECHANISMS = List.of(WorldMechanism.ADDITIVE, WorldMechanism.SYNERGY,
      WorldMechanism.SLOW);
  private static final List<String> SUSPECT = List.of("facebook-ads", "google-ads", "direct");
  private static final Duration WHOLE = Duration.ofDays(31L * 25);
  private static final Duration REPORT = Duration.ofDays(90);
  private static final List<String> CANDIDATES = List.of("strata", "single clock", "time-free");

  /** One world's fits under one lookback: per candidate, and the two baselines. */
  private record Measured(String row, long seed, Map<String, AttributionRecoveryTest.Fit> fits,
      AttributionRecoveryTest.Fit lastTouch, AttributionRecoveryTest.Fit markov) {
    boolean aimMet(String candidate) {
      return SelectionWorlds.aimMet(fits.get(candidate), lastTouch, markov);
    }
  }

  @Test
  void choosesTheClockOnSeedsFiveToNine() {
    Map<Duration, List<Measured>> measured = new LinkedHashMap<>();
    for (String table : List.of("default", "drawn")) {
      for (long seed : seeds()) {
        List<ChannelSpec> channels = table.equals("drawn") ? WorldSpec.drawnChannels(seed)
            : WorldSpec.defaultChannels();
        for (WorldMechanism mechanism : MECHANISMS) {
          World world = WorldGenerator.generate(WorldSpec.builder().seed(seed).mechanism(mechanism)
              .channels(channels).build());
          measure(table + ", " + mechanism.id(), seed, world, List.of(), measured);
        }
        World world = WorldGenerator.generate(WorldSpec.builder().seed(seed).customers(20_000)
            .mechanism(WorldMechanism.CONFOUNDED).channels(channels)
            .holdouts(SUSPECT.stream().map(c -> new Holdout(c, 0.5)).toList()).build());
        measure(table + ", confounded calibrated", seed, world, ExperimentCalibrationRecoveryTest.lifts(world),
            measured);
      }
    }
    Map<String, Integer> whole = summary("lookback cutting nothing", measured.get(WHOLE));
    Map<String, Integer> report = summary("90-day lookback", measured.get(REPORT));
    int worlds = measured.get(WHOLE).size();
    assertThat(whole.get("strata")).as("strata without a cut").isGreaterThanOrEqualTo(worlds * 33 / 40)
        .isGreaterThan(whole.get("single clock")).isGreaterThan(whole.get("time-free"));
    assertThat(report.get("time-free")).as("time-free with the 90-day lookback")
        .isGreaterThan(report.get("strata"));
  }

  private static void measure(String row, long seed, World world, List<LiftResult> lifts,
      Map<Duration, List<Measured>> out) {
    Map<String, Double> truth = world.truth().shares();
    AttributionModels models = AttributionModels.defaults();
    for (Duration lookback : List.of(WHOLE, REPORT)) {
      JourneyRules rules = JourneyRules.defaults().withLookback(lookback);
      JourneySet journeys = rules.journeys(world.interactions()).toJourneySet();
      JourneySet split = rules.journeys(perJourney(world.interactions())).toJourneySet();
      assertThat(split.totalConversions()).isEqualTo(journeys.totalConversions());
      Map<String, AttributionRecoveryTest.Fit> fits = new LinkedHashMap<>();
      fits.put("strata", fit(ExposureHazardModel.create(), journeys, lifts, truth));
      fits.put("single clock", fit(ExposureHazardModel.create(), split, lifts, truth));
      fits.put("time-free", fit(InteractionHazardModel.create(), journeys, lifts, truth));
      JourneySet fitted = lifts.isEmpty() ? journeys : LiftCalibration.withoutTested(journeys, lifts);
      String chosen = RecommendedModel.create().choose(fitted).model().name();
      String expected = lookback.equals(WHOLE) ? ExposureHazardModel.NAME : "time-free";
      if (chosen.equals(ExposureHazardModel.NAME) || chosen.endsWith("-hazard")) {
        assertThat(chosen.equals(ExposureHazardModel.NAME) ? chosen : "time-free")
            .as("recommended on %s seed %d, lookback %s", row, seed, lookback).isEqualTo(expected);
      }
      Measured m = new Measured(row, seed, fits, fit(models.create("last-touch"), journeys, lifts, truth),
          fit(models.create("markov"), journeys, lifts, truth));
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s seed %d, lookback %d days, recommended"
          + " chose %s:", row, seed, lookback.toDays(), chosen));
      fits.forEach((name, f) -> line.append(String.format(Locale.ROOT, " %s %.4f / %.2f%s;", name,
          f.meanAbsoluteError(), f.rankCorrelation(), m.aimMet(name) ? " (aim met)" : "")));
      System.out.println(line.append(String.format(Locale.ROOT, " last touch %.4f / %.2f, markov %.4f / %.2f",
          m.lastTouch().meanAbsoluteError(), m.lastTouch().rankCorrelation(), m.markov().meanAbsoluteError(),
          m.markov().rankCorrelation())));
      out.computeIfAbsent(lookback, k -> new ArrayList<>()).add(m);
    }
  }

  private static AttributionRecoveryTest.Fit fit(AttributionModel model, JourneySet journeys,
      List<LiftResult> lifts, Map<String, Double> truth) {
    return AttributionRecoveryTest.Fit.of(lifts.isEmpty() ? model.attribute(journeys) : LiftCalibration.defaults()
        .withUntested(UntestedChannels.REFITTED).calibrate(model, journeys, lifts), truth);
  }

  /** The interactions with each customer split at their purchases: a customer per journey. */
  private static List<Interaction> perJourney(List<Interaction> interactions) {
    Map<String, Integer> purchases = new HashMap<>();
    List<Interaction> sorted = new ArrayList<>(interactions);
    sorted.sort(java.util.Comparator.comparing(Interaction::timestamp)
        .thenComparing(i -> i.type() == InteractionType.PURCHASE));
    List<Interaction> out = new ArrayList<>(sorted.size());
    for (Interaction i : sorted) {
      int before = purchases.getOrDefault(i.customerId(), 0);
      out.add(i.toBuilder().customerId(i.customerId() + "/" + before).build());
      if (i.type() == InteractionType.PURCHASE) {
        purchases.put(i.customerId(), before + 1);
      }
    }
    return out;
  }

  private static Map<String, Integer> summary(String title, List<Measured> measured) {
    Map<String, Integer> met = new LinkedHashMap<>();
    for (String candidate : CANDIDATES) {
      int count = (int) measured.stream().filter(m -> m.aimMet(candidate)).count();
      double error = measured.stream().mapToDouble(m -> m.fits().get(candidate).meanAbsoluteError()).average()
          .orElseThrow();
      met.put(candidate, count);
      System.out.println(String.format(Locale.ROOT, "%s, %s: aim met on %d of %d worlds, mean error %.4f", title,
          candidate, count, measured.size(), error));
    }
    return met;
  }

  private static long[] seeds() {
    return COMMA.splitAsStream(System.getProperty("recovery.selectionSeeds", "5,6,7,8,9")).mapToLong(Long::parseLong)
        .toArray();
  }
}
