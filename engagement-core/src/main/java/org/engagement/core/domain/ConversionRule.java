package org.engagement.core.domain;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which interactions count as business results. Hosts supply their own (a lead in B2B, a
 * purchase above a threshold in retail); the built-ins select by interaction type.
 *
 * <p><b>Rules are settings, compared by equality.</b> An aggregate built with a rule (channel presence,
 * journeys) merges only with aggregates built with an equal rule, so partitions built apart, on other
 * machines or after serialisation, must get equal rules:
 *
 * <ul>
 *   <li>The built-ins are values: {@link #ofTypes(Set)} returns an {@link OfTypes} record, equal to
 *       every rule of the same types, and {@link #purchases()} returns an equal value on every call.
 *   <li>A host's rule written as a record (or a class with {@code equals}) is compared by its
 *       {@code equals}; make it {@link Serializable} to ship aggregates built with it.
 *   <li>A lambda or method reference is equal only to itself: aggregates built with the same instance
 *       in one JVM merge, partitions built apart do not. {@linkplain #named(String, ConversionRule) Name}
 *       it to give it an identity that travels.
 * </ul>
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

  /** The default rule: purchases are conversions. Every call returns an equal value. */
  static ConversionRule purchases() {
    return OfTypes.PURCHASES;
  }

  /**
   * Interactions of any of {@code types} are conversions: a value equal to every rule of the same
   * types.
   *
   * @throws InvalidFieldException if {@code types} is empty
   */
  static ConversionRule ofTypes(Set<InteractionType> types) {
    return new OfTypes(types);
  }

  /**
   * {@code rule} under {@code name}: equal to every rule named alike, whatever its code, so that
   * aggregates built apart with a host's own lambda merge. The name is the rule's identity: give
   * different rules different names. Serialisable when {@code rule} is (for a lambda, cast it to
   * {@code ConversionRule & Serializable}).
   *
   * @param name what the rule counts, such as {@code "orders-over-100-eur"}: not blank
   * @throws InvalidFieldException if {@code name} is blank
   */
  static ConversionRule named(String name, ConversionRule rule) {
    return new NamedConversionRule(name, rule);
  }

  /**
   * The built-in rule: interactions of any of {@link #types()} are conversions. A value: equal to
   * every rule of the same types, whatever the order they were given in. Immutable and thread-safe.
   *
   * @param types the interaction types that convert: at least one
   * @since 0.1.0
   */
  record OfTypes(Set<InteractionType> types) implements ConversionRule, Serializable {
    private static final long serialVersionUID = 1L;
    private static final OfTypes PURCHASES = new OfTypes(Set.of(InteractionType.PURCHASE));

    /**
     * Validates and copies the types.
     *
     * @throws InvalidFieldException if {@code types} is empty
     */
    public OfTypes {
      requireNonNull(types, "types");
      if (types.isEmpty()) {
        throw new InvalidFieldException("types", types, "must name at least one interaction type");
      }
      types = Collections.unmodifiableSet(EnumSet.copyOf(types));
    }

    @Override
    public boolean isConversion(Interaction interaction) {
      return types.contains(interaction.type());
    }
  }
}
