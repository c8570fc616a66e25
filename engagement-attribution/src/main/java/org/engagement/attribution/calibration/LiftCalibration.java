package org.engagement.attribution.calibration;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Calibrates a model's credits with experiments: each channel a lift result tested gets the experiment's
 * incremental conversions (so its credit lies in the experiment's interval), and the untested channels keep
 * the model's relative split, scaled as {@link UntestedChannels} says.
 *
 * <h2>Why, and what the numbers mean</h2>
 * Attribution credits are computed from observational journeys: they say how the observed conversions split
 * across channels under a model's assumptions, which is predictive bookkeeping, not cause. A randomised
 * holdout measures cause for one channel. The media-mix tools treat experiments the same way in their own
 * settings: Robyn (Meta) scores candidate models by how far their channel effects are from the lift tests
 * (a calibration error minimised alongside the fit) and keeps those that agree; Meridian (Google) turns each
 * experiment into a prior on the channel's return centred on the measured lift with the experiment's
 * uncertainty as its spread. Here no model is refitted: the experiment replaces the model's number for the
 * channel it tested, as a prior with little spread would, and informs the others only through the pooled
 * incrementality factor of {@link UntestedChannels#SCALED}.
 *
 * <h2>Where a tested channel lands</h2>
 * By default on the experiment's estimate ({@code nearest == false}); with {@link #nearest()} on the point of
 * the experiment's interval nearest to the model's credit, the smallest change the experiment demands (Robyn's
 * reading of a lift test as a constraint rather than a target). Either way it lies in the interval.
 *
 * <h2>Value</h2>
 * Each channel keeps the model's value per credited conversion ({@code value / conversions} of the model's
 * credit; the set's mean value per conversion for a channel the model gave no conversion), so value scales with
 * the calibrated conversions.
 *
 * <p>Channels an experiment tested that the journeys do not hold are ignored, with a note. The result is
 * additive: its totals are the sums of the calibrated credits; its notes give the observed totals and what the
 * calibration did.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LiftCalibration {
  private static final LiftCalibration DEFAULT = new LiftCalibration(UntestedChannels.SCALED, false);

  private final UntestedChannels untested;
  private final boolean nearest;

  private LiftCalibration(UntestedChannels untested, boolean nearest) {
    this.untested = untested;
    this.nearest = nearest;
  }

  /** Untested channels {@linkplain UntestedChannels#SCALED scaled}; tested ones on the experiment's estimate. */
  public static LiftCalibration defaults() {
    return DEFAULT;
  }

  /** This calibration with another treatment of untested channels. */
  public LiftCalibration withUntested(UntestedChannels choice) {
    return new LiftCalibration(requireNonNull(choice, "choice"), nearest);
  }

  /**
   * This calibration moving a tested channel to the nearest point of its interval ({@code true}) or to the
   * estimate ({@code false}).
   */
  public LiftCalibration withNearest(boolean choice) {
    return new LiftCalibration(untested, choice);
  }

  /** What happens to untested channels. */
  public UntestedChannels untested() {
    return untested;
  }

  /** Whether a tested channel moves to the nearest point of its interval rather than to the estimate. */
  public boolean nearest() {
    return nearest;
  }

  /**
   * The credits of {@code model} on {@code journeys} calibrated with {@code lifts}: for
   * {@link UntestedChannels#REFITTED} the model runs on the journeys without the tested channels (see there),
   * otherwise on all of them and its credits are {@linkplain #calibrate(AttributionResult, List) calibrated}.
   *
   * @param model an additive model
   * @param journeys the journeys, over the experiments' period
   * @param lifts at most one per channel
   * @throws InvalidFieldException if the model is not additive, or two lift results name one channel
   * @throws org.engagement.attribution.ModelLimitException if the model refuses the journeys
   */
  public AttributionResult calibrate(AttributionModel model, JourneySet journeys, List<LiftResult> lifts) {
    requireNonNull(model, "model");
    requireNonNull(journeys, "journeys");
    requireNonNull(lifts, "lifts");
    if (untested == UntestedChannels.REFITTED) {
      return RefittedCalibration.calibrate(model, journeys, lifts, nearest);
    }
    return calibrate(model.attribute(journeys), lifts);
  }

  /**
   * {@code model} with its credits calibrated by this calibration with {@code lifts} on every call: a bootstrap
   * of it ({@link org.engagement.attribution.interval.BootstrapIntervals}) then calibrates each resample with
   * the resample's own draw of every experiment's result ({@link LiftResult#drawn}, through
   * {@link AttributionModel#forResample}), so its intervals carry both the sampling noise of the model's credits
   * and the experiments' uncertainty: a tested channel's interval approximates its experiment's (at the
   * bootstrap's level), and an untested channel's includes the uncertainty of the scale the experiments set.
   * Without those draws an untested channel's scaled credit would look as sure as the model's split of the
   * journeys, however wide the experiment that sets its scale. The model keeps {@code model}'s name and
   * parameters.
   *
   * @param model an additive model
   * @param lifts at most one per channel
   */
  public AttributionModel model(AttributionModel model, List<LiftResult> lifts) {
    return new CalibratedModel(requireNonNull(model, "model"), this, requireNonNull(lifts, "lifts"));
  }

  /**
   * The journeys {@link UntestedChannels#REFITTED} runs the model on: {@code journeys} without the touches of the
   * channels {@code lifts} tested, a journey left with no touch dropped. A host that chooses the model by
   * validating it ({@code recommended}) chooses on these, the journeys the choice will run on.
   *
   * @throws InvalidFieldException if two lift results name one channel
   */
  public static JourneySet withoutTested(JourneySet journeys, List<LiftResult> lifts) {
    requireNonNull(journeys, "journeys");
    requireNonNull(lifts, "lifts");
    return RefittedCalibration.withoutTested(journeys, byChannelId(journeys.channels(), lifts, new ArrayList<>()));
  }

  /**
   * The credits of {@code result} calibrated with {@code lifts}.
   *
   * @param result an additive model's credits
   * @param lifts at most one per channel
   * @throws InvalidFieldException if {@code result} is not additive, two lift results name one channel, or
   *     this calibration is {@link UntestedChannels#REFITTED} (which needs the model and the journeys)
   */
  public AttributionResult calibrate(AttributionResult result, List<LiftResult> lifts) {
    requireNonNull(result, "result");
    requireNonNull(lifts, "lifts");
    if (untested == UntestedChannels.REFITTED) {
      throw new InvalidFieldException("untested", "refitted", "needs the model and the journeys: call"
          + " calibrate(model, journeys, lifts)");
    }
    if (!result.additive()) {
      throw new InvalidFieldException("result", result.model(),
          "must be an additive model's credits: a non-additive model's credits overlap and cannot be calibrated");
    }
    int n = result.channels().size();
    List<String> ignored = new ArrayList<>();
    LiftResult[] tested = byChannelId(result.channels(), lifts, ignored);
    double[] conv = new double[n];
    double testedModel = 0;
    double testedLift = 0;
    double untestedModel = 0;
    for (int c = 0; c < n; c++) {
      LiftResult lift = tested[c];
      if (lift == null) {
        untestedModel += result.conversions(c);
      } else {
        conv[c] = nearest ? lift.nearest(result.conversions(c)) : lift.incrementalConversions();
        testedModel += result.conversions(c);
        testedLift += conv[c];
      }
    }
    List<String> notes = new ArrayList<>(result.notes());
    double factor = untestedFactor(result, testedModel, testedLift, untestedModel, notes);
    for (int c = 0; c < n; c++) {
      if (tested[c] == null) {
        conv[c] = result.conversions(c) * factor;
      }
    }
    double[] value = values(result, conv);
    double totalConversions = sum(conv);
    notes.add(summary(result, lifts.size() - ignored.size(), totalConversions));
    if (!ignored.isEmpty()) {
      notes.add("calibration: lift results for channels the journeys do not hold were ignored: "
          + String.join(", ", ignored));
    }
    return AttributionResult.of(result.model(), result.channels(), conv, value, totalConversions, sum(value), true)
        .withNotes(notes);
  }

  /**
   * The lift results indexed by the ids of {@code channels} (null where untested); the channels not in
   * {@code channels} are added to {@code ignored}.
   *
   * @throws InvalidFieldException if two lift results name one channel
   */
  static LiftResult[] byChannelId(ChannelIndex channels, List<LiftResult> lifts, List<String> ignored) {
    LiftResult[] tested = new LiftResult[channels.size()];
    Set<String> seen = new HashSet<>();
    for (LiftResult lift : lifts) {
      if (!seen.add(lift.channel())) {
        throw new InvalidFieldException("channel", lift.channel(), "must have one lift result; found two");
      }
      OptionalInt id = channels.id(lift.channel());
      if (id.isPresent()) {
        tested[id.getAsInt()] = lift;
      } else {
        ignored.add(lift.channel());
      }
    }
    return tested;
  }

  /** The factor the untested channels' model credits are multiplied by. */
  private double untestedFactor(AttributionResult result, double testedModel, double testedLift,
      double untestedModel, List<String> notes) {
    if (untested == UntestedChannels.SCALED) {
      if (testedModel > 0 && testedLift >= 0) {
        return testedLift / testedModel;
      }
      if (testedModel > 0) {
        notes.add("calibration: the experiments found no incremental conversions (" + format(testedLift) + ") where"
            + " the model credited " + format(testedModel) + ", so scaled by them the untested channels get none;"
            + " where the tested channels are unlike the others (retargeting, navigational visits), untested"
            + " channels refitted or given the remainder say more");
        return 0;
      }
      if (testedLift != 0) {
        notes.add("calibration: the model credited the tested channels with nothing, so their experiments give no"
            + " incrementality factor (lift " + format(testedLift) + "); untested channels keep the model's"
            + " credits");
      }
      return 1;
    }
    double left = result.totalConversions() - testedLift;
    if (left < 0) {
      notes.add("calibration: the experiments' incremental conversions (" + format(testedLift) + ") exceed the"
          + " observed conversions (" + format(result.totalConversions()) + "); untested channels get nothing:"
          + " check that the experiments cover the journeys' period");
      return 0;
    }
    if (!(untestedModel > 0)) {
      if (left > 0) {
        notes.add("calibration: " + format(left) + " observed conversions are left to no channel (the untested"
            + " channels have no model credit): they are the baseline");
      }
      return 0;
    }
    return left / untestedModel;
  }

  private static double[] values(AttributionResult result, double[] conv) {
    double mean = result.totalConversions() > 0 ? result.totalValue() / result.totalConversions() : 0;
    double[] value = new double[conv.length];
    for (int c = 0; c < conv.length; c++) {
      double perConversion = result.conversions(c) > 0 ? result.value(c) / result.conversions(c) : mean;
      value[c] = conv[c] * perConversion;
    }
    return value;
  }

  private String summary(AttributionResult result, int tested, double totalConversions) {
    String meaning = untested == UntestedChannels.SCALED
        ? "the credits estimate incremental conversions; the baseline (observed minus credited) is "
            + format(result.totalConversions() - totalConversions)
        : "the untested channels share what the experiments leave of the observed conversions, baseline included";
    return "calibration: " + tested + " channel(s) set to their experiments' " + (nearest ? "nearest interval"
        + " point" : "estimates") + ", untested channels " + untested.name().toLowerCase(Locale.ROOT) + "; observed"
        + " conversions " + format(result.totalConversions()) + ", credited " + format(totalConversions) + "; "
        + meaning;
  }

  static String format(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }

  static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  @Override
  public String toString() {
    return "LiftCalibration[untested=" + untested + ", nearest=" + nearest + "]";
  }
}
