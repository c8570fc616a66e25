package org.engagement.roi.mix;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * How a mix model is fitted. Immutable and thread-safe.
 *
 * @param adstock the carry-over shape of every channel
 * @param maxLag the delayed carry-over's lags in periods, at least 2 (104: two years of weeks)
 * @param maxHalfLife the longest carry-over half-life searched, in periods (52: a year of weeks)
 * @param seasonLength periods in a year: 52 for weeks, 12 for months
 * @param fourierOrder harmonics of the yearly season, 0 to 6
 * @param ridge the ridge penalty on the media effects on the normalised scale, not negative
 * @param starts the number of search starts, at least 1
 * @param evaluations the objective evaluations allowed per start, at least 100
 * @param resamples the bootstrap resamples for intervals, 0 for none
 * @param blockLength the bootstrap's block length in periods, at least 1
 * @param seed the seed of the starts and the bootstrap
 * @since 0.1.0
 */
public record MixSettings(Adstock adstock, int maxLag, double maxHalfLife, int seasonLength, int fourierOrder,
    double ridge, int starts, int evaluations, int resamples, int blockLength, long seed) {

  /** Validates the settings. */
  public MixSettings {
    requireNonNull(adstock, "adstock");
    check("maxLag", maxLag, maxLag >= 2 && maxLag <= 520, "must be in [2, 520]");
    check("maxHalfLife", maxHalfLife, maxHalfLife >= 1 && maxHalfLife <= 520, "must be in [1, 520]");
    check("seasonLength", seasonLength, seasonLength >= 2 && seasonLength <= 366, "must be in [2, 366]");
    check("fourierOrder", fourierOrder, fourierOrder >= 0 && fourierOrder <= 6, "must be in [0, 6]");
    check("ridge", ridge, ridge >= 0 && ridge < 1e6, "must be in [0, 1e6)");
    check("starts", starts, starts >= 1 && starts <= 100, "must be in [1, 100]");
    check("evaluations", evaluations, evaluations >= 100 && evaluations <= 1_000_000,
        "must be in [100, 1000000]");
    check("resamples", resamples, resamples >= 0 && resamples <= 10_000, "must be in [0, 10000]");
    check("blockLength", blockLength, blockLength >= 1 && blockLength <= 104, "must be in [1, 104]");
  }

  private static void check(String field, double value, boolean ok, String rule) {
    if (!ok) {
      throw new InvalidFieldException(field, value, rule);
    }
  }

  /**
   * Weekly data: geometric carry-over with half-lives up to a year, two harmonics of a 52-week season, ridge
   * 0.1, two starts of 2,500 evaluations, 50 bootstrap resamples in blocks of 8 weeks, seed 1.
   *
   * @return the settings
   */
  public static MixSettings weekly() {
    return new MixSettings(Adstock.GEOMETRIC, 104, 52, 52, 2, 0.1, 2, 2_500, 50, 8, 1);
  }

  /**
   * Monthly data: as {@link #weekly()} with a 12-month season, half-lives up to 12 months, 24 lags and
   * blocks of 3 months.
   *
   * @return the settings
   */
  public static MixSettings monthly() {
    return new MixSettings(Adstock.GEOMETRIC, 24, 12, 12, 2, 0.1, 2, 2_500, 50, 3, 1);
  }

  /** These settings with another number of bootstrap resamples. */
  public MixSettings withResamples(int count) {
    return new MixSettings(adstock, maxLag, maxHalfLife, seasonLength, fourierOrder, ridge, starts, evaluations,
        count, blockLength, seed);
  }

  /** These settings with another ridge penalty (see {@link MarketingMix#validatedRidge}). */
  public MixSettings withRidge(double penalty) {
    return new MixSettings(adstock, maxLag, maxHalfLife, seasonLength, fourierOrder, penalty, starts, evaluations,
        resamples, blockLength, seed);
  }

  /** These settings with another seed. */
  public MixSettings withSeed(long newSeed) {
    return new MixSettings(adstock, maxLag, maxHalfLife, seasonLength, fourierOrder, ridge, starts, evaluations,
        resamples, blockLength, newSeed);
  }

  /** These settings with another carry-over shape. */
  public MixSettings withAdstock(Adstock shape) {
    return new MixSettings(shape, maxLag, maxHalfLife, seasonLength, fourierOrder, ridge, starts, evaluations,
        resamples, blockLength, seed);
  }
}
