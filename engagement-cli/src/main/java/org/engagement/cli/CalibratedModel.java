package org.engagement.cli;

import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.calibration.LiftCalibration;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.attribution.journey.JourneySet;

/**
 * A model whose credits are calibrated with the same experiments on every call, so that a bootstrap of it
 * ({@code attribute --lift FILE --intervals}) calibrates each resample: the intervals then show the sampling
 * noise of the calibrated credits. The experiments are fixed, so a tested channel's credit is its
 * experiment's estimate on every resample; its own uncertainty is the experiment's interval.
 *
 * <p>Immutable and thread-safe when the model is (as every {@link AttributionModel} must be).
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
    return "calibrated " + model;
  }
}
