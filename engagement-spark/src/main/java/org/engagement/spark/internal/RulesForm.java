package org.engagement.spark.internal;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * {@link JourneyRules} in a form Spark can ship to its executors, made back into equal rules there (rules
 * are values, so journeys cut on every executor merge). Immutable and thread-safe.
 */
public final class RulesForm implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Duration lookback;
  private final EnumSet<InteractionType> touchTypes;
  private final ConversionRule conversionRule;
  private final @Nullable Duration collapseGap;
  private final Instant asOf;

  private RulesForm(JourneyRules rules, Instant asOf) {
    this.lookback = rules.lookback();
    this.touchTypes = EnumSet.copyOf(rules.touchTypes());
    this.conversionRule = rules.conversionRule();
    this.collapseGap = rules.collapseGap();
    this.asOf = asOf;
  }

  /**
   * The shippable form of {@code rules}.
   *
   * @throws InvalidFieldException if the rules have no explicit as-of (partitions would each end their
   *     window at their own latest interaction) or a conversion rule that is not {@link Serializable}
   */
  public static RulesForm of(JourneyRules rules) {
    Instant asOf = rules.asOf();
    if (asOf == null) {
      throw new InvalidFieldException("asOf", null,
          "must be set (JourneyRules.withAsOf) so that every partition ends its window at the same instant");
    }
    if (!(rules.conversionRule() instanceof Serializable)) {
      throw new InvalidFieldException("conversionRule", rules.conversionRule(),
          "must be Serializable to be shipped to Spark's executors (ConversionRule.purchases(), ofTypes(...) and"
          + " named(...) are)");
    }
    return new RulesForm(rules, asOf);
  }

  /** The rules, equal to those this form was made of. */
  public JourneyRules rules() {
    JourneyRules rules = JourneyRules.defaults().withLookback(lookback).withTouchTypes(touchTypes)
        .withConversionRule(conversionRule).withAsOf(asOf);
    return collapseGap == null ? rules : rules.withCollapseRepeats(collapseGap);
  }
}
