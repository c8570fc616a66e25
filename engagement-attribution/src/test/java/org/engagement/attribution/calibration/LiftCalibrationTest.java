package org.engagement.attribution.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.HazardWorld;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.PoissonResample;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class LiftCalibrationTest {
  private static final AttributionModels MODELS = AttributionModels.defaults();

  private static LiftResult lift(HazardWorld world, String channel) {
    return new LiftResult(channel, world.liftEstimate(), world.liftLow(), world.liftHigh());
  }

  /** The simulated holdout's interval covers the channel's true incremental conversions in most seeds. */
  @Test
  void theSimulatedHoldoutCoversTheTruth() {
    int covered = 0;
    for (long seed = 1; seed <= 20; seed++) {
      HazardWorld world = HazardWorld.of(seed, 20_000, "search");
      if (lift(world, "search").contains(world.truth().get("search"))) {
        covered++;
      }
    }
    // A 95 % interval covers in 19 of 20 on average; 16 or fewer happen with probability under 2 %.
    assertThat(covered).isGreaterThanOrEqualTo(17);
  }

  @Test
  void aTestedChannelLandsInItsIntervalAndTheUntestedKeepTheirSplit() {
    HazardWorld world = HazardWorld.of(3, 20_000, "search");
    AttributionResult model = MODELS.create("last-touch").attribute(world.journeys());
    LiftResult search = lift(world, "search");
    AttributionResult calibrated = LiftCalibration.defaults().calibrate(model, List.of(search));
    assertThat(search.contains(calibrated.conversions("search"))).isTrue();
    assertThat(calibrated.conversions("search")).isEqualTo(search.incrementalConversions());
    double ratio = calibrated.conversions("email") / model.conversions("email");
    for (String channel : List.of("display", "social", "video")) {
      assertThat(calibrated.conversions(channel) / model.conversions(channel)).isCloseTo(ratio, within(1e-12));
      assertThat(calibrated.value(channel) / calibrated.conversions(channel))
          .isCloseTo(model.value(channel) / model.conversions(channel), within(1e-9));
    }
    assertThat(calibrated.additive()).isTrue();
    assertThat(calibrated.totalConversions()).isCloseTo(
        calibrated.conversionsByChannel().values().stream().mapToDouble(Double::doubleValue).sum(), within(1e-9));
    assertThat(calibrated.notes()).anySatisfy(n -> assertThat(n).contains("baseline"));
  }

  /**
   * A model's credits add up to every conversion, baseline included, and follow its assumptions; the
   * experiment measures the tested channel's incremental conversions without bias. So the calibrated credit of
   * the tested channel is nearer its true incremental conversions, summed over seeds, whichever model. (The
   * untested channels are not claimed to improve: one experiment's incrementality factor, extrapolated to them,
   * can move them either way.)
   */
  @Test
  void theTestedChannelIsNearerItsTrueIncrementalConversions() {
    for (String name : List.of("last-touch", "linear", "shao-li", "markov")) {
      double modelError = 0;
      double calibratedError = 0;
      for (long seed = 1; seed <= 5; seed++) {
        HazardWorld world = HazardWorld.of(seed, 20_000, "search");
        AttributionResult model = MODELS.create(name).attribute(world.journeys());
        AttributionResult calibrated = LiftCalibration.defaults().calibrate(model, List.of(lift(world, "search")));
        double truth = world.truth().get("search");
        modelError += Math.abs(model.conversions("search") - truth);
        calibratedError += Math.abs(calibrated.conversions("search") - truth);
      }
      assertThat(calibratedError).as(name).isLessThan(modelError);
    }
  }

  /** With a single tested channel, scaling measures the scale only: every share stays the model's. */
  @Test
  void oneExperimentScalesWithoutChangingShares() {
    HazardWorld world = HazardWorld.of(2, 20_000, "search");
    AttributionResult model = MODELS.create("markov").attribute(world.journeys());
    AttributionResult calibrated = LiftCalibration.defaults().calibrate(model, List.of(lift(world, "search")));
    for (String channel : HazardWorld.CHANNELS) {
      assertThat(calibrated.conversions(channel) / calibrated.totalConversions())
          .isCloseTo(model.conversions(channel) / model.totalConversions(), within(1e-12));
    }
  }

  /**
   * Experiments that add up to fewer than no conversions scale the untested channels to none, as a lift of
   * exactly zero does, rather than leaving them at the model's credits: the factor must not jump where a
   * bootstrap resample's draw of the experiment crosses zero. Without model credit on the tested channels there
   * is no factor at all, and the untested keep the model's credits.
   */
  @Test
  void aNegativeLiftScalesTheUntestedToNoneAndNoModelCreditLeavesThemAlone() {
    JourneySet journeys = JourneySet.builder().add(List.of("a", "b"), 10, 100, 5).add(List.of("b"), 4, 40, 5)
        .build();
    AttributionResult model = MODELS.create("linear").attribute(journeys);
    AttributionResult negative = LiftCalibration.defaults().calibrate(model, List.of(new LiftResult("a", -2, -5, 1)));
    AttributionResult zero = LiftCalibration.defaults().calibrate(model, List.of(new LiftResult("a", 0, -5, 1)));
    AttributionResult slightlyPositive = LiftCalibration.defaults().calibrate(model,
        List.of(new LiftResult("a", 1e-9, -5, 1)));
    assertThat(negative.conversions("b")).isZero();
    assertThat(zero.conversions("b")).isZero();
    assertThat(slightlyPositive.conversions("b")).isCloseTo(0, within(1e-8));
    assertThat(negative.conversions("a")).isEqualTo(-2);
    assertThat(negative.notes()).anySatisfy(note -> assertThat(note)
        .contains("the experiments found no incremental conversions (-2.00) where the model credited 5.00"));

    AttributionResult uncredited = LiftCalibration.defaults().calibrate(MODELS.create("last-touch")
        .attribute(journeys), List.of(new LiftResult("a", 3, 1, 5)));
    assertThat(uncredited.conversions("b")).isEqualTo(14);
    assertThat(uncredited.notes()).anySatisfy(note -> assertThat(note)
        .contains("the model credited the tested channels with nothing"));
  }

  @Test
  void remainderKeepsTheObservedTotal() {
    HazardWorld world = HazardWorld.of(4, 20_000, "search");
    AttributionResult model = MODELS.create("linear").attribute(world.journeys());
    LiftResult search = lift(world, "search");
    AttributionResult calibrated = LiftCalibration.defaults().withUntested(UntestedChannels.REMAINDER)
        .calibrate(model, List.of(search));
    assertThat(calibrated.totalConversions()).isCloseTo(model.totalConversions(), within(1e-6));
    assertThat(calibrated.conversions("search")).isEqualTo(search.incrementalConversions());
    assertThat(calibrated.conversions("email") / calibrated.conversions("video"))
        .isCloseTo(model.conversions("email") / model.conversions("video"), within(1e-9));
  }

  @Test
  void nearestMovesOnlyAsFarAsTheInterval() {
    JourneySet journeys = HazardWorld.of(5, 5_000, null).journeys();
    AttributionResult model = MODELS.create("linear").attribute(journeys);
    double credit = model.conversions("video");
    LiftResult above = new LiftResult("video", credit + 50, credit + 10, credit + 90);
    LiftResult around = new LiftResult("email", 1, 0, model.conversions("email") + 5);
    AttributionResult calibrated = LiftCalibration.defaults().withNearest(true).calibrate(model,
        List.of(above, around, new LiftResult("radio", 3, 1, 5)));
    assertThat(calibrated.conversions("video")).isEqualTo(credit + 10);
    assertThat(calibrated.conversions("email")).isEqualTo(model.conversions("email"));
    assertThat(calibrated.notes()).anySatisfy(n -> assertThat(n).contains("radio"));
  }

  @Test
  void refusesWhatCannotBeCalibrated() {
    JourneySet journeys = HazardWorld.of(5, 2_000, null).journeys();
    AttributionResult participation = MODELS.create("participation").attribute(journeys);
    assertThatThrownBy(() -> LiftCalibration.defaults().calibrate(participation, List.of()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("additive");
    AttributionResult linear = MODELS.create("linear").attribute(journeys);
    LiftResult one = new LiftResult("email", 1, 0, 2);
    assertThatThrownBy(() -> LiftCalibration.defaults().calibrate(linear, List.of(one, one)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("email");
    assertThatThrownBy(() -> new LiftResult("email", 1, 2, 3)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("low");
    assertThatThrownBy(() -> new LiftResult(" ", 1, 0, 3)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new LiftResult("x", Double.NaN, 0, 3)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("incremental_conversions");
  }

  /**
   * Navigational visits ("nav") come last on converting journeys: last touch gives them 13 conversions and the
   * channel that brought the people ("a") none. An experiment says "nav" caused 4 [1, 8]: with
   * {@link UntestedChannels#REFITTED} the model runs again without "nav", so "a" gets the 10 conversions of
   * the journeys it shared with it; the journey of "nav" alone is left out; "nav" gets its experiment.
   */
  @Test
  void refittedRunsTheModelAgainWithoutTheTestedChannels() {
    JourneySet journeys = JourneySet.builder().add(List.of("a", "nav"), 10, 100, 0).add(List.of("b"), 5, 50, 5)
        .add(List.of("nav"), 3, 30, 7).add(List.of("a", "b"), 2, 20, 0).build();
    AttributionResult plain = MODELS.create("last-touch").attribute(journeys);
    assertThat(plain.conversions("a")).isZero();
    assertThat(plain.conversions("nav")).isEqualTo(13);
    LiftCalibration refitted = LiftCalibration.defaults().withUntested(UntestedChannels.REFITTED);
    List<LiftResult> lifts = List.of(new LiftResult("nav", 4, 1, 8), new LiftResult("tv", 1, 0, 2));
    AttributionResult calibrated = refitted.calibrate(MODELS.create("last-touch"), journeys, lifts);
    assertThat(calibrated.conversions("a")).isEqualTo(10);
    assertThat(calibrated.conversions("b")).isEqualTo(7);
    assertThat(calibrated.conversions("nav")).isEqualTo(4);
    assertThat(calibrated.value("a")).isEqualTo(100);
    assertThat(calibrated.value("nav")).isCloseTo(4 * 200.0 / 20, within(1e-9));
    assertThat(calibrated.totalConversions()).isEqualTo(21);
    assertThat(calibrated.additive()).isTrue();
    assertThat(calibrated.notes()).anySatisfy(n -> assertThat(n).contains("3.00 conversions and 7.00 non-conversions"))
        .anySatisfy(n -> assertThat(n).contains("ignored: tv"));
    assertThat(refitted.withNearest(true).calibrate(MODELS.create("last-touch"), journeys, lifts).conversions("nav"))
        .isEqualTo(1);
    assertThat(refitted.withNearest(true).calibrate(MODELS.create("last-touch"), journeys,
        List.of(new LiftResult("nav", 4, -1, 8))).conversions("nav")).isZero();
  }

  @Test
  void refittedNeedsTheModelAndTheJourneys() {
    JourneySet journeys = JourneySet.builder().add(List.of("a", "nav"), 10, 100, 5).build();
    AttributionResult result = MODELS.create("last-touch").attribute(journeys);
    LiftCalibration refitted = LiftCalibration.defaults().withUntested(UntestedChannels.REFITTED);
    List<LiftResult> lifts = List.of(new LiftResult("nav", 4, 1, 8));
    assertThatThrownBy(() -> refitted.calibrate(result, lifts)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("refitted");
    // With every channel tested nothing is left to refit: the experiments are the whole answer.
    AttributionResult allTested = refitted.calibrate(MODELS.create("last-touch"), JourneySet.builder()
        .add(List.of("nav"), 3, 30, 7).build(), lifts);
    assertThat(allTested.conversions("nav")).isEqualTo(4);
    // The other treatments run the model on all the journeys and calibrate its credits.
    assertThat(LiftCalibration.defaults().calibrate(MODELS.create("last-touch"), journeys, lifts)
        .conversionsByChannel()).isEqualTo(LiftCalibration.defaults().calibrate(result, lifts).conversionsByChannel());
  }

  /**
   * The journeys the refitted calibration runs the model on, which a host that chooses its model by validation
   * chooses on: the tested channel's touches gone, the journey of the tested channel alone dropped.
   */
  @Test
  void withoutTestedDropsTheTestedChannelsTouches() {
    JourneySet journeys = JourneySet.builder().add(List.of("a", "nav"), 10, 100, 0).add(List.of("b"), 5, 50, 5)
        .add(List.of("nav"), 3, 30, 7).build();
    JourneySet left = LiftCalibration.withoutTested(journeys, List.of(new LiftResult("nav", 4, 1, 8)));
    assertThat(left.pathCount()).isEqualTo(2);
    assertThat(List.of(left.pathNames(0), left.pathNames(1))).containsExactlyInAnyOrder(List.of("a"), List.of("b"));
    assertThat(left.totalConversions()).isEqualTo(15);
    assertThat(left.totalNulls()).isEqualTo(5);
  }

  /**
   * The refitted calibration runs the model on the very set {@code withoutTested} gave for the same journeys and
   * tested channels, so a host that chose the model on that set finds its fits remembered for that instance
   * (the ROI section of the report chooses {@code recommended} there, then calibrates); other tested channels
   * give another set.
   */
  @Test
  void theRefitRunsOnTheSetWithoutTestedGave() {
    JourneySet journeys = JourneySet.builder().add(List.of("a", "nav"), 10, 100, 0).add(List.of("b"), 5, 50, 5)
        .add(List.of("nav"), 3, 30, 7).build();
    List<LiftResult> lifts = List.of(new LiftResult("nav", 4, 1, 8));
    JourneySet chosenOn = LiftCalibration.withoutTested(journeys, lifts);
    List<JourneySet> refitOn = new ArrayList<>();
    AttributionModel lastTouch = MODELS.create("last-touch");
    AttributionModel recording = new AttributionModel() {
      @Override
      public String name() {
        return lastTouch.name();
      }

      @Override
      public ModelParameters parameters() {
        return lastTouch.parameters();
      }

      @Override
      public AttributionResult attribute(JourneySet set) {
        refitOn.add(set);
        return lastTouch.attribute(set);
      }
    };
    LiftCalibration.defaults().withUntested(UntestedChannels.REFITTED).calibrate(recording, journeys, lifts);
    assertThat(refitOn).hasSize(1);
    assertThat(refitOn.get(0)).isSameAs(chosenOn);
    assertThat(LiftCalibration.withoutTested(journeys, List.of(new LiftResult("b", 4, 1, 8)))).isNotSameAs(chosenOn)
        .isNotEqualTo(chosenOn);
    assertThat(LiftCalibration.withoutTested(JourneySet.builder().add(List.of("a", "nav"), 10, 100, 0)
        .add(List.of("b"), 5, 50, 5).add(List.of("nav"), 3, 30, 7).build(), lifts)).isNotSameAs(chosenOn)
        .isEqualTo(chosenOn);
  }

  /**
   * Journeys made from interactions keep their touch times without the tested channel, so a time-aware model
   * (exposure-hazard, which recommended runs on them) refits in time; the paths and counts are those of the
   * path form.
   */
  @Test
  void withoutTestedKeepsTheTouchTimes() {
    Instant t0 = Instant.parse("2024-03-01T00:00:00Z");
    List<Interaction> interactions = List.of(touch("x", "a", t0, InteractionType.CLICK),
        touch("x", "nav", t0.plusSeconds(3_600), InteractionType.CLICK),
        touch("x", "web", t0.plusSeconds(7_200), InteractionType.PURCHASE),
        touch("y", "nav", t0, InteractionType.CLICK), touch("z", "b", t0.plusSeconds(60), InteractionType.CLICK),
        touch("z", "nav", t0.plusSeconds(120), InteractionType.CLICK));
    JourneySet journeys = JourneyRules.defaults().journeys(interactions).toJourneySet();
    JourneySet left = LiftCalibration.withoutTested(journeys, List.of(new LiftResult("nav", 1, 0, 2)));
    Journeys timed = left.timed().orElseThrow();
    assertThat(timed.size()).as("y touched only nav").isEqualTo(2);
    assertThat(timed.channels().size()).isEqualTo(2);
    assertThat(timed.endMillis(0)).as("x still converts at its purchase")
        .isEqualTo(t0.plusSeconds(7_200).toEpochMilli());
    assertThat(timed.touchMillis(timed.start(1))).isEqualTo(t0.plusSeconds(60).toEpochMilli());
    assertThat(List.of(left.pathNames(0), left.pathNames(1))).containsExactlyInAnyOrder(List.of("a"), List.of("b"));
    assertThat(left.totalConversions()).isEqualTo(1);
    assertThat(left.totalNulls()).isEqualTo(1);
  }

  private static Interaction touch(String customer, String channel, Instant at, InteractionType type) {
    return Interaction.builder().customerId(customer).channel(Channel.of(channel, ChannelGroup.UNASSIGNED))
        .timestamp(at).type(type).build();
  }

  /** The calibrated model calibrates every call, so a bootstrap of it calibrates each resample. */
  @Test
  void theCalibratedModelCalibratesEachCall() {
    LiftCalibration refitted = LiftCalibration.defaults().withUntested(UntestedChannels.REFITTED);
    List<LiftResult> lifts = List.of(new LiftResult("nav", 4, 1, 8));
    AttributionModel model = refitted.model(MODELS.create("last-touch"), lifts);
    assertThat(model.name()).isEqualTo("last-touch");
    for (JourneySet journeys : List.of(
        JourneySet.builder().add(List.of("a", "nav"), 10, 100, 0).add(List.of("b"), 5, 50, 5).build(),
        JourneySet.builder().add(List.of("nav", "b"), 7, 70, 1).add(List.of("a"), 2, 20, 5).build())) {
      assertThat(model.attribute(journeys).conversionsByChannel())
          .isEqualTo(refitted.calibrate(MODELS.create("last-touch"), journeys, lifts).conversionsByChannel());
      assertThat(model.attribute(journeys).conversions("nav")).isEqualTo(4);
    }
  }

  /**
   * The calibrated model's resample form is the calibration of the inner model's resample form, taken on the
   * journeys the inner model runs on: without the tested channels' touches for {@link UntestedChannels#REFITTED}
   * (each resample's refit runs on the resample without them, so that is the fit nearest to it), the journeys
   * themselves otherwise. A model without a resample form of its own leaves the calibrated model as it is.
   */
  @Test
  void theResampleFormStartsFromTheJourneysTheModelRunsOn() {
    JourneySet journeys = JourneySet.builder().add(List.of("a", "nav"), 10, 100, 5).add(List.of("b"), 5, 50, 5)
        .add(List.of("nav"), 3, 30, 7).build();
    List<LiftResult> lifts = List.of(new LiftResult("nav", 4, 1, 8));
    List<JourneySet> askedFor = new ArrayList<>();
    AttributionModel lastTouch = MODELS.create("last-touch");
    AttributionModel recording = new AttributionModel() {
      @Override
      public String name() {
        return lastTouch.name();
      }

      @Override
      public ModelParameters parameters() {
        return lastTouch.parameters();
      }

      @Override
      public AttributionResult attribute(JourneySet set) {
        return lastTouch.attribute(set);
      }

      @Override
      public AttributionModel forResamplesOf(JourneySet set) {
        askedFor.add(set);
        return lastTouch;
      }
    };
    LiftCalibration refitted = LiftCalibration.defaults().withUntested(UntestedChannels.REFITTED);
    AttributionModel resampling = refitted.model(recording, lifts).forResamplesOf(journeys);
    JourneySet runsOn = askedFor.get(0);
    assertThat(runsOn.channels().names()).doesNotContain("nav");
    assertThat(runsOn.pathCount()).isEqualTo(LiftCalibration.withoutTested(journeys, lifts).pathCount());
    assertThat(runsOn.totalConversions()).isEqualTo(15);
    assertThat(resampling.attribute(journeys).conversionsByChannel())
        .isEqualTo(refitted.calibrate(lastTouch, journeys, lifts).conversionsByChannel());
    LiftCalibration.defaults().model(recording, lifts).forResamplesOf(journeys);
    assertThat(askedFor.get(1)).isSameAs(journeys);
    AttributionModel plain = refitted.model(lastTouch, lifts);
    assertThat(plain.forResamplesOf(journeys)).isSameAs(plain);
  }

  /**
   * Calibrated interaction-hazard's resample form gives the calibrated credits of a fresh fit on each Poisson
   * resample, to 1e-9 (relative): the inner fits are warm-started from the fit on the journeys without the tested
   * channel and reach the same optima.
   */
  @Test
  void theCalibratedResampleFormGivesAFreshFitsCredits() {
    HazardWorld world = HazardWorld.of(3, 20_000, "search");
    List<LiftResult> lifts = List.of(lift(world, "search"));
    LiftCalibration refitted = LiftCalibration.defaults().withUntested(UntestedChannels.REFITTED);
    AttributionModel model = refitted.model(MODELS.create("interaction-hazard"), lifts);
    AttributionModel resampling = model.forResamplesOf(world.journeys());
    assertThat(resampling).isNotSameAs(model);
    for (long seed = 1; seed <= 3; seed++) {
      JourneySet resample = PoissonResample.of(world.journeys(), seed);
      AttributionResult warm = resampling.attribute(resample);
      AttributionResult fresh = model.attribute(resample);
      for (String channel : HazardWorld.CHANNELS) {
        assertThat(warm.conversions(channel)).as("seed %d %s", seed, channel)
            .isCloseTo(fresh.conversions(channel), offset(1e-9 * fresh.conversions(channel)));
      }
    }
  }
}
