package org.engagement.cli;

import org.engagement.attribution.interval.BootstrapIntervals;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of {@code attribute} that add bootstrap intervals to the credits (a picocli mixin):
 * {@code --intervals [N]} resamples, {@code --seed S} and {@code --level L}; {@code --seed} and
 * {@code --level} are usage errors without {@code --intervals}. Not thread-safe (picocli fills the fields).
 */
final class IntervalOptions {
  @Option(names = "--intervals", arity = "0..1", paramLabel = "N",
      fallbackValue = "" + BootstrapIntervals.DEFAULT_RESAMPLES,
      description = "add bootstrap percentile intervals from N resamples (default N "
          + BootstrapIntervals.DEFAULT_RESAMPLES + ", from 2 to 100000): adds the columns conversions_low, "
          + "conversions_high, value_low, value_high, share, share_low and share_high; customers are resampled "
          + "with --interactions, "
          + "journeys (Poisson counts) with --input")
  @Nullable Integer resamples;

  @Option(names = "--seed", paramLabel = "S",
      description = "with --intervals: the seed of the resampling (default 0); the same seed gives the same output")
  @Nullable Long seed;

  @Option(names = "--level", paramLabel = "L",
      description = "with --intervals: the intervals' nominal coverage, greater than 0 and less than 1 "
          + "(default 0.95)")
  @Nullable Double level;

  /**
   * The bootstrap the options ask for, or null without {@code --intervals}.
   *
   * @throws Failure a usage error if {@code --seed} or {@code --level} is given without {@code --intervals},
   *     or a value is out of range
   */
  @Nullable BootstrapIntervals bootstrap() throws Failure {
    Integer n = resamples;
    if (n == null) {
      if (seed != null || level != null) {
        throw Failure.usage((seed != null ? "--seed" : "--level") + " needs --intervals");
      }
      return null;
    }
    try {
      BootstrapIntervals bootstrap = BootstrapIntervals.of(n, seed == null ? 0 : seed);
      return level == null ? bootstrap : bootstrap.withLevel(level);
    } catch (IllegalArgumentException e) {
      throw Failure.usage((level != null && !(level > 0 && level < 1) ? "--level" : "--intervals") + ": "
          + e.getMessage());
    }
  }
}
