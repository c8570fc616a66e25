package org.engagement.core.domain;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which interactions count as business results. Hosts supply their own (a lead in B2B, a
 * purchase above a threshold in retail); the built-ins select by interaction type.
 *
 * <p>Implementations must be stateless or thread-safe: rules are shared by concurrent computations.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConversionRule {

  /** Whether {@code interaction} is a conversion. */
  boolean isConversion(Interaction interaction);

  /** The conversion for {@code interaction}, if it is one. */
  default Optional<Conversion> toConversion(Interaction interaction) {
    return isConversion(interaction) ? Optional.of(new Conversion(interaction)) : Optional.empty();
  }

  /** The default rule: purchases are conversions. */
  static ConversionRule purchases() {
    return ofTypes(Set.of(InteractionType.PURCHASE));
  }

  /**
   * Interactions of any of {@code types} are conversions.
   *
   * @throws IllegalArgumentException if {@code types} is empty
   */
  static ConversionRule ofTypes(Set<InteractionType> types) {
    requireNonNull(types, "types");
    if (types.isEmpty()) {
      throw new InvalidFieldException("types", types, "must name at least one interaction type");
    }
    Set<InteractionType> copy = EnumSet.copyOf(types);
    return interaction -> copy.contains(interaction.type());
  }
}
