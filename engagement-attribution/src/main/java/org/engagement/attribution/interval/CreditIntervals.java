package org.engagement.attribution.interval;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A model's credits per channel with bootstrap percentile intervals, and how they were computed: the model,
 * the level, the number of resamples, the seed, what was resampled ({@code customers} or {@code journeys}),
 * and notes (resamples on which the model failed, what the model itself noted). For a command line or a
 * report to print.
 *
 * <p>The intervals are predictive (the spread of the model's answer over resamples of the input), not a
 * measure of causal error.
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the model's name
 * @param level the nominal coverage, for example 0.95
 * @param resamples the resamples the intervals were computed from (those on which the model answered)
 * @param seed the seed of the resampling
 * @param unit what was resampled: {@code customers} or {@code journeys}
 * @param channels one interval per channel of the input, in channel order
 * @param notes sentences a reader should know
 * @since 0.1.0
 */
public record CreditIntervals(String model, double level, int resamples, long seed, String unit,
    List<CreditInterval> channels, List<String> notes) {
  /** Copies the lists. */
  public CreditIntervals {
    requireNonNull(model, "model");
    requireNonNull(unit, "unit");
    channels = List.copyOf(channels);
    notes = List.copyOf(notes);
  }

  /** The interval of the channel called {@code name}, if the input had it. */
  public Optional<CreditInterval> channel(String name) {
    requireNonNull(name, "name");
    return channels.stream().filter(c -> c.channel().equals(name)).findFirst();
  }
}
