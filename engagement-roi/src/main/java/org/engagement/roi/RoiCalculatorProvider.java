package org.engagement.roi;

/**
 * Provides a {@link RoiCalculator} under a name, so that a host picks the formula from configuration and a
 * jar on the class or module path adds one with no code in the host: the service interface that
 * {@link RoiCalculators#defaults()} discovers through {@link java.util.ServiceLoader}.
 *
 * <p>To add a calculator, implement this interface in a public class with a public no-argument
 * constructor, and list it in {@code META-INF/services/org.engagement.roi.RoiCalculatorProvider} (class
 * path) and in a {@code provides org.engagement.roi.RoiCalculatorProvider with ...} clause of the jar's
 * {@code module-info} (module path). Providers should be cheap to construct: the registry instantiates
 * every provider to learn its name, and creates a calculator only when one is asked for.
 *
 * <p>Implementations must be thread-safe.
 *
 * @since 0.1.0
 */
public interface RoiCalculatorProvider {

  /**
   * The registry name: 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit
   * (for example {@code relationship}). It should equal the {@link RoiCalculator#name()} of the calculators
   * it creates, so reports name the calculator the host chose.
   */
  String name();

  /** A new calculator with this provider's default settings. */
  RoiCalculator create();
}
