package org.engagement.roi;

/**
 * Providers that only a test class loader lists ({@link RoiCalculatorsTest}): one whose name breaks the
 * rule, one that clashes with the built-in name, and one that cannot be constructed.
 */
public final class BrokenProviders {
  private BrokenProviders() {}

  /** Named with capitals and a space. */
  public static final class BadName implements RoiCalculatorProvider {
    @Override
    public String name() {
      return "Not A Name";
    }

    @Override
    public RoiCalculator create() {
      return RelationshipRoiCalculator.defaults();
    }
  }

  /** Another provider of {@code relationship}. */
  public static final class Clash implements RoiCalculatorProvider {
    @Override
    public String name() {
      return "relationship";
    }

    @Override
    public RoiCalculator create() {
      return RelationshipRoiCalculator.builder().margin(0.5).build();
    }
  }

  /** Fails in its constructor. */
  public static final class Failing implements RoiCalculatorProvider {
    /** Always fails. */
    public Failing() {
      throw new IllegalStateException("broken on purpose");
    }

    @Override
    public String name() {
      return "failing";
    }

    @Override
    public RoiCalculator create() {
      throw new AssertionError("never constructed");
    }
  }
}
