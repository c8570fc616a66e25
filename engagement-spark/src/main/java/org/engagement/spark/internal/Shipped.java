package org.engagement.spark.internal;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.InvalidFieldException;

/** Checks that a host's setting can travel to Spark's executors. Stateless and thread-safe. */
public final class Shipped {
  private Shipped() {}

  /**
   * Returns {@code rule} if it is serialisable.
   *
   * @throws InvalidFieldException if it is not (field {@code rule})
   */
  public static ConversionRule requireSerializable(ConversionRule rule) {
    requireNonNull(rule, "rule");
    if (!(rule instanceof Serializable)) {
      throw new InvalidFieldException("rule", rule, "must be Serializable to be shipped to Spark's executors"
          + " (ConversionRule.purchases(), ofTypes(...) and named(...) are)");
    }
    return rule;
  }
}
