package org.engagement.attribution.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.HazardWorld;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.interval.BootstrapIntervals;
import org.engagement.attribution.interval.CreditInterval;
import org.engagement.attribution.journey.JourneySet;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap intervals of credits calibrated with an experiment, against the truth of a simulated world
 * ({@link HazardWorld}: additive hazard, a randomised holdout of search giving a 95 % interval). There the
 * additive-hazard model's split of the channels is right, and what sets the untested channels' scale is one
 * experiment on 20,000 people, whose own uncertainty is larger than the journeys' sampling noise.
 */
class CalibratedIntervalsTest {
  private static final int SEEDS = 40;
  private static final List<String> UNTESTED = List.of("display", "email", "social", "video");

  /**
   * At 90 % the intervals of the four untested channels cover their true incremental conversions in 146 of 160
   * seed-channel pairs (91 %) when each resample draws the experiment's result, and in 133 (83 %) when every
   * resample is calibrated with the same estimate (how the SDK drew them before): email 39 against 34 of 40,
   * video 38 against 33. The bound of 136 is 85 %; the fixed form must cover at least 8 fewer.
   */
  @Test
  void drawingTheExperimentBringsTheUntestedChannelsToTheirNominalCoverage() {
    int drawn = covered(false);
    int fixed = covered(true);
    int pairs = SEEDS * UNTESTED.size();
    assertThat(drawn).isGreaterThanOrEqualTo((int) Math.ceil(0.85 * pairs));
    assertThat(fixed).isLessThanOrEqualTo(drawn - 8);
  }

  private static int covered(boolean fixedExperiment) {
    int covered = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      HazardWorld world = HazardWorld.of(seed, 20_000, "search");
      LiftResult search = new LiftResult("search", world.liftEstimate(), world.liftLow(), world.liftHigh());
      AttributionModel calibrated = LiftCalibration.defaults()
          .model(AttributionModels.defaults().create("additive-hazard"), List.of(search));
      AttributionModel model = fixedExperiment ? new FixedExperiments(calibrated) : calibrated;
      for (CreditInterval c : BootstrapIntervals.of(200, seed).withLevel(0.9).compute(model, world.journeys())
          .channels()) {
        double truth = world.truth().get(c.channel());
        if (UNTESTED.contains(c.channel()) && truth >= c.conversionsLow() && truth <= c.conversionsHigh()) {
          covered++;
        }
      }
    }
    return covered;
  }

  /** {@code model} with every resample calibrated with the experiments' estimates: no draw of its own. */
  private record FixedExperiments(AttributionModel model) implements AttributionModel {
    @Override
    public String name() {
      return model.name();
    }

    @Override
    public ModelParameters parameters() {
      return model.parameters();
    }

    @Override
    public AttributionResult attribute(JourneySet journeys) {
      return model.attribute(journeys);
    }

    @Override
    public AttributionModel forResamplesOf(JourneySet journeys) {
      return new FixedExperiments(model.forResamplesOf(journeys));
    }
  }
}
