package org.engagement.roi;

import java.util.concurrent.atomic.AtomicInteger;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneySet;

/** {@code model}, counting its runs on whole journey sets, resamples included (for the interval tests). */
record CountingModel(AttributionModel model, AtomicInteger runs) implements AttributionModel {
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
    runs.incrementAndGet();
    return model.attribute(journeys);
  }
}
