package org.engagement.roi.internal;

import org.engagement.roi.RelationshipRoiCalculator;
import org.engagement.roi.RoiCalculator;
import org.engagement.roi.RoiCalculatorProvider;

/**
 * Provides the built-in {@link RelationshipRoiCalculator} as {@code relationship}. Public only because
 * {@link java.util.ServiceLoader} instantiates it on the class path; it is not API (the package is not
 * exported). Immutable and thread-safe.
 */
public final class RelationshipRoiCalculatorProvider implements RoiCalculatorProvider {
  /** The name the calculator is registered under. */
  public static final String NAME = "relationship";

  /** The provider; {@link java.util.ServiceLoader} calls this. */
  public RelationshipRoiCalculatorProvider() {
    // nothing to set up: the calculator is made on demand
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RoiCalculator create() {
    return RelationshipRoiCalculator.defaults();
  }
}
