package org.engagement.simulator;

import java.util.SplittableRandom;

/**
 * The random draws the world is made of, taken from a person's own {@link SplittableRandom} and computed
 * with {@link StrictMath}, so that a seed gives the same world on every JVM and platform (the JDK's own
 * Gaussian and {@link Math}'s intrinsics promise no such thing). Stateless.
 */
final class Draws {
  private Draws() {}

  /** A standard normal draw by the Box–Muller transform. */
  static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * random.nextDouble());
  }

  /** A standard exponential draw (mean 1), by inversion. */
  static double exponential(SplittableRandom random) {
    return -StrictMath.log(1 - random.nextDouble());
  }

  /** A Poisson draw by Knuth's multiplication method; the means here are small. */
  static int poisson(SplittableRandom random, double mean) {
    double limit = StrictMath.exp(-mean);
    int k = 0;
    double product = random.nextDouble();
    while (product > limit) {
      k++;
      product *= random.nextDouble();
    }
    return k;
  }
}
