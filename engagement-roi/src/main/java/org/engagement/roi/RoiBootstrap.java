package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.attribution.interval.BootstrapIntervals;
import org.engagement.attribution.interval.CreditInterval;
import org.engagement.attribution.interval.CreditIntervals;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * How {@link RoiAnalysis#intervals} draws the intervals of each channel's attributed revenue and ROI: how many
 * resamples, from which seed, at which level, and the experiments the measured attribution was calibrated with.
 *
 * <h2>Method</h2>
 * The measured model runs on resamples of the customers ({@link BootstrapIntervals}: customers drawn with
 * replacement, each with all their journeys; a model's {@linkplain AttributionModel#forResamplesOf resample
 * form}), and the lower and upper {@code (1 − level)/2} percentiles of each channel's value credit are scaled as
 * the point credit was on its way into the channel's attributed revenue (by {@code 1 − w}, the survey blend's
 * measured share, with the default calculator), then carried to the ROI with the other rewards held. The point
 * credits are those of the {@link RoiResult} given: the model is not run again on the whole journeys. Retention,
 * engagement lift and the survey's share are held, so the intervals show the attribution's sampling noise over
 * customers only.
 *
 * <h2>Experiments</h2>
 * A model calibrated with lift results ({@link org.engagement.attribution.calibration.LiftCalibration#model})
 * calibrates every resample with its own draw of each experiment's result from the experiment's interval (see
 * {@link org.engagement.attribution.AttributionModel#forResample}), so the untested channels' intervals carry the
 * experiments' uncertainty as well as the customers'. A tested channel's bootstrap interval then approximates its
 * experiment's; given those lift results ({@link #withExperiments}), its revenue interval is its experiment's
 * interval in money exactly, at the bootstrap's level ({@link LiftResult#atLevel}, so that one table holds one
 * level): its low and high incremental conversions at the channel's value per credited conversion, scaled as its
 * credit was.
 *
 * <h2>Segments</h2>
 * A marketer comparing value tiers asks which tier returns what and whether the difference is real. With the
 * segments' reports ({@link #withSegments}), each segment's total ROI gets an interval from the very resamples the
 * channels' are drawn from (each resample's segment is its drawn members, credited by the segments' model), and its
 * difference from the best segment an interval paired on those resamples ({@link SegmentRoiInterval},
 * {@link RoiDifference}). The segment's credited purchase value is what moves; its investment, retention and
 * engagement lift and the survey's split are held.
 *
 * <h2>Defaults and cost</h2>
 * {@link #defaults()}: {@value #DEFAULT_RESAMPLES} resamples, seed 0, level 0.95 (the defaults of
 * {@link BootstrapIntervals}), no experiments, no segments. Work is one run of the model per resample, spread over
 * the cores, and with segments one run of the segments' model per segment and resample on its members (far fewer
 * journeys); the result depends only on the data, the models, the resamples, the seed and the level.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RoiBootstrap {
  /** The resamples of {@link #defaults()}. */
  public static final int DEFAULT_RESAMPLES = BootstrapIntervals.DEFAULT_RESAMPLES;
  /** The nominal coverage of {@link #defaults()} and {@link #of}. */
  public static final double DEFAULT_LEVEL = BootstrapIntervals.DEFAULT_LEVEL;

  private final BootstrapIntervals credits;
  private final List<LiftResult> experiments;
  private final @Nullable Segmented segmented;

  private RoiBootstrap(BootstrapIntervals credits, List<LiftResult> experiments, @Nullable Segmented segmented) {
    this.credits = credits;
    this.experiments = experiments;
    this.segmented = segmented;
  }

  /** {@value #DEFAULT_RESAMPLES} resamples, seed 0, at the level {@value #DEFAULT_LEVEL}, without experiments. */
  public static RoiBootstrap defaults() {
    return of(DEFAULT_RESAMPLES, 0);
  }

  /**
   * {@code resamples} resamples drawn with {@code seed}, at the level {@value #DEFAULT_LEVEL}, without
   * experiments.
   *
   * @throws InvalidFieldException if {@code resamples} is not from 2 to 100,000
   */
  public static RoiBootstrap of(int resamples, long seed) {
    return new RoiBootstrap(BootstrapIntervals.of(resamples, seed), List.of(), null);
  }

  /**
   * This bootstrap at another nominal coverage.
   *
   * @throws InvalidFieldException if {@code level} is not greater than 0 and less than 1
   */
  public RoiBootstrap withLevel(double level) {
    return new RoiBootstrap(credits.withLevel(level), experiments, segmented);
  }

  /**
   * This bootstrap with the lift results the analysis's model was calibrated with: each tested channel's
   * interval is its experiment's. They must be the very results of the calibration, which {@link RoiAnalysis}
   * checks (a tested channel's credit must lie in its experiment's interval).
   *
   * @throws InvalidFieldException if two lift results name one channel
   */
  public RoiBootstrap withExperiments(List<LiftResult> lifts) {
    List<LiftResult> copy = List.copyOf(lifts);
    Set<String> seen = new HashSet<>();
    for (LiftResult lift : copy) {
      if (!seen.add(lift.channel())) {
        throw new InvalidFieldException("experiments", lift.channel(), "must hold one lift result per channel; "
            + "found two for this one");
      }
    }
    return new RoiBootstrap(credits, copy, segmented);
  }

  /**
   * This bootstrap with the total ROI of each segment of {@code results} too ({@link RoiIntervals#segments()}), drawn
   * from the same resamples of the customers as the channels' intervals: one bootstrap serves both, each resample's
   * segments are its drawn customers' members (with their multiplicity), and two segments' ROIs on one resample are
   * paired for their difference ({@link RoiDifference}), which answers "is this tier's ROI really higher?" better
   * than two intervals side by side. A segment's resample is credited by {@code analysis}'s model (its resample form)
   * and moves the segment's credited purchase value; its investment, retention, engagement lift and survey split
   * are held ({@link SegmentRoiInterval}). The cost is a pass over the journeys and one run of {@code analysis}'s
   * model per segment and resample, on the bootstrap's workers.
   *
   * <p>{@code results} must be {@code analysis.perSegment(data, segments)} on the data the intervals are computed
   * for, whose journeys keep their customers ({@link JourneySet#timed()}): a segment's journeys are its members'
   * among the data's, as {@link RoiAnalysis#perSegment} takes them.
   *
   * @throws InvalidFieldException if a result names no segment of {@code segments}
   */
  public RoiBootstrap withSegments(RoiAnalysis analysis, RoiSegments segments, Map<String, RoiResult> results) {
    requireNonNull(analysis, "analysis");
    requireNonNull(segments, "segments");
    for (String name : results.keySet()) {
      if (!segments.names().contains(name)) {
        throw new InvalidFieldException("segment results", name, "must name a segment of " + segments.names());
      }
    }
    return new RoiBootstrap(credits, experiments, new Segmented(analysis, segments,
        Collections.unmodifiableMap(new LinkedHashMap<>(results))));
  }

  /** The number of resamples. */
  public int resamples() {
    return credits.resamples();
  }

  /** The seed of the resampling. */
  public long seed() {
    return credits.seed();
  }

  /** The nominal coverage. */
  public double level() {
    return credits.level();
  }

  /** The segments whose total ROI the bootstrap also draws ({@link #withSegments}); empty if none. */
  Optional<Segmented> segmented() {
    return Optional.ofNullable(segmented);
  }

  /** The lift results whose channels take their experiment's interval; empty without experiments. */
  public List<LiftResult> experiments() {
    return experiments;
  }

  /**
   * The intervals of {@code result}'s channels, {@code result} being the ROI of {@code journeys} measured by
   * {@code model}, and of the segments of {@code segments}, which observes the same resamples.
   *
   * @throws InvalidFieldException if a tested channel's credit lies outside its experiment's interval (the model
   *     was not calibrated with these experiments)
   * @throws IllegalArgumentException if the model refuses every resample but one
   */
  RoiIntervals compute(AttributionModel model, JourneySet journeys, RoiResult result, SegmentBootstrap segments) {
    AttributionResult measured = result.attribution().measured();
    requireCalibrated(measured);
    CreditIntervals intervals = credits.compute(new Answered(model, journeys, measured,
        segments.observes() ? segments : null), journeys);
    Map<String, Double> values = measured.valueByChannel();
    List<ChannelRoiInterval> channels = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT, "intervals: %.4g%% bootstrap percentiles of %s's value credits over %d "
        + "resamples of the %s (seed %d), carried to the attributed revenue and the ROI with the other rewards held;"
        + " they show sampling noise over %s, not whether the attribution is causally right", intervals.level() * 100,
        intervals.model(), intervals.resamples(), intervals.unit(), intervals.seed(), intervals.unit()));
    intervals.notes().stream().filter(note -> note.contains(" refused ")).forEach(notes::add);
    for (RoiLine line : result.report().channels()) {
      Optional<ChannelRoiInterval> interval = interval(line, values.getOrDefault(line.key(), 0.0), measured,
          intervals.channel(line.key()));
      interval.ifPresentOrElse(channels::add, () -> notes.add("intervals: none for " + line.key()
          + ": it has no investment, no attributed revenue or no value credit"));
    }
    notes.addAll(segments.notes());
    return new RoiIntervals(intervals.model(), intervals.level(), intervals.resamples(), intervals.seed(),
        intervals.unit(), channels, segments.intervals(intervals.level()), notes);
  }

  /**
   * The interval of {@code line}, whose channel the model credited with {@code credit}; none without investment,
   * attributed revenue, a positive credit or a credit interval.
   */
  private Optional<ChannelRoiInterval> interval(RoiLine line, double credit, AttributionResult measured,
      Optional<CreditInterval> interval) {
    OptionalDouble revenue = line.reward(RewardComponent.ATTRIBUTED_REVENUE);
    double spent = line.cost().amount().doubleValue();
    if (revenue.isEmpty() || !(revenue.getAsDouble() >= 0) || !(spent > 0) || !(credit > 0) || interval.isEmpty()) {
      return Optional.empty();
    }
    double attributed = revenue.getAsDouble();
    double scale = attributed / credit;
    Optional<LiftResult> lift = experiment(line.key()).map(experiment -> experiment.atLevel(level()));
    double perConversion = credit / measured.conversions(line.key());
    double low = lift.map(l -> l.low() * perConversion).orElse(interval.get().valueLow()) * scale;
    double high = lift.map(l -> l.high() * perConversion).orElse(interval.get().valueHigh()) * scale;
    return Optional.of(new ChannelRoiInterval(line.key(), spent, attributed, low, high, line.roi().getAsDouble(),
        roiWith(line, low - attributed), roiWith(line, high - attributed), lift.isPresent()));
  }

  /** The ROI of {@code line} with {@code change} added to its total reward. */
  private static double roiWith(RoiLine line, double change) {
    double spent = line.cost().amount().doubleValue();
    return (line.margin() * (line.totalReward() + change) - spent) / spent;
  }

  private Optional<LiftResult> experiment(String channel) {
    return experiments.stream().filter(lift -> lift.channel().equals(channel)).findFirst();
  }

  /**
   * Requires each tested channel that {@code measured} credits to have its credit in its experiment's interval,
   * as calibration with the experiment leaves it: otherwise the experiment's interval would be shown around a
   * credit it did not produce.
   *
   * @throws InvalidFieldException naming the channel, its credit and the experiment's interval
   */
  private void requireCalibrated(AttributionResult measured) {
    for (LiftResult lift : experiments) {
      if (measured.channels().id(lift.channel()).isPresent() && !lift.contains(measured.conversions(lift.channel()))) {
        throw new InvalidFieldException("experiments", lift.channel() + " [" + lift.low() + ", " + lift.high() + "]",
            "must be the lift results the model was calibrated with: " + measured.model() + " credits "
            + lift.channel() + " with " + measured.conversions(lift.channel()) + " conversions, outside the "
            + "experiment's interval");
      }
    }
  }

  @Override
  public String toString() {
    return "RoiBootstrap[resamples=" + resamples() + ", seed=" + seed() + ", level=" + level() + ", experiments="
        + experiments.size() + ", segments=" + (segmented == null ? 0 : segmented.results().size()) + "]";
  }

  /**
   * {@code model} with its credits on {@code journeys} already known: the bootstrap starts with the model's credits
   * on the whole journeys, which the ROI has just computed with the same model (at 10 million interactions the
   * calibrated interaction-hazard fit took about 14 s of CPU a run). Any other journey set, a resample, is
   * attributed afresh. The set is recognised by identity, not equality: only the very set the credits came from.
   * With {@code segments}, each resample the resample form answers on is handed to them too.
   */
  private record Answered(AttributionModel model, JourneySet journeys, AttributionResult credits,
      @Nullable SegmentBootstrap segments) implements AttributionModel {
    @Override
    public String name() {
      return model.name();
    }

    @Override
    public ModelParameters parameters() {
      return model.parameters();
    }

    @Override
    @SuppressWarnings("ReferenceEquality") // by identity: comparing a resample path by path costs more than it saves
    public AttributionResult attribute(JourneySet set) {
      return set == journeys ? credits : model.attribute(set);
    }

    @Override
    public AttributionModel forResamplesOf(JourneySet set) {
      AttributionModel resampled = model.forResamplesOf(set);
      return segments == null ? resampled : new Observed(resampled, segments);
    }
  }

  /**
   * {@code model}, each resample it answers on handed to {@code segments} after it (so a resample the model refuses
   * is left out of the segments' intervals as of the channels').
   */
  private record Observed(AttributionModel model, SegmentBootstrap segments) implements AttributionModel {
    @Override
    public String name() {
      return model.name();
    }

    @Override
    public ModelParameters parameters() {
      return model.parameters();
    }

    @Override
    public AttributionResult attribute(JourneySet set) {
      AttributionResult result = model.attribute(set);
      segments.observe(set);
      return result;
    }

    @Override
    public AttributionModel forResample(long seed) {
      return new Observed(model.forResample(seed), segments);
    }
  }

  /**
   * The segments a bootstrap also draws: the analysis that made their reports, the segments, and the reports.
   *
   * @param analysis the analysis whose {@link RoiAnalysis#perSegment} made {@code results}
   * @param segments the segments
   * @param results each segment's ROI, by name, unmodifiable
   */
  record Segmented(RoiAnalysis analysis, RoiSegments segments, Map<String, RoiResult> results) {}
}
