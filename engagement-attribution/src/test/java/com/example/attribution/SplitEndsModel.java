package com.example.attribution;

import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneySet;

/** The model of {@link SplitEndsProvider}: a share of each path to its first touch, the rest to its last. */
final class SplitEndsModel implements AttributionModel {
  static final String NAME = "split-ends";

  private final double firstShare;

  SplitEndsModel(double firstShare) {
    this.firstShare = firstShare;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ModelParameters parameters() {
    return ModelParameters.none().with(SplitEndsProvider.FIRST_SHARE, firstShare);
  }

  @Override
  public AttributionResult attribute(JourneySet journeys) {
    double[] conversions = new double[journeys.channels().size()];
    double[] values = new double[conversions.length];
    for (int p = 0; p < journeys.pathCount(); p++) {
      int first = journeys.channelAt(journeys.start(p));
      int last = journeys.channelAt(journeys.end(p) - 1);
      conversions[first] += firstShare * journeys.conversions(p);
      values[first] += firstShare * journeys.value(p);
      conversions[last] += (1 - firstShare) * journeys.conversions(p);
      values[last] += (1 - firstShare) * journeys.value(p);
    }
    return AttributionResult.of(NAME, journeys.channels(), conversions, values, journeys.totalConversions(),
        journeys.totalValue(), true);
  }
}
