package org.engagement.attribution.calibration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.internal.IdentityMemo;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * The calibration of {@link UntestedChannels#REFITTED}: the model runs on the journeys without the tested
 * channels' touches, the untested channels take its credits and the tested ones their experiments'. Thread-safe;
 * it remembers its latest reductions per journey set instance ({@code REDUCED}).
 */
final class RefittedCalibration {
  /**
   * The journeys without the tested channels, per journey set instance and tested channels: a host that chooses
   * the model on {@link LiftCalibration#withoutTested} and then calibrates with it gets the very set it chose on,
   * so the model's fits remembered per instance (the choice's validation and hazard fits) are not made again on
   * an equal copy.
   */
  private static final IdentityMemo<JourneySet, List<Integer>, Reduced> REDUCED = IdentityMemo.of(8);

  private RefittedCalibration() {}

  static AttributionResult calibrate(AttributionModel model, JourneySet journeys, List<LiftResult> lifts,
      boolean nearest) {
    List<String> ignored = new ArrayList<>();
    LiftResult[] tested = LiftCalibration.byChannelId(journeys.channels(), lifts, ignored);
    Reduced reduced = reduce(journeys, tested);
    List<String> notes = new ArrayList<>();
    @Nullable AttributionResult refit = reduced.journeys().pathCount() == 0 ? null : model.attribute(reduced.journeys());
    if (refit != null && !refit.additive()) {
      throw new InvalidFieldException("model", model.name(),
          "must be an additive model: a non-additive model's credits overlap and cannot be calibrated");
    }
    int n = tested.length;
    double[] conv = new double[n];
    double[] value = new double[n];
    double meanValue = journeys.totalConversions() > 0 ? journeys.totalValue() / journeys.totalConversions() : 0;
    int testedCount = 0;
    for (int c = 0; c < n; c++) {
      LiftResult lift = tested[c];
      String name = journeys.channels().name(c);
      if (lift != null) {
        conv[c] = nearest ? lift.nearest(0) : lift.incrementalConversions();
        value[c] = conv[c] * meanValue;
        testedCount++;
      } else if (refit != null) {
        conv[c] = refit.conversions(name);
        value[c] = refit.value(name);
      }
    }
    notes.add("calibration: " + testedCount + " channel(s) set to their experiments' " + (nearest ? "interval"
        + " points nearest 0" : "estimates") + "; " + model.name() + " run again without their touches gives the"
        + " untested channels' credits (journeys touched only by tested channels, "
        + LiftCalibration.format(reduced.droppedConversions()) + " conversions and "
        + LiftCalibration.format(reduced.droppedNulls()) + " non-conversions, are left out); observed conversions " + LiftCalibration.format(journeys.totalConversions())
        + ", credited " + LiftCalibration.format(LiftCalibration.sum(conv)));
    if (!ignored.isEmpty()) {
      notes.add("calibration: lift results for channels the journeys do not hold were ignored: "
          + String.join(", ", ignored));
    }
    AttributionResult result = AttributionResult.of(model.name(), journeys.channels(), conv, value,
        LiftCalibration.sum(conv), LiftCalibration.sum(value), true).withNotes(journeys.notes());
    return refit == null ? result.withNotes(notes) : result.withNotes(refit.notes()).withNotes(notes);
  }

  /** The journeys without the tested channels, and what was dropped with the journeys left empty. */
  private record Reduced(JourneySet journeys, double droppedConversions, double droppedNulls) {}

  static JourneySet withoutTested(JourneySet journeys, LiftResult[] tested) {
    return reduce(journeys, tested).journeys();
  }

  /**
   * The journeys without the tested channels' touches. Journeys that keep their touch times keep them (a
   * time-aware model, {@code exposure-hazard} among them, refits in time); the paths and counts are the same
   * either way.
   */
  private static Reduced reduce(JourneySet journeys, LiftResult[] tested) {
    List<Integer> channels = new ArrayList<>();
    for (int c = 0; c < tested.length; c++) {
      if (tested[c] != null) {
        channels.add(c);
      }
    }
    return REDUCED.get(journeys, List.copyOf(channels), () -> reduceNow(journeys, tested));
  }

  private static Reduced reduceNow(JourneySet journeys, LiftResult[] tested) {
    Optional<Journeys> timed = journeys.timed();
    JourneySet.Builder builder = JourneySet.builder();
    Set<String> testedNames = new HashSet<>();
    for (int c = 0; c < tested.length; c++) {
      if (tested[c] != null) {
        testedNames.add(journeys.channels().name(c));
      }
    }
    double conversions = 0;
    double nulls = 0;
    for (int p = 0; p < journeys.pathCount(); p++) {
      List<String> kept = new ArrayList<>(journeys.length(p));
      for (int i = journeys.start(p); i < journeys.end(p); i++) {
        int channel = journeys.channelAt(i);
        if (tested[channel] == null) {
          kept.add(journeys.channels().name(channel));
        }
      }
      if (kept.isEmpty()) {
        conversions += journeys.conversions(p);
        nulls += journeys.nulls(p);
      } else if (timed.isEmpty()) {
        builder.add(kept, journeys.conversions(p), journeys.value(p), journeys.nulls(p));
      }
    }
    return new Reduced(timed.isPresent() ? timed.get().withoutChannels(testedNames).toJourneySet() : builder.build(),
        conversions, nulls);
  }
}
