package org.engagement.roi;

/**
 * Turns investment and evidence of rewards into a relationship-ROI report: the extension point for hosts
 * whose finance team computes return differently. {@link RelationshipRoiCalculator} is the default.
 *
 * <p>A calculator reports each line's cost as it is in the inputs ({@code Money} in the investment's
 * currency) and the reward components it computes; a component it does not compute is left out of the
 * line (absent is not zero, see {@link RoiLine}). It must not require a survey: {@link RoiInputs} without
 * one carry the measured attribution alone. Calculators are found by name through {@link RoiCalculators}
 * from {@link RoiCalculatorProvider}s.
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
