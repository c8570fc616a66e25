package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.Money;

/**
 * Cuts each customer's interactions into journeys under one {@link JourneyRules}, as documented there.
 * One instance per call: it holds the rules' derived settings and counts what it sets aside
 * ({@link SetAside}). Not thread-safe.
 */
final class JourneyCutter {
  private final JourneyRules rules;
  private final long lookbackMillis;
  private final long gapMillis;
  private final Comparator<Interaction> order;
  private long afterAsOf;
  private long otherTypes;
  private long outsideLookback;
  private long collapsedRepeats;

  JourneyCutter(JourneyRules rules) {
    this.rules = rules;
    this.lookbackMillis = rules.lookback().toMillis();
    Duration gap = rules.collapseGap();
    this.gapMillis = gap == null ? -1 : gap.toMillis();
    this.order = Comparator.comparing(Interaction::timestamp)
        .thenComparing(rules.conversionRule()::isConversion)
        .thenComparing(i -> i.channel().id())
        .thenComparing(Interaction::type)
        .thenComparingLong(JourneyCutter::minorUnits);
  }

  /**
   * The journeys of {@code interactions}: straight from their columns ({@link ColumnJourneyCutter}) when the
   * conversion rule decides by type, else through an {@code Interaction} per row, which a host's rule needs.
   */
  Journeys cut(Iterable<Interaction> interactions) {
    InteractionColumns all = InteractionColumns.of(interactions);
    if (rules.conversionRule() instanceof ConversionRule.OfTypes byType) {
      return ColumnJourneyCutter.cut(all, rules, byType.types());
    }
    return cutInteractions(all);
  }

  /** The journeys of {@code all}, cut through an {@code Interaction} per row (any conversion rule). */
  Journeys cutInteractions(InteractionColumns all) {
    Instant asOf = rules.asOf();
    InteractionColumns kept = asOf == null ? all : all.notAfter(asOf);
    afterAsOf += all.size() - kept.size();
    long end = asOf != null ? asOf.toEpochMilli()
        : kept.latest().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
    Journeys.Builder out = new Journeys.Builder(asOf);
    for (List<Interaction> events : kept.perCustomer()) {
      cutCustomer(events.get(0).customerId(), events, end, out);
    }
    return finish(out);
  }

  /**
   * Adds the journeys of one customer's {@code events} (all of them, any order; the list may be reordered) to
   * {@code out}, dropping and counting those after the rules' as-of, which must be set.
   */
  void cutOne(List<Interaction> events, Journeys.Builder out) {
    Instant asOf = requireNonNull(rules.asOf(), "asOf");
    List<Interaction> kept = events;
    if (events.stream().anyMatch(e -> e.timestamp().isAfter(asOf))) {
      kept = new ArrayList<>(events.size());
      for (Interaction event : events) {
        if (!event.timestamp().isAfter(asOf)) {
          kept.add(event);
        }
      }
      afterAsOf += events.size() - kept.size();
    }
    if (!kept.isEmpty()) {
      cutCustomer(kept.get(0).customerId(), kept, asOf.toEpochMilli(), out);
    }
  }

  /** {@code out}'s journeys, with what this cutter set aside. */
  Journeys finish(Journeys.Builder out) {
    out.setAside(new SetAside(afterAsOf, otherTypes, outsideLookback, collapsedRepeats));
    return out.build();
  }

  /** Adds the journeys of one customer's {@code events} (any order) to {@code out}. */
  private void cutCustomer(String customer, List<Interaction> events, long end, Journeys.Builder out) {
    events.sort(order);
    List<Interaction> pending = new ArrayList<>();
    long lastTouchMillis = Long.MIN_VALUE;
    for (Interaction event : events) {
      long t = event.timestamp().toEpochMilli();
      if (rules.conversionRule().isConversion(event)) {
        convert(customer, event, pending, out);
        pending.clear();
      } else if (rules.touchTypes().contains(event.type())) {
        boolean repeat = gapMillis >= 0 && !pending.isEmpty()
            && pending.get(pending.size() - 1).channel().id().equals(event.channel().id())
            && t - lastTouchMillis <= gapMillis;
        if (repeat) {
          collapsedRepeats++;
        } else {
          pending.add(event);
        }
        lastTouchMillis = t;
      } else {
        otherTypes++;
      }
    }
    if (emit(out, pending, end - lookbackMillis) > 0) {
      out.endJourney(customer, end, false, 0);
    }
  }

  /** Ends a converting journey at {@code conversion}, or counts it as untouched. */
  private void convert(String customer, Interaction conversion, List<Interaction> pending,
      Journeys.Builder out) {
    long t = conversion.timestamp().toEpochMilli();
    Money money = conversion.value();
    if (money != null) {
      out.currency(money.currency());
    }
    if (emit(out, pending, t - lookbackMillis) == 0) {
      out.untouched(1, money == null ? BigDecimal.ZERO : money.amount());
    } else {
      out.endJourney(customer, t, true, money == null ? 0 : money.amount().doubleValue());
    }
  }

  private static long minorUnits(Interaction interaction) {
    Money value = interaction.value();
    return value == null ? -1 : value.minorUnits();
  }

  /** Adds the touches of {@code pending} at or after {@code from}; counts the others as outside the lookback. */
  private int emit(Journeys.Builder out, List<Interaction> pending, long from) {
    int count = 0;
    for (Interaction touch : pending) {
      long t = touch.timestamp().toEpochMilli();
      if (t >= from) {
        out.touch(out.intern(touch.channel().id()), t, touch.type());
        count++;
      }
    }
    outsideLookback += pending.size() - count;
    return count;
  }
}
