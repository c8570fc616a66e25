package org.engagement.attribution.journey;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;

/**
 * Cuts journeys straight from {@link InteractionColumns} under rules whose conversions are known by type: the
 * journeys, counts set aside and errors of {@link JourneyCutter}'s cut through {@code Interaction}s, bit for bit,
 * without making an {@code Interaction} per row (issue 16: a quarter of the report's attribution CPU at ten million
 * rows). One pass over the columns customer by customer ({@link InteractionColumns#forEachRowPerCustomer}, the order
 * by customer the columns keep for every per-customer pass); only the conversions are made as interactions, for
 * their values, from the conversion rows cut by type. A host's own conversion rule can only be asked with an
 * interaction, so {@link JourneyCutter} keeps its path for those.
 *
 * <p>One instance per cut; not thread-safe.
 */
final class ColumnJourneyCutter implements InteractionColumns.CustomerRowVisitor {
  private static final InteractionType[] TYPES = InteractionType.values();

  private final boolean[] touchType = new boolean[TYPES.length];
  private final boolean[] conversionType = new boolean[TYPES.length];
  private final long lookbackMillis;
  private final long gapMillis;
  private final long asOfSecond;
  private final int asOfNano;
  private final long end;
  private final List<String> customers;
  private final String[] channelIds;
  private final int[] channelRanks;
  /** Each column channel's id in {@link #out}, -1 until its first touch there (as interning on that touch gave). */
  private final int[] outChannels;
  private final ConversionValues values;
  private final CustomerRows rows = new CustomerRows();
  private final Journeys.Builder out;
  private int[] pending = new int[16];
  private long afterAsOf;
  private long otherTypes;
  private long outsideLookback;
  private long collapsedRepeats;

  @SuppressWarnings("EnumOrdinal") // a type's ordinal indexes the flags
  private ColumnJourneyCutter(InteractionColumns all, JourneyRules rules, Set<InteractionType> conversions) {
    rules.touchTypes().forEach(t -> touchType[t.ordinal()] = true);
    conversions.forEach(t -> conversionType[t.ordinal()] = true);
    this.lookbackMillis = rules.lookback().toMillis();
    Duration gap = rules.collapseGap();
    this.gapMillis = gap == null ? -1 : gap.toMillis();
    Instant asOf = rules.asOf();
    this.asOfSecond = asOf == null ? Long.MAX_VALUE : asOf.getEpochSecond();
    this.asOfNano = asOf == null ? 0 : asOf.getNano();
    this.end = asOf != null ? asOf.toEpochMilli()
        : all.latest().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
    this.customers = all.internedCustomers();
    List<Channel> channels = all.internedChannels();
    this.channelIds = channels.stream().map(Channel::id).toArray(String[]::new);
    this.channelRanks = ranks(channelIds);
    this.outChannels = new int[channelIds.length];
    Arrays.fill(outChannels, -1);
    this.values = new ConversionValues(all.ofTypes(conversions).perCustomer().iterator());
    this.out = new Journeys.Builder(asOf);
  }

  /**
   * The journeys of {@code all} under {@code rules}, whose conversion rule takes exactly the interactions of the
   * types {@code conversions}.
   *
   * @throws org.engagement.core.domain.InvalidFieldException if conversion values come in more than one currency
   */
  static Journeys cut(InteractionColumns all, JourneyRules rules, Set<InteractionType> conversions) {
    ColumnJourneyCutter cutter = new ColumnJourneyCutter(all, rules, conversions);
    all.forEachRowPerCustomer(cutter);
    cutter.out.setAside(new SetAside(cutter.afterAsOf, cutter.otherTypes, cutter.outsideLookback,
        cutter.collapsedRepeats));
    return cutter.out.build();
  }

  /** Each id's rank among the distinct ids in {@link String#compareTo} order: equal ids, equal ranks. */
  private static int[] ranks(String[] ids) {
    String[] sorted = Arrays.stream(ids).distinct().sorted().toArray(String[]::new);
    int[] ranks = new int[ids.length];
    for (int c = 0; c < ids.length; c++) {
      ranks[c] = Arrays.binarySearch(sorted, ids[c]);
    }
    return ranks;
  }

