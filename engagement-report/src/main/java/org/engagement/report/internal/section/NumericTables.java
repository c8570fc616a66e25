package org.engagement.report.internal.section;

import org.hipparchus.special.Erf;
import org.hipparchus.util.FastMath;

/**
 * Loads the numeric library's lazily built tables before any section runs. A class whose static initialiser runs out
 * of memory is unusable for the rest of the JVM's life ({@link NoClassDefFoundError} at every later use), so a table
 * first needed inside a section that fills the heap (Hipparchus's {@code FastMath} logarithm and exponential tables,
 * first touched by {@code Erf.erfcInv}) would take every later section down with it, not only the one left out for
 * memory. Loaded here, while the heap holds no section's working set, they survive a section that runs out.
 * Stateless; thread-safe.
 */
final class NumericTables {
  private NumericTables() {}

  /** Initialises the tables (idempotent, a few microseconds once loaded). */
  static void load() {
    double sink = FastMath.log(2.0) + FastMath.exp(0.5) + FastMath.pow(1.5, 2.5) + Erf.erfcInv(0.5);
    if (Double.isNaN(sink)) {
      throw new AssertionError("the numeric tables gave NaN");
    }
  }
}
