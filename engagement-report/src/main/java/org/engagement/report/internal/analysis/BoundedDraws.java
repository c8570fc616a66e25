package org.engagement.report.internal.analysis;

import java.util.SplittableRandom;

/**
 * Draws below one bound that are exactly the ints {@link SplittableRandom#nextInt(int)} returns for it, from the
 * same {@link SplittableRandom#nextInt()} reads, with the division by the bound done as a multiplication (issue
 * 16: the summary's bootstrap draws over a hundred million payers at 10 million interactions, and a 32-bit
 * division by a bound that is not a constant is the slowest step of each; C2 turns only constant divisors into
 * multiplications).
 *
 * <p>The draw is the JDK 17 algorithm {@code RandomSupport.boundedNextInt}: a power-of-two bound masks the
 * generator's int; any other takes its upper 31 bits {@code u} and rejects {@code u} whose block of {@code bound}
 * values runs past {@link Integer#MAX_VALUE}, reading another int. Only {@code u % bound} differs in how it is
 * computed: {@code u / bound} is {@code (u * m) >>> (31 + l)} with {@code l = ceil(log2 bound)} and {@code m =
 * ceil(2^(31 + l) / bound)}, exact for every {@code u} below {@code 2^31} (Granlund and Montgomery, "Division by
 * invariant integers using multiplication", PLDI 1994, theorem 4.2: {@code m} has 32 bits, so {@code u * m} fits
 * in a {@code long}). The algorithm restates a JDK method's body, which a JDK may change: {@code
 * BoundedDrawsTest} compares it with {@code nextInt(bound)} on many bounds and seeds, so such a change fails the
 * build rather than the page's figures.
 *
 * <p>Immutable and thread-safe; the generator it is given is not.
 */
final class BoundedDraws {
  private final int bound;
  private final boolean powerOfTwo;
  private final long multiplier;
  private final int shift;

  private BoundedDraws(int bound) {
    this.bound = bound;
    this.powerOfTwo = (bound & (bound - 1)) == 0;
    int log = 32 - Integer.numberOfLeadingZeros(bound - 1);
    this.shift = 31 + log;
    this.multiplier = powerOfTwo ? 0 : ((1L << shift) - 1) / bound + 1;
  }

  /**
   * Draws in {@code [0, bound)}.
   *
   * @throws IllegalArgumentException if {@code bound} is not positive
   */
  static BoundedDraws below(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return new BoundedDraws(bound);
  }

  /** The next draw of {@code random}: what {@code random.nextInt(bound)} would return, leaving it in the same state. */
  int next(SplittableRandom random) {
    int r = random.nextInt();
    if (powerOfTwo) {
      return r & (bound - 1);
    }
    int m = bound - 1;
    for (int u = r >>> 1; ; u = random.nextInt() >>> 1) {
      r = u - (int) ((u * multiplier) >>> shift) * bound;
      if (u + m - r >= 0) {
        return r;
      }
    }
  }
}
