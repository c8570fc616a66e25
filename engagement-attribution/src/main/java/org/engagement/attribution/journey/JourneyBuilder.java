package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;

/**
 * Makes {@link Journeys} from interactions.
 *
 * <p>Per customer, interactions are ordered by instant (at equal instants touches come before
 * conversions, then by channel id, type and value, so the result does not depend on input order). Customers
 * are taken in order of their ids. Then:
 *
 * <ul>
 *   <li>An interaction that the {@linkplain Builder#conversionRule(ConversionRule) conversion rule} accepts
 *       is a conversion (never a touch). Its journey is the customer's touches since the previous
 *       conversion that are at most the {@linkplain Builder#lookback(Duration) lookback} (default 90 days)
 *       before it; touches are used by one conversion only. A conversion with no such touch is in no
 *       journey and is counted in {@link Journeys#untouchedConversions()}. Several conversions give several
 *       journeys. The journey's value is the conversion's value in major units (0 without one); all values
 *       must share one currency.
 *   <li>Any other interaction whose type is one of the {@linkplain Builder#touchTypes(Set) touch types}
 *       (default: all) is a touch on its channel (the channel id is the name in paths). With
 *       {@linkplain Builder#collapseRepeats(Duration) collapsing}, a touch on the same channel as the
 *       previous touch and at most the gap after it is dropped (a run of repeats keeps its first touch).
 *   <li>The touches after a customer's last conversion that are at most the lookback before the window
 *       end make a journey that did not convert. The window end is {@link Builder#windowEnd(Instant)}, or
 *       the latest instant of all interactions; interactions after an explicit window end are left out.
 * </ul>
 *
 * <p>The builder keeps the interactions in memory grouped by customer while it works. Instances are
 * immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class JourneyBuilder {
  /** The default lookback window: 90 days, GA4's default for conversions other than acquisition. */
  public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(90);

  private final Duration lookback;
  private final Set<InteractionType> touchTypes;
  private final ConversionRule conversionRule;
  private final @Nullable Duration collapseGap;
  private final @Nullable Instant windowEnd;

  private JourneyBuilder(Builder b) {
    this.lookback = b.lookback;
    this.touchTypes = EnumSet.copyOf(b.touchTypes);
    this.conversionRule = b.conversionRule;
    this.collapseGap = b.collapseGap;
    this.windowEnd = b.windowEnd;
  }

  /** The defaults: 90-day lookback, every type a touch, purchases are conversions, no collapsing. */
  public static JourneyBuilder defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The journeys of {@code interactions}.
   *
   * @throws InvalidFieldException if conversion values come in more than one currency
   */
  public Journeys build(Iterable<Interaction> interactions) {
    requireNonNull(interactions, "interactions");
    Map<String, List<Interaction>> byCustomer = new TreeMap<>();
    long latest = Long.MIN_VALUE;
    for (Interaction interaction : interactions) {
      requireNonNull(interaction, "interaction");
      if (windowEnd != null && interaction.timestamp().isAfter(windowEnd)) {
        continue;
      }
      latest = Math.max(latest, interaction.timestamp().toEpochMilli());
      byCustomer.computeIfAbsent(interaction.customerId(), k -> new ArrayList<>()).add(interaction);
    }
    long end = windowEnd != null ? windowEnd.toEpochMilli() : latest;
    long lookbackMillis = lookback.toMillis();
    long gapMillis = collapseGap == null ? -1 : collapseGap.toMillis();
    Journeys.Builder out = new Journeys.Builder();
    List<Interaction> pending = new ArrayList<>();
    Comparator<Interaction> order = Comparator.comparing(Interaction::timestamp)
        .thenComparing(conversionRule::isConversion)
        .thenComparing(i -> i.channel().id())
        .thenComparing(Interaction::type)
        .thenComparingLong(i -> i.value() == null ? -1 : i.value().minorUnits());
    for (Map.Entry<String, List<Interaction>> entry : byCustomer.entrySet()) {
      List<Interaction> events = entry.getValue();
      events.sort(order);
      pending.clear();
      long lastTouchMillis = Long.MIN_VALUE;
      for (Interaction event : events) {
        long t = event.timestamp().toEpochMilli();
        if (conversionRule.isConversion(event)) {
          Money money = event.value();
          double value = 0;
          if (money != null) {
            out.currency(money.currency());
            value = money.amount().doubleValue();
          }
          int touches = emit(out, pending, t - lookbackMillis);
          if (touches == 0) {
            out.untouchedConversions += 1;
            out.untouchedValue += value;
          } else {
            out.endJourney(entry.getKey(), t, true, value);
          }
          pending.clear();
        } else if (touchTypes.contains(event.type())) {
          if (gapMillis >= 0 && !pending.isEmpty()
              && pending.get(pending.size() - 1).channel().id().equals(event.channel().id())
              && t - lastTouchMillis <= gapMillis) {
            lastTouchMillis = t;
            continue;
          }
          pending.add(event);
          lastTouchMillis = t;
        }
      }
      if (emit(out, pending, end - lookbackMillis) > 0) {
        out.endJourney(entry.getKey(), end, false, 0);
      }
    }
    return out.build();
  }

  private static int emit(Journeys.Builder out, List<Interaction> pending, long from) {
    int count = 0;
    for (Interaction touch : pending) {
      long t = touch.timestamp().toEpochMilli();
      if (t >= from) {
        out.touch(out.intern(touch.channel().id()), t, touch.type());
        count++;
      }
    }
    return count;
  }

  /**
   * Configures a {@link JourneyBuilder}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Duration lookback = DEFAULT_LOOKBACK;
    private Set<InteractionType> touchTypes = EnumSet.allOf(InteractionType.class);
    private ConversionRule conversionRule = ConversionRule.purchases();
    private @Nullable Duration collapseGap;
    private @Nullable Instant windowEnd;

    private Builder() {}

    /**
     * How far before a conversion (or the window end) touches count.
     *
     * @return this builder
     * @throws InvalidFieldException if not positive
     */
    public Builder lookback(Duration lookback) {
      requireNonNull(lookback, "lookback");
      if (lookback.isNegative() || lookback.isZero()) {
        throw new InvalidFieldException("lookback", lookback, "must be positive");
      }
      this.lookback = lookback;
      return this;
    }

    /**
     * The interaction types that count as touches.
     *
     * @return this builder
     * @throws InvalidFieldException if empty
     */
    public Builder touchTypes(Set<InteractionType> types) {
      requireNonNull(types, "types");
      if (types.isEmpty()) {
        throw new InvalidFieldException("touchTypes", types, "must name at least one interaction type");
      }
      this.touchTypes = EnumSet.copyOf(types);
      return this;
    }

    /**
     * Which interactions are conversions (default: purchases).
     *
     * @return this builder
     */
    public Builder conversionRule(ConversionRule rule) {
      this.conversionRule = requireNonNull(rule, "rule");
      return this;
    }

    /**
     * Drops a touch on the same channel as the previous touch at most {@code gap} after it.
     *
     * @return this builder
     * @throws InvalidFieldException if negative
     */
    public Builder collapseRepeats(Duration gap) {
      requireNonNull(gap, "gap");
      if (gap.isNegative()) {
        throw new InvalidFieldException("collapseRepeats", gap, "must not be negative");
      }
      this.collapseGap = gap;
      return this;
    }

    /**
     * The end of the observation window: journeys that did not convert end here, later interactions
     * are left out.
     *
     * @return this builder
     */
    public Builder windowEnd(Instant end) {
      this.windowEnd = requireNonNull(end, "end");
      return this;
    }

    /** The configured journey builder. */
    public JourneyBuilder build() {
      return new JourneyBuilder(this);
    }
  }
}
