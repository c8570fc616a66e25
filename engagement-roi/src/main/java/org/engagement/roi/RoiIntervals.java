package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The attributed revenue and ROI of each invested channel with seeded bootstrap percentile intervals, and how
 * they were drawn: the attribution model, the level, the resamples, the seed and what was resampled. Made by
 * {@link RoiAnalysis#intervals}; for a host, a command line or a report to show beside the ROI.
 *
 * <p>The intervals are the sampling noise of the attribution over customers (the spread of the measured
 * model's credits over resamples of the customers, carried to the revenue and ROI), not a measure of causal
 * error: a model that credits a channel wrongly does so on every resample, with a narrow interval. Only an
 * experiment measures cause; a channel an experiment tested carries the experiment's interval
 * ({@link ChannelRoiInterval#fromExperiment()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the measured attribution model's name
 * @param level the nominal coverage, in (0, 1), for example 0.95
 * @param resamples the resamples the intervals were computed from (those on which the model answered)
 * @param seed the seed of the resampling
 * @param unit what was resampled: {@code customers}, or {@code journeys} for journeys made from paths
 * @param channels one interval per channel with investment and a positive value credit, in the report's order
 * @param segments one interval of the total ROI per segment asked for ({@link RoiBootstrap#withSegments}) with
 *     investment and credited purchase value, from the same resamples, in the segments' order; empty if none was
 * @param notes sentences a reader should know: how the intervals were drawn, channels and segments left out and
 *     why, resamples the model refused
 * @since 0.1.0
 */
public record RoiIntervals(String model, double level, int resamples, long seed, String unit,
    List<ChannelRoiInterval> channels, List<SegmentRoiInterval> segments, List<String> notes) {
  /**
   * Validates and copies the lists.
   *
   * @throws InvalidFieldException if the level is not in (0, 1) or there are fewer than 2 resamples
   */
  public RoiIntervals {
    requireNonNull(model, "model");
    requireNonNull(unit, "unit");
    if (!(level > 0 && level < 1)) {
      throw new InvalidFieldException("level", level, "must be greater than 0 and less than 1");
    }
    if (resamples < 2) {
      throw new InvalidFieldException("resamples", resamples, "must be at least 2");
    }
    channels = List.copyOf(channels);
    segments = List.copyOf(segments);
    notes = List.copyOf(notes);
  }

  /**
   * Intervals of channels only, no segment's.
   *
   * @throws InvalidFieldException as the canonical constructor
   */
  public RoiIntervals(String model, double level, int resamples, long seed, String unit,
      List<ChannelRoiInterval> channels, List<String> notes) {
    this(model, level, resamples, seed, unit, channels, List.of(), notes);
  }

  /** The interval of the channel called {@code name}, if it has one. */
  public Optional<ChannelRoiInterval> channel(String name) {
    requireNonNull(name, "name");
    return channels.stream().filter(c -> c.channel().equals(name)).findFirst();
  }

  /** The interval of the segment called {@code name}, if it has one. */
  public Optional<SegmentRoiInterval> segment(String name) {
    requireNonNull(name, "name");
    return segments.stream().filter(s -> s.segment().equals(name)).findFirst();
  }
}
