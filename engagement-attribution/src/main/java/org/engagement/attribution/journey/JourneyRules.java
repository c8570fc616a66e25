package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * The rules that cut interactions into {@link Journeys}, as a value: {@code
 * JourneyRules.defaults().withAsOf(end).journeys(interactions)}.
 *
 * <p>Per customer, interactions are ordered by instant (at equal instants touches come before
 * conversions, then by channel id, type and value, so the result does not depend on input order). Then:
 *
 * <ul>
 *   <li>An interaction that the {@linkplain #conversionRule() conversion rule} accepts is a conversion
 *       (never a touch). Its journey is the customer's touches since the previous conversion that are at
 *       most the {@linkplain #lookback() lookback} (default 90 days) before it; touches are used by one
 *       conversion only. A conversion with no such touch is in no journey and is counted in
 *       {@link Journeys#untouchedConversions()}. Several conversions give several journeys. The journey's
 *       value is the conversion's value in major units (0 without one); all values must share one
 *       currency.
 *   <li>Any other interaction whose type is one of the {@linkplain #touchTypes() touch types} (default:
 *       all) is a touch on its channel (the channel id is the name in paths). With
 *       {@linkplain #withCollapseRepeats(Duration) collapsing}, a touch on the same channel as the
 *       previous touch and at most the gap after it is dropped (a run of repeats keeps its first touch).
 *   <li>The touches after a customer's last conversion that are at most the lookback before the window
 *       end make a journey that did not convert.
 * </ul>
 *
 * <p>The window end is the {@linkplain #asOf() as-of} instant: interactions after it are left out and
 * journeys that did not convert end there. Without one it is the latest instant of the interactions
 * given, which is right for one whole data set but differs between partitions: journeys built per
 * partition (customers split across partitions, each customer whole in one) and merged equal the journeys
 * built whole only with an explicit as-of, the same for every partition. There is no partition-independent
 * default (the clock is not reproducible, and the data's latest instant is only known to the whole), so a
 * host that partitions sets one, and {@link Journeys#merge} refuses journeys built with different ones.
 *
 * <p>Rules are values: equal rules cut equal journeys, which is what lets partitions built apart merge.
 * Equality compares the conversion rule with its own {@code equals}; a host's lambda is equal only to
 * itself, so give every partition the same rule instance (or a rule value with equality). Instances are
 * immutable and thread-safe if the conversion rule is; the cutting keeps the interactions in memory grouped
 * by customer while it works.
 *
 * @param lookback how far before a conversion (or the window end) touches count; positive
 * @param touchTypes the interaction types that count as touches; at least one
 * @param conversionRule which interactions are conversions
 * @param collapseGap with a value, a touch on the same channel as the previous touch at most this long
 *     after it is dropped; not negative
 * @param asOf the end of the observation window; null for the latest interaction of the input
 * @since 0.1.0
 */
public record JourneyRules(Duration lookback, Set<InteractionType> touchTypes, ConversionRule conversionRule,
    @Nullable Duration collapseGap, @Nullable Instant asOf) {

  /** The default lookback window: 90 days, GA4's default for conversions other than acquisition. */
  public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(90);

  /** Held once so that default rules are equal to each other whatever the conversion rule's equality. */
  private static final JourneyRules DEFAULTS = new JourneyRules(
      DEFAULT_LOOKBACK, EnumSet.allOf(InteractionType.class), ConversionRule.purchases(), null, null);

  /**
   * Validates the rules and keeps an unmodifiable copy of the touch types.
   *
   * @throws InvalidFieldException if the lookback is not positive, the touch types are empty or the
   *     collapse gap is negative
   */
  public JourneyRules {
    requireNonNull(lookback, "lookback");
    requireNonNull(touchTypes, "touchTypes");
    requireNonNull(conversionRule, "conversionRule");
    if (lookback.isNegative() || lookback.isZero()) {
      throw new InvalidFieldException("lookback", lookback, "must be positive");
    }
    if (touchTypes.isEmpty()) {
      throw new InvalidFieldException("touchTypes", touchTypes, "must name at least one interaction type");
    }
    if (collapseGap != null && collapseGap.isNegative()) {
      throw new InvalidFieldException("collapseRepeats", collapseGap, "must not be negative");
    }
    touchTypes = Collections.unmodifiableSet(EnumSet.copyOf(touchTypes));
  }

  /**
   * The defaults: 90-day lookback, every type a touch, purchases are conversions, no collapsing, and no
   * as-of (the window ends at the latest interaction).
   */
  public static JourneyRules defaults() {
    return DEFAULTS;
  }

  /**
   * The lookback that sets no touch aside in data from {@code first} to {@code asOf}: the time between them and a
   * day more (a day if {@code asOf} is not after {@code first}). Journeys cut with it reach back to the customer's
   * previous conversion or first touch, which the fit in exposure time that {@code recommended} makes needs (it
   * makes it only where the lookback set nothing aside: {@code
   * org.engagement.attribution.validation.RecommendedModel}). The report and the command line's {@code
   * --interactions} cut with it unless a lookback is given, so that both run the same model on the same journeys.
   *
   * @param first the earliest interaction's instant
   * @param asOf the window end (the latest interaction's instant without an as-of)
   */
  public static Duration lookbackCovering(Instant first, Instant asOf) {
    requireNonNull(first, "first");
    requireNonNull(asOf, "asOf");
    return (asOf.isAfter(first) ? Duration.between(first, asOf) : Duration.ZERO).plusDays(1);
  }

  /**
   * These rules with another lookback.
   *
   * @throws InvalidFieldException if not positive
   */
  public JourneyRules withLookback(Duration lookback) {
    return new JourneyRules(lookback, touchTypes, conversionRule, collapseGap, asOf);
  }

  /**
   * These rules with other touch types.
   *
   * @throws InvalidFieldException if empty
   */
  public JourneyRules withTouchTypes(Set<InteractionType> types) {
    return new JourneyRules(lookback, types, conversionRule, collapseGap, asOf);
  }

  /** These rules with another conversion rule (the default: purchases). */
  public JourneyRules withConversionRule(ConversionRule rule) {
    return new JourneyRules(lookback, touchTypes, rule, collapseGap, asOf);
  }

  /**
   * These rules, dropping a touch on the same channel as the previous touch at most {@code gap} after it.
   *
   * @throws InvalidFieldException if negative
   */
  public JourneyRules withCollapseRepeats(Duration gap) {
    return new JourneyRules(lookback, touchTypes, conversionRule, requireNonNull(gap, "gap"), asOf);
  }

  /**
   * These rules with the window ending at {@code asOf}: journeys that did not convert end there, later
   * interactions are left out. Set it, the same for every partition, when journeys are built per
   * partition and merged.
   */
  public JourneyRules withAsOf(Instant asOf) {
    return new JourneyRules(lookback, touchTypes, conversionRule, collapseGap, requireNonNull(asOf, "asOf"));
  }

  /**
   * The journeys of {@code interactions} under these rules.
   *
   * @throws InvalidFieldException if conversion values come in more than one currency
   */
  public Journeys journeys(Iterable<Interaction> interactions) {
    return new JourneyCutter(this).cut(requireNonNull(interactions, "interactions"));
  }
}
