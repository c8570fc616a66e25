package org.engagement.roi.mix.internal;

import java.util.SplittableRandom;

/**
 * A made-up weekly series for the mix model's internal tests: a trend, a yearly season and two channels generated
 * from known curves (a fast one whose spend steps every four weeks, a slower one stepping every seven), with seeded
 * Gaussian noise.
 */
final class TwoChannelSeries {
  private final double[][] spend;
  private final double[] outcome;

  private TwoChannelSeries(double[][] spend, double[] outcome) {
    this.spend = spend;
    this.outcome = outcome;
  }

  /** The two channels' spend per week, a new array. */
  double[][] spend() {
    return new double[][] {spend[0].clone(), spend[1].clone()};
  }

  /** The outcome per week, a new array. */
  double[] outcome() {
    return outcome.clone();
  }

  /**
   * The series.
   *
   * @param weeks the number of weeks
   * @param noise the noise's standard deviation (0 for none)
   * @param seed the noise's seed
   * @return the series
   */
  static TwoChannelSeries of(int weeks, double noise, long seed) {
    double[][] spend = new double[2][weeks];
    for (int t = 0; t < weeks; t++) {
      spend[0][t] = 100 + 60 * ((t / 4) % 3);
      spend[1][t] = 80 + 50 * ((t / 7) % 2);
    }
    double[] a = new ChannelCurve(0.5, 0, 0, 1.0, 1.0, 160, 300).contributions(spend[0]);
    double[] b = new ChannelCurve(Math.pow(0.5, 1 / 6.0), 0, 0, 1.2, 1.0, 105, 200).contributions(spend[1]);
    SplittableRandom random = new SplittableRandom(seed);
    double[] outcome = new double[weeks];
    for (int t = 0; t < weeks; t++) {
      outcome[t] = 1_000 + 1.5 * t + 40 * Math.sin(2 * Math.PI * t / 52) + a[t] + b[t]
          + noise * random.nextGaussian();
    }
    return new TwoChannelSeries(spend, outcome);
  }
}