  @Override
  @SuppressWarnings("EnumOrdinal") // a type's ordinal indexes the flags
  public void visit(int customer, int channel, long epochSecond, int nano, InteractionType type,
      Direction direction) {
    boolean conversion = conversionType[type.ordinal()];
    Money value = conversion ? values.next(customers.get(customer)) : null;
    if (epochSecond > asOfSecond || (epochSecond == asOfSecond && nano > asOfNano)) {
      afterAsOf++;
    } else if (conversion || touchType[type.ordinal()]) {
      rows.add(channel, channelRanks[channel], epochSecond, nano, type, conversion, value);
    } else {
      otherTypes++;
    }
  }

  @Override
  public void endCustomer(int customer) {
    rows.sort();
    cutCustomer(customers.get(customer));
    rows.clear();
  }

  /** Cuts the customer's rows, in cutting order, into journeys, as {@link JourneyCutter} cuts its interactions. */
  private void cutCustomer(String customer) {
    int waiting = 0;
    long lastTouchMillis = Long.MIN_VALUE;
    for (int k = 0; k < rows.size(); k++) {
      int row = rows.at(k);
      long t = rows.millis(row);
      if (rows.conversion(row)) {
        convert(customer, row, waiting);
        waiting = 0;
      } else {
        boolean repeat = gapMillis >= 0 && waiting > 0 && rows.rank(pending[waiting - 1]) == rows.rank(row)
            && t - lastTouchMillis <= gapMillis;
        if (repeat) {
          collapsedRepeats++;
        } else {
          if (waiting == pending.length) {
            pending = Arrays.copyOf(pending, waiting * 2);
          }
          pending[waiting++] = row;
        }
        lastTouchMillis = t;
      }
    }
    if (emit(waiting, end - lookbackMillis) > 0) {
      out.endJourney(customer, end, false, 0);
    }
  }

  /** Ends a converting journey at conversion {@code row}, or counts it as untouched. */
  private void convert(String customer, int row, int waiting) {
    long t = rows.millis(row);
    Money money = rows.value(row);
    if (money != null) {
      out.currency(money.currency());
    }
    if (emit(waiting, t - lookbackMillis) == 0) {
      out.untouched(1, money == null ? BigDecimal.ZERO : money.amount());
    } else {
      out.endJourney(customer, t, true, money == null ? 0 : money.amount().doubleValue());
    }
  }

  /** Adds the first {@code waiting} pending touches at or after {@code from}; counts the others as outside. */
  private int emit(int waiting, long from) {
    int count = 0;
    for (int k = 0; k < waiting; k++) {
      int row = pending[k];
      long t = rows.millis(row);
      if (t >= from) {
        out.touch(outChannel(rows.channel(row)), t, rows.type(row));
        count++;
      }
    }
    outsideLookback += waiting - count;
    return count;
  }

  private int outChannel(int channel) {
    int id = outChannels[channel];
    if (id < 0) {
      id = out.intern(channelIds[channel]);
      outChannels[channel] = id;
    }
    return id;
  }

  /**
   * The values of the conversion rows, read in step with the pass: the conversion rows cut by type, customer by
   * customer in the same order, each customer's in the columns' order, so the k-th conversion row of a customer in
   * the pass is the k-th of its interactions here. Not thread-safe.
   */
  private static final class ConversionValues {
    private final Iterator<List<Interaction>> customers;
    private List<Interaction> current = List.of();
    private int next;

    ConversionValues(Iterator<List<Interaction>> customers) {
      this.customers = customers;
    }

    /**
     * The value of {@code customer}'s next conversion row.
     *
     * @throws IllegalStateException if the conversion rows are not in step with the pass (a bug, not bad input)
     */
    @Nullable Money next(String customer) {
      if (next == current.size()) {
        if (!customers.hasNext()) {
          throw new IllegalStateException("more conversion rows in the pass than cut by type");
        }
        current = customers.next();
        next = 0;
      }
      Interaction conversion = current.get(next++);
      if (!conversion.customerId().equals(customer)) {
        throw new IllegalStateException("conversion rows out of step: " + conversion.customerId() + " in the"
            + " pass's customer " + customer);
      }
      return conversion.value();
    }
  }
}
