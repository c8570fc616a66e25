package org.engagement.core.domain;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * A host's rule under a name that stands for it in equality (see {@link ConversionRule#named}).
 * Immutable and thread-safe if the rule is.
 */
final class NamedConversionRule implements ConversionRule, Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  /** Serialised with the name; a rule that is not serialisable makes the whole write fail. */
  @SuppressWarnings("serial")
  private final ConversionRule rule;

  NamedConversionRule(String name, ConversionRule rule) {
    requireNonNull(name, "name");
    requireNonNull(rule, "rule");
    if (name.isBlank()) {
      throw new InvalidFieldException("rule name", name, "must not be blank");
    }
    this.name = name;
    this.rule = rule;
  }

  @Override
  public boolean isConversion(Interaction interaction) {
    return rule.isConversion(interaction);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof NamedConversionRule other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "ConversionRule[" + name + "]";
  }
}
