package org.engagement.attribution.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneySet;

/**
 * A model whose credits are calibrated with the same experiments on every call ({@link LiftCalibration#model}),
 * so that a bootstrap of it calibrates each resample, running the inner model's
 * {@linkplain AttributionModel#forResamplesOf resample form} with each resample's own draw of the experiments
 * ({@link #forResample}). Immutable and thread-safe when the model is.
 */
final class CalibratedModel implements AttributionModel {
  private final AttributionModel model;
  private final LiftCalibration calibration;
  private final List<LiftResult> lifts;

  CalibratedModel(AttributionModel model, LiftCalibration calibration, List<LiftResult> lifts) {
    this.model = model;
    this.calibration = calibration;
    this.lifts = List.copyOf(lifts);
  }

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
    return calibration.calibrate(model, journeys, lifts);
  }

  /**
   * This calibration of the inner model's resample form, that form taken on the journeys the inner model runs on:
   * for {@link UntestedChannels#REFITTED}, {@code journeys} without the tested channels' touches (a resample's
   * refit runs on the resample without them, so that is the fit nearest to it), otherwise {@code journeys}.
   */
  @Override
  @SuppressWarnings("ReferenceEquality") // the default resample form is the very model
  public AttributionModel forResamplesOf(JourneySet journeys) {
    JourneySet runsOn = calibration.untested() == UntestedChannels.REFITTED
        ? LiftCalibration.withoutTested(journeys, lifts) : journeys;
    if (runsOn.pathCount() == 0) {
      return this;
    }
    AttributionModel resampled = model.forResamplesOf(runsOn);
    return resampled == model ? this : new CalibratedModel(resampled, calibration, lifts);
  }

  /**
   * This calibration with every experiment {@linkplain LiftResult#drawn drawn} anew, independently, from a
   * generator seeded with {@code seed}: on a bootstrap resample the tested channels then get results the
   * experiments might have given, and the untested channels' scale (or remainder) moves with them.
   */
  @Override
  public AttributionModel forResample(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<LiftResult> drawn = new ArrayList<>(lifts.size());
    for (LiftResult lift : lifts) {
      drawn.add(lift.drawn(random.nextGaussian()));
    }
    return new CalibratedModel(model.forResample(random.nextLong()), calibration, drawn);
  }

  @Override
  public String toString() {
    return "calibrated " + model + " " + calibration;
  }
}
