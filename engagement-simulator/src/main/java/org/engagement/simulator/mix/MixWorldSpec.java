package org.engagement.simulator.mix;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.engagement.core.domain.InvalidFieldException;

/**
 * What a marketing-mix world looks like: its calendar, baseline, trend, seasonality, noise and channels.
 *
 * <p>Immutable and thread-safe.
 *
 * @param start the first day of the first period
 * @param periods the number of periods, at least 26
 * @param periodDays the length of a period in days (7 for weeks)
 * @param seasonLength periods in a year (52 for weeks), for the seasonality
 * @param baseline the outcome per period with no media, at the start, positive
 * @param trend the baseline's relative growth over the whole series (0.1: ten per cent)
 * @param seasonality the relative amplitude of the yearly season
 * @param demand the standard deviation of the unobserved AR(1) demand, relative to the baseline
 * @param noise the standard deviation of the white noise, relative to the baseline
 * @param channels the channels, at least one, names distinct
 * @param seed the seed of every draw
 * @param plans how the spend of each period is planned
 * @since 0.1.0
 */
public record MixWorldSpec(LocalDate start, int periods, int periodDays, int seasonLength, double baseline,
    double trend, double seasonality, double demand, double noise, List<MixChannel> channels, long seed,
    Plans plans) {

  /**
   * How spend is laid out over the periods. Each plan keeps a channel's expected spend per period at its
   * {@link MixChannel#meanSpend()} and its share of periods without spend near {@link MixChannel#dark()}.
   *
   * @since 0.1.0
   */
  public enum Plans {
    /**
     * Independent draws each period (log-normal, sd 0.6) around a level redrawn each quarter (sd 0.4), with
     * periods dark at random: lively from week to week, but a slow channel's carry-over averages the weekly
     * draws away and leaves only the quarterly levels. The worlds' original plans.
     */
    WEEKLY_DRAWS,
    /**
     * Spend as media plans lay it out, in the three scheduling patterns of the American Marketing
     * Association's definitions (continuous, flighting, pulsing) and with budgets set per year: a yearly
     * budget level (log-normal, sd 0.25); channels that go dark ({@link MixChannel#dark()} of 0.3 or more)
     * run in flights of 2 to 6 periods with gaps between them; the others pulse, a continuous base at 60 %
     * with bursts of 4 to 8 periods at twice the base starting more often in the high season (Naik, "Essentials
     * of planning media schedules", in Ambler and Tellis, The SAGE Handbook of Advertising, 2007: concentrated
     * pulses interspersed with quieter periods); small execution noise (log-normal, sd 0.15) on top.
     */
    CAMPAIGNS
  }

  /**
   * A spec with the original spend plans ({@link Plans#WEEKLY_DRAWS}).
   *
   * @param start the first day of the first period
   * @param periods the number of periods
   * @param periodDays the length of a period in days
   * @param seasonLength periods in a year
   * @param baseline the outcome per period with no media
   * @param trend the baseline's relative growth over the series
   * @param seasonality the relative amplitude of the season
   * @param demand the standard deviation of the unobserved demand
   * @param noise the standard deviation of the white noise
   * @param channels the channels
   * @param seed the seed
   */
  public MixWorldSpec(LocalDate start, int periods, int periodDays, int seasonLength, double baseline,
      double trend, double seasonality, double demand, double noise, List<MixChannel> channels, long seed) {
    this(start, periods, periodDays, seasonLength, baseline, trend, seasonality, demand, noise, channels, seed,
        Plans.WEEKLY_DRAWS);
  }

  /** Validates the spec and copies the channel list. */
  public MixWorldSpec {
    requireNonNull(start, "start");
    requireNonNull(plans, "plans");
    if (periods < 26 || periods > 10_000) {
      throw new InvalidFieldException("periods", periods, "must be in [26, 10000]");
    }
    if (periodDays < 1 || periodDays > 31) {
      throw new InvalidFieldException("periodDays", periodDays, "must be in [1, 31]");
    }
    if (seasonLength < 2) {
      throw new InvalidFieldException("seasonLength", seasonLength, "must be at least 2");
    }
    if (!(baseline > 0 && baseline < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException("baseline", baseline, "must be a positive finite number");
    }
    for (double value : new double[] {trend, seasonality, demand, noise}) {
      if (!(value >= 0 && value <= 1)) {
        throw new InvalidFieldException("trend, seasonality, demand or noise", value, "must be in [0, 1]");
      }
    }
    channels = List.copyOf(channels);
    if (channels.isEmpty() || channels.stream().map(MixChannel::name).distinct().count() != channels.size()) {
      throw new InvalidFieldException("channels", channels.size(), "must be at least one, names distinct");
    }
  }

  /**
   * Three years of weeks from 2023-01-02 with eight channels: a baseline of 100,000 a week growing 10 %,
   * a 15 % season, demand 2 % and noise 3 % of the baseline, media about a third of the outcome.
   * {@code partnerships} is the slow relationship channel (a half-life of 17 weeks, about four months);
   * {@code tv} and {@code events} run in flights.
   *
   * @param seed the seed
   * @return the spec
   */
  public static MixWorldSpec defaults(long seed) {
    List<MixChannel> channels = List.of(
        new MixChannel("tv", 12_000, 3, 1.0, 2.0, 1.2, 0.4, 0),
        new MixChannel("search", 8_000, 0.5, 1.2, 1.0, 2.0, 0.15, 0),
        new MixChannel("social", 6_000, 1.5, 0.8, 1.3, 1.5, 0.15, 0),
        new MixChannel("display", 4_000, 1, 1.5, 1.0, 0.8, 0.2, 0),
        new MixChannel("email", 1_500, 1, 0.7, 1.0, 3.0, 0.2, 0),
        new MixChannel("events", 5_000, 6, 1.0, 1.5, 1.4, 0.5, 0),
        new MixChannel("press", 2_500, 4, 1.0, 1.2, 2.0, 0.3, 0),
        new MixChannel("partnerships", 4_000, 17, 1.0, 1.2, 2.5, 0, 0));
    return new MixWorldSpec(LocalDate.of(2023, 1, 2), 156, 7, 52, 100_000, 0.1, 0.15, 0.02, 0.03, channels,
        seed);
  }

  /**
   * The {@link #defaults(long)} world with every channel's response S-shaped (Hill shapes 2.0 to 2.8 instead of
   * 1.0 to 2.0): a check that a model default which suits the default world (whose search, display and email are
   * concave, shape 1) is not tuned to it. Jin et al. 2017 simulate shapes up to 3; a medium needs a threshold of
   * spend before it is noticed, as TV and events often do.
   *
   * @param seed the seed
   * @return the spec
   */
  public static MixWorldSpec sCurves(long seed) {
    MixWorldSpec defaults = defaults(seed);
    double[] shapes = {2.5, 2.0, 2.2, 2.8, 2.0, 2.5, 2.2, 2.0};
    List<MixChannel> channels = new ArrayList<>();
    for (int c = 0; c < shapes.length; c++) {
      channels.add(defaults.channels().get(c).withShape(shapes[c]));
    }
    return defaults.withChannels(channels);
  }

  /**
   * The {@link #defaults(long)} world's true curves with today's budget laid out badly, so that the budget plan
   * can be judged where moving money pays: on the default world the true optimum gains only about 1 % of the
   * outcome, under one week's noise, and real budgets are often far further from their optimum. Each channel's
   * response to a spend is the default's ({@link MixChannel#withMeanSpend}); the half-lives, shapes, flighting,
   * noise, demand and total spend (43,000 a period) are the default's too. Only the mean spends differ, set by a
   * rule fixed before any model was fitted to this world: the channels are ranked by their true marginal return
   * at the default spend (partnerships 1.50, email 1.24, press 1.20, tv 1.20, search 1.09, events 1.05, social
   * 0.83, display 0.48), the {@code k} best are halved and what that frees goes to the others in proportion to
   * their spend, with {@code k} the smallest that makes the true optimum's gain (within half to twice each
   * channel's spend, the budget plan's default bounds) at least 10 % of the outcome: {@code k = 6}, a gain of
   * about 17,000 a period, 11 % of the outcome and 5.7 noise sd ({@code k = 5}: 8.8 %). Social and display are
   * spent at 2.65 times the default, deep into saturation; the six others are starved at half.
   *
   * @param seed the seed
   * @return the spec
   */
  public static MixWorldSpec misallocated(long seed) {
    MixWorldSpec defaults = defaults(seed);
    Set<String> starved = Set.of("partnerships", "email", "press", "tv", "search", "events");
    double freed = 0;
    double fed = 0;
    for (MixChannel channel : defaults.channels()) {
      if (starved.contains(channel.name())) {
        freed += channel.meanSpend() / 2;
      } else {
        fed += channel.meanSpend();
      }
    }
    double raise = 1 + freed / fed;
    List<MixChannel> channels = new ArrayList<>();
    for (MixChannel channel : defaults.channels()) {
      double factor = starved.contains(channel.name()) ? 0.5 : raise;
      channels.add(channel.withMeanSpend(factor * channel.meanSpend()));
    }
    return defaults.withChannels(channels);
  }

  /** This spec with other channels. */
  public MixWorldSpec withChannels(List<MixChannel> newChannels) {
    return new MixWorldSpec(start, periods, periodDays, seasonLength, baseline, trend, seasonality, demand,
        noise, newChannels, seed, plans);
  }

  /** This spec with other spend plans. */
  public MixWorldSpec withPlans(Plans newPlans) {
    return new MixWorldSpec(start, periods, periodDays, seasonLength, baseline, trend, seasonality, demand,
        noise, channels, seed, newPlans);
  }
}
