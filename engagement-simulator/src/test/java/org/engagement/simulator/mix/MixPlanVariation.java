package org.engagement.simulator.mix;

import java.util.Locale;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * How much a model could see of each channel in the worlds' spend plans, before any model is fitted: for
 * seeds 1 to 8 of {@link MixWorldSpec#defaults} under each {@link MixWorldSpec.Plans}, each channel's
 * carried-over spend (with its true carry-over, after the first tenth of the periods) is summarised by its
 * coefficient of variation and by the R² of its regression on what a mix model fits beside it (intercept,
 * trend and two harmonics of the year): a slow channel whose carried-over spend barely varies, or varies as
 * the trend and the season do, cannot be told from the baseline by any model. A diagnosis printed by {@code
 * java -cp ... org.engagement.simulator.mix.MixPlanVariation}, not a test.
 */
final class MixPlanVariation {
  private static final int SEEDS = 8;

  private MixPlanVariation() {}

  public static void main(String[] args) {
    for (MixWorldSpec.Plans plans : MixWorldSpec.Plans.values()) {
      System.out.printf(Locale.ROOT, "%s: mean over seeds 1-%d of the carried-over spend's CV and R² on "
          + "intercept, trend and season%n", plans, SEEDS);
      MixWorldSpec first = MixWorldSpec.defaults(1);
      for (int c = 0; c < first.channels().size(); c++) {
        double cv = 0;
        double r2 = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
          MixWorldSpec spec = MixWorldSpec.defaults(seed).withPlans(plans);
          MixWorld world = MixSimulation.generate(spec);
          double[] carried = spec.channels().get(c).carry(world.spend(c));
          double[] tail = java.util.Arrays.copyOfRange(carried, carried.length / 10, carried.length);
          cv += coefficientOfVariation(tail) / SEEDS;
          r2 += baselineR2(tail, carried.length / 10, spec.seasonLength(), carried.length) / SEEDS;
        }
        System.out.printf(Locale.ROOT, "  %-13s half-life %5.1f  CV %.2f  R² %.2f%n", first.channels().get(c).name(),
            first.channels().get(c).halfLife(), cv, r2);
      }
    }
  }

  private static double coefficientOfVariation(double[] values) {
    double mean = java.util.Arrays.stream(values).average().orElse(0);
    double square = 0;
    for (double v : values) {
      square += (v - mean) * (v - mean);
    }
    return Math.sqrt(square / values.length) / mean;
  }

  private static double baselineR2(double[] values, int offset, int seasonLength, int n) {
    RealMatrix x = MatrixUtils.createRealMatrix(values.length, 6);
    for (int i = 0; i < values.length; i++) {
      int t = offset + i;
      double angle = 2 * Math.PI * t / seasonLength;
      x.setRow(i, new double[] {1, (double) t / (n - 1) - 0.5, Math.sin(angle), Math.cos(angle),
          Math.sin(2 * angle), Math.cos(2 * angle)});
    }
    RealVector y = MatrixUtils.createRealVector(values);
    RealVector fitted = x.operate(new QRDecomposition(x).getSolver().solve(y));
    double mean = java.util.Arrays.stream(values).average().orElse(0);
    double residual = y.subtract(fitted).dotProduct(y.subtract(fitted));
    double total = 0;
    for (double v : values) {
      total += (v - mean) * (v - mean);
    }
    return 1 - residual / total;
  }
}
