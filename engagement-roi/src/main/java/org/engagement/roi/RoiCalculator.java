package org.engagement.roi;

/**
 * Turns investment and evidence of rewards into a relationship-ROI report: the extension point for hosts
 * whose finance team computes return differently. {@link RelationshipRoiCalculator} is the default.
 *
 * <p>Implementations must be thread-safe and must not change their inputs.
 *
 * @since 0.1.0
 */
public interface RoiCalculator {

  /** A short name for reports and configuration, e.g. {@code relationship}. */
  String name();

  /** The report for {@code inputs}. */
  RoiReport calculate(RoiInputs inputs);
}
