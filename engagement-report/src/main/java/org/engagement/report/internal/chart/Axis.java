package org.engagement.report.internal.chart;

/** Axis ticks at round numbers. */
public final class Axis {
  private Axis() {}

  /**
   * A tick step of 1, 2 or 5 times a power of ten that cuts {@code range} into 4 to 10 steps
   * (1 for a range that is not positive).
   */
  public static double step(double range) {
    if (!(range > 0) || !Double.isFinite(range)) {
      return 1;
    }
    double raw = range / 5;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / power;
    double nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
    return Math.max(nice * power, Math.ulp(range));
  }
}
