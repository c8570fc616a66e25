package org.engagement.core.domain;

import static org.engagement.core.domain.InvalidFieldException.requirePresent;

import java.io.Serializable;
import java.util.Optional;

/**
 * An interaction that counts as a business result under some {@link ConversionRule}: a purchase, a
 * signed lead, an opportunity won. Its value is the interaction's value, if it has one.
 *
 * <p>Immutable and thread-safe.
 *
 * @param interaction the interaction that converted
 * @since 0.1.0
 */
public record Conversion(Interaction interaction) implements Serializable {

  /** Requires the interaction. */
  public Conversion {
    requirePresent(interaction, "interaction");
  }

  /** What the conversion was worth, if the interaction carries a value. */
  public Optional<Money> value() {
    return Optional.ofNullable(interaction.value());
  }
}
