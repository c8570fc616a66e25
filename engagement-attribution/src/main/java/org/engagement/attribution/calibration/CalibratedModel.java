package org.engagement.attribution.calibration;

import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneySet;

/**
 * A model whose credits are calibrated with the same experiments on every call ({@link LiftCalibration#model}),
 * so that a bootstrap of it calibrates each resample. Immutable and thread-safe when the model is.
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

  @Override
  public String toString() {
    return "calibrated " + model + " " + calibration;
  }
}
