package org.engagement.simulator;

import org.hipparchus.random.RandomGenerator;

/**
 * A person's {@link java.util.SplittableRandom} seen as a Hipparchus {@link RandomGenerator}, so that the
 * Gamma and Beta draws come from Hipparchus's samplers (computed with its pure-Java {@code FastMath}, the same
 * on every JVM) while the stream stays the person's own. Reseeding is refused: a world's streams derive from
 * its seed alone. Not thread-safe.
 */
final class HipparchusRandom implements RandomGenerator {
  private final java.util.SplittableRandom random;

  HipparchusRandom(java.util.SplittableRandom random) {
    this.random = random;
  }

  @Override
  public void setSeed(int seed) {
    throw new UnsupportedOperationException("a person's stream is not reseeded");
  }

  @Override
  public void setSeed(int[] seed) {
    throw new UnsupportedOperationException("a person's stream is not reseeded");
  }

  @Override
  public void setSeed(long seed) {
    throw new UnsupportedOperationException("a person's stream is not reseeded");
  }

  @Override
  public void nextBytes(byte[] bytes) {
    random.nextBytes(bytes);
  }

  @Override
  public void nextBytes(byte[] bytes, int offset, int length) {
    byte[] part = new byte[length];
    random.nextBytes(part);
    System.arraycopy(part, 0, bytes, offset, length);
  }

  @Override
  public int nextInt() {
    return random.nextInt();
  }

  @Override
  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  @Override
  public long nextLong() {
    return random.nextLong();
  }

  @Override
  public long nextLong(long bound) {
    return random.nextLong(bound);
  }

  @Override
  public boolean nextBoolean() {
    return random.nextBoolean();
  }

  @Override
  public float nextFloat() {
    return (random.nextInt() >>> 8) * 0x1.0p-24f;
  }

  @Override
  public double nextDouble() {
    return random.nextDouble();
  }

  @Override
  public double nextGaussian() {
    return Draws.gaussian(random);
  }
}
