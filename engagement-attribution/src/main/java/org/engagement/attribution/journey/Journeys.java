package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Individual journeys with touch times, as {@link JourneyRules#journeys} makes them from interactions: one
 * per conversion (the touches that led to it) and one per customer for the touches after the last
 * conversion that did not (yet) convert.
 *
 * <p>Touches are flat arrays like in {@link JourneySet}: journey {@code j} has touches
 * {@code start(j) .. end(j) - 1}, each with a channel id, an instant (epoch milliseconds) and the
 * interaction type. A journey's end is the conversion's instant, or the window end for a journey that did
 * not convert. Values are in major units of {@link #currency()} (all conversion values of one set share a
 * currency).
 *
 * <p>Orders are canonical, as in {@link JourneySet}: channels in lexicographic order of their names,
 * journeys by customer id, then end time (then, only for a customer split across partitions, by the rest
 * of their content), so that journeys built whole equal the merge of journeys built per partition with
 * the same rules and an explicit {@linkplain JourneyRules#asOf() as-of} ({@link #merge(Journeys)}).
 *
 * <p>{@link #toJourneySet()} groups the journeys by path for the models; the set keeps a reference to
 * these journeys so that time-aware models can use the touch times. Journeys serialise compactly
 * (primitive columns, channel and type names once). Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Journeys implements Mergeable<Journeys> {
  private static final long serialVersionUID = 1L;
  private static final InteractionType[] TYPES = InteractionType.values();

  private final ChannelIndex channels;
  private final String[] customers;
  private final int[] offsets;
  private final ChannelColumn touches;
  private final MillisColumn touchMillis;
  private final byte[] touchTypes;
  private final MillisColumn endMillis;
  private final boolean[] converted;
  private final double[] values;
  private final @Nullable Currency currency;
  private final double untouchedConversions;
  private final BigDecimal untouchedValue;
  private final SetAside setAside;
  private final @Nullable Instant asOf;
  /**
   * Null when journey {@code j} is stored at index {@code j}; otherwise journey {@code j} is the stored journey
   * {@code picks[j]} (a {@linkplain #resample resample} sharing the stored columns, in canonical order).
   */
  private final int @Nullable [] picks;

  private Journeys(Builder b, String[] names, int[] order, int[] canonical) {
    this.channels = ChannelIndex.ofSorted(names);
    int n = order.length;
    this.customers = new String[n];
    this.offsets = new int[n + 1];
    this.touches = ChannelColumn.ofSize(b.touchCount, names.length);
    this.touchMillis = MillisColumn.shapedFor(b.touchMillis, b.touchCount, b.touchCount);
    this.touchTypes = new byte[b.touchCount];
    this.endMillis = MillisColumn.shapedFor(b.endMillis, n, n);
    this.converted = new boolean[n];
    this.values = new double[n];
    for (int k = 0; k < n; k++) {
      int j = order[k];
      int from = b.offsets[j];
      int length = b.offsets[j + 1] - from;
      for (int i = 0; i < length; i++) {
        touches.set(offsets[k] + i, canonical[b.touches[from + i]]);
        touchMillis.set(offsets[k] + i, b.touchMillis[from + i]);
      }
      System.arraycopy(b.touchTypes, from, touchTypes, offsets[k], length);
      offsets[k + 1] = offsets[k] + length;
      customers[k] = b.customers.get(j);
      endMillis.set(k, b.endMillis[j]);
      converted[k] = b.converted[j];
      values[k] = b.values[j];
    }
    this.currency = b.currency;
    this.untouchedConversions = b.untouchedConversions;
    this.untouchedValue = b.untouchedValue.stripTrailingZeros();
    this.setAside = b.setAside;
    this.asOf = b.asOf;
    this.picks = null;
  }

  /** The journeys of {@code base}'s stored columns at {@code picks}, which must keep the canonical order. */
  private Journeys(Journeys base, int[] picks) {
    this.channels = base.channels;
    this.customers = base.customers;
    this.offsets = base.offsets;
    this.touches = base.touches;
    this.touchMillis = base.touchMillis;
    this.touchTypes = base.touchTypes;
    this.endMillis = base.endMillis;
    this.converted = base.converted;
    this.values = base.values;
    this.currency = base.currency;
    this.untouchedConversions = base.untouchedConversions;
    this.untouchedValue = base.untouchedValue;
    this.setAside = base.setAside;
    this.asOf = base.asOf;
    this.picks = picks;
  }

  /** Where journey {@code journey} is stored. */
  private int row(int journey) {
    return picks == null ? journey : picks[journey];
  }

  /** The channels, interned in lexicographic order of their names. */
  public ChannelIndex channels() {
    return channels;
  }

  /** How many journeys there are. */
  public int size() {
    return picks == null ? customers.length : picks.length;
  }

  /** The customer of journey {@code journey}. */
  public String customerId(int journey) {
    return customers[row(journey)];
  }

  /** The flat index of the first touch of journey {@code journey}. */
  public int start(int journey) {
    return offsets[row(journey)];
  }

  /** The flat index one past the last touch of journey {@code journey}. */
  public int end(int journey) {
    return offsets[row(journey) + 1];
  }

  /** The channel id of the touch at flat index {@code position}. */
  public int channelAt(int position) {
    return touches.get(position);
  }

  /** The instant of the touch at flat index {@code position}, in epoch milliseconds. */
  public long touchMillis(int position) {
    return touchMillis.get(position);
  }

  /**
   * The interaction type of the touch at flat index {@code position} (kept for stage-aware models such as
   * W-shaped: lead and opportunity touches).
   */
  public InteractionType touchType(int position) {
    return TYPES[touchTypes[position]];
  }

  /** When journey {@code journey} ended: its conversion, or the window end if it did not convert. */
  public Instant endTime(int journey) {
    return Instant.ofEpochMilli(endMillis.get(row(journey)));
  }

  /** {@link #endTime(int)} in epoch milliseconds. */
  public long endMillis(int journey) {
    return endMillis.get(row(journey));
  }

  /** Whether journey {@code journey} ended in a conversion. */
  public boolean converted(int journey) {
    return converted[row(journey)];
  }

  /** The conversion value of journey {@code journey} in major units of {@link #currency()}; 0 if none. */
  public double value(int journey) {
    return values[row(journey)];
  }

  /** The currency of the conversion values, if any conversion had a value. */
  public Optional<Currency> currency() {
    return Optional.ofNullable(currency);
  }

  /**
   * Conversions that had no touch in their lookback window: they are in no journey (no channel can be
   * credited), and are counted here so that nothing disappears silently.
   */
  public double untouchedConversions() {
    return untouchedConversions;
  }

  /**
   * The value of the {@linkplain #untouchedConversions() untouched conversions}, in major units of
   * {@link #currency()}. Summed exactly (in decimal), so that it does not depend on the order or the
   * partitioning of the input.
   */
  public double untouchedValue() {
    return untouchedValue.doubleValue();
  }

  /**
   * The interactions the cutting left out of every journey, by reason (after the as-of, of other types,
   * outside the lookback, collapsed repeats); added up when journeys merge.
   */
  public SetAside setAside() {
    return setAside;
  }

  /**
   * What was left out, in sentences: {@link #setAside()}'s {@linkplain SetAside#notes() notes}, then the
   * {@linkplain #untouchedConversions() conversions without a touch} if there are any. Empty when nothing
   * was.
   */
  public List<String> notes() {
    List<String> notes = new ArrayList<>(setAside.notes());
    if (untouchedConversions > 0) {
      notes.add(String.format(java.util.Locale.ROOT, "%s had no touch within the lookback and %s in no journey"
          + " (value %s)", SetAside.count(Math.round(untouchedConversions), "conversion", "conversions"),
          untouchedConversions == 1 ? "is" : "are", String.format(java.util.Locale.ROOT,
              "%,." + Math.max(0, untouchedValue.scale()) + "f", untouchedValue)));
    }
    return List.copyOf(notes);
  }

  /**
   * The explicit as-of instant (the window end) of the {@link JourneyRules} that made these journeys; empty
   * when the rules had none (the window end was then the latest interaction of the input, which differs
   * between partitions).
   */
  public Optional<Instant> asOf() {
    return Optional.ofNullable(asOf);
  }

  /**
   * The journeys grouped by path: a converting journey adds 1 conversion and its value to its path, one
   * that did not convert adds 1 null. The set's {@link JourneySet#timed()} is these journeys.
   */
  public JourneySet toJourneySet() {
    JourneySet.Builder builder = JourneySet.builder();
    // Each channel interned once, on its first touch (a channel no journey touches stays out of the set), not a
    // name looked up per touch: the builder's id of each of these channels, -1 until then.
    int[] ids = new int[channels.size()];
    Arrays.fill(ids, -1);
    int[] path = new int[16];
    for (int j = 0; j < size(); j++) {
      int start = start(j);
      int length = end(j) - start;
      if (length > path.length) {
        path = new int[Math.max(length, path.length * 2)];
      }
      for (int i = 0; i < length; i++) {
        int channel = touches.get(start + i);
        if (ids[channel] < 0) {
          ids[channel] = builder.internChannel(channels.name(channel));
        }
        path[i] = ids[channel];
      }
      if (converted(j)) {
        builder.addInterned(path, length, 1, value(j), 0);
      } else {
        builder.addInterned(path, length, 0, 0, 1);
      }
    }
    return builder.build(this);
  }

  /**
   * These journeys with journey {@code j} taken {@code copies[j]} times (0 leaves it out), in canonical order:
   * a resample for a bootstrap. The channels, currency, untouched conversions, counts set aside and as-of
   * are kept as they are (they describe the input, not the sample); a channel may then have no touch. The
   * resample shares these journeys' columns (it holds one {@code int} per journey it has, whatever the
   * journeys' length), so it costs nothing like a copy, and equals the journeys built from the copies.
   *
   * @param copies how many times to take each journey, one entry per journey, none negative
   * @throws InvalidFieldException if {@code copies} has another length or a negative entry, or the resample
   *     would have more than {@link Integer#MAX_VALUE} - 8 journeys
   */
  public Journeys resample(int[] copies) {
    requireNonNull(copies, "copies");
    if (copies.length != size()) {
      throw new InvalidFieldException("copies", copies.length, "must have one entry per journey (" + size() + ")");
    }
    long total = 0;
    for (int count : copies) {
      if (count < 0) {
        throw new InvalidFieldException("copies", count, "must not be negative");
      }
      total += count;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new InvalidFieldException("copies", total, "must add up to at most " + (Integer.MAX_VALUE - 8));
    }
    int[] rows = new int[(int) total];
    int k = 0;
    for (int j = 0; j < copies.length; j++) {
      for (int c = 0; c < copies[j]; c++) {
        rows[k++] = row(j);
      }
    }
    return new Journeys(this, rows);
  }

  /**
   * These journeys without the touches of {@code dropped} channels, their times, types and ends kept; a journey
   * left with no touch is left out. The currency, untouched conversions, counts set aside and as-of are kept (they
   * describe the input); the channels are those still touched. What a calibration that refits a time-aware model
   * without the channels an experiment tested runs on.
   *
   * @param dropped the names of the channels whose touches go; names these journeys do not hold are ignored
   */
  public Journeys withoutChannels(Set<String> dropped) {
    requireNonNull(dropped, "dropped");
    Builder builder = new Builder(asOf);
    builder.currency(currency);
    builder.untouched(untouchedConversions, untouchedValue);
    builder.setAside(setAside);
    int[] map = new int[channels.size()];
    for (int c = 0; c < map.length; c++) {
      map[c] = dropped.contains(channels.name(c)) ? -1 : builder.intern(channels.name(c));
    }
    for (int j = 0; j < size(); j++) {
      int r = row(j);
      boolean kept = false;
      for (int i = offsets[r]; i < offsets[r + 1]; i++) {
        if (map[touches.get(i)] >= 0) {
          builder.touch(map[touches.get(i)], touchMillis.get(i), TYPES[touchTypes[i]]);
          kept = true;
        }
      }
      if (kept) {
        builder.endJourney(customers[r], endMillis.get(r), converted[r], values[r]);
      }
    }
    return builder.build();
  }

  /**
   * These journeys taking stored journey {@code rows[k]} as journey {@code k}; for resamplers of this package,
   * which keep the canonical order (each stored journey's copies together, in stored order).
   */
  Journeys picking(int[] rows) {
    return new Journeys(this, rows);
  }

  /** Where each journey of these journeys is stored, for {@link #picking(int[])}. */
  int storedRow(int journey) {
    return row(journey);
  }

  /** How many journeys the stored columns hold (every journey a resample's may be). */
  int storedSize() {
    return customers.length;
  }

  /** The flat index of the first touch of stored journey {@code row} ({@link #storedSize()}: the touches' end). */
  int storedStart(int row) {
    return offsets[row];
  }

  /** The customer of stored journey {@code row}. */
  String storedCustomer(int row) {
    return customers[row];
  }

  /** What identifies the stored columns: the same object for these journeys and every resample of them. */
  Object columns() {
    return offsets;
  }

  /** These journeys in columns of their own (themselves when they are not a resample). */
  private Journeys compact() {
    if (picks == null) {
      return this;
    }
    Builder builder = new Builder(asOf);
    builder.addAll(this);
    return builder.build();
  }

  /**
   * The journeys of this set and {@code other} together, in canonical order; neither changes. Untouched
   * conversions and their values add, and so do the {@linkplain #setAside() counts set aside}. Built per partition with equal {@link JourneyRules} with an explicit
   * as-of, each customer whole in one partition, the merge equals the journeys built whole. A customer
   * split across partitions keeps the journeys each partition cut (the touches of one partition do not
   * join a conversion in another). Journeys without an as-of merge with any; the merge has the as-of of
   * whichever operand has one. Journeys of no interactions (with the same as-of, or none) are the
   * identity.
   *
   * @throws InvalidFieldException if the two were built with different explicit as-of instants (field
   *     {@code asOf}), or carry values in different currencies (field {@code currency})
   */
  @Override
  public Journeys merge(Journeys other) {
    requireNonNull(other, "other");
    if (asOf != null && other.asOf != null && !asOf.equals(other.asOf)) {
      throw new InvalidFieldException("asOf", other.asOf,
          "must be the same for journeys that merge; found " + asOf + " before: build every partition with"
          + " the same JourneyRules.withAsOf(...)");
    }
    Builder builder = new Builder(asOf != null ? asOf : other.asOf);
    builder.addAll(this);
    builder.addAll(other);
    return builder.build();
  }

  /**
   * Whether {@code o} holds the same journeys (customers, touches with times and types, ends, conversion
   * flags and values, compared exactly), the same currency, untouched conversions and value, and as-of.
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Journeys other)) {
      return false;
    }
    if (picks != null || other.picks != null) {
      return compact().equals(other.compact());
    }
    Journeys j = other;
    return channels.equals(j.channels) && Arrays.equals(customers, j.customers)
        && Arrays.equals(offsets, j.offsets) && Arrays.equals(touches.toArray(), j.touches.toArray())
        && Arrays.equals(touchMillis.toArray(), j.touchMillis.toArray()) && Arrays.equals(touchTypes, j.touchTypes)
        && Arrays.equals(endMillis.toArray(), j.endMillis.toArray()) && Arrays.equals(converted, j.converted)
        && Arrays.equals(values, j.values) && Objects.equals(currency, j.currency)
        && Double.compare(untouchedConversions, j.untouchedConversions) == 0
        && untouchedValue.equals(j.untouchedValue) && setAside.equals(j.setAside) && Objects.equals(asOf, j.asOf);
  }

  @Override
  public int hashCode() {
    if (picks != null) {
      return compact().hashCode();
    }
    int h = channels.hashCode();
    h = 31 * h + Arrays.hashCode(customers);
    h = 31 * h + Arrays.hashCode(touches.toArray());
    h = 31 * h + Arrays.hashCode(touchMillis.toArray());
    h = 31 * h + Arrays.hashCode(endMillis.toArray());
    h = 31 * h + Arrays.hashCode(values);
    h = 31 * h + Double.hashCode(untouchedConversions);
    h = 31 * h + untouchedValue.hashCode();
    h = 31 * h + setAside.hashCode();
    return 31 * h + Objects.hash(currency, asOf);
  }

  @Override
  public String toString() {
    return "Journeys[" + size() + " journeys, " + channels.size() + " channels]";
  }

  /** Serialised through {@code JourneysForm}. */
  private Object writeReplace() {
    if (picks != null) {
      return compact().writeReplace();
    }
    return new JourneysForm(channels.namesArray(), customers, offsets, touches.toArray(), touchMillis.toArray(),
        touchTypes, endMillis.toArray(), converted, values, currency, untouchedConversions, untouchedValue, setAside,
        asOf);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("Journeys are serialised through their serialized form");
  }

  /** Adds journey {@code j} (its touches and end) to {@code builder}, channels mapped by {@code map}. */
  private void copyJourney(int j, Builder builder, int[] map) {
    int r = row(j);
    for (int i = offsets[r]; i < offsets[r + 1]; i++) {
      builder.touch(map[touches.get(i)], touchMillis.get(i), TYPES[touchTypes[i]]);
    }
    builder.endJourney(customers[r], endMillis.get(r), converted[r], values[r]);
  }

  /**
   * Collects journeys in any order; {@link #build()} puts channels and journeys in canonical order. Used
   * by {@link JourneyRules} and {@link #merge}. Not thread-safe.
   */
  static final class Builder {
    private final ChannelInterner channels = new ChannelInterner();
    private final List<String> customers = new ArrayList<>();
    private final @Nullable Instant asOf;
    private int[] offsets = new int[17];
    private int[] touches = new int[64];
    private long[] touchMillis = new long[64];
    private byte[] touchTypes = new byte[64];
    private int touchCount;
    private long[] endMillis = new long[16];
    private boolean[] converted = new boolean[16];
    private double[] values = new double[16];
    private @Nullable Currency currency;
    private double untouchedConversions;
    private BigDecimal untouchedValue = BigDecimal.ZERO;
    private SetAside setAside = SetAside.none();

    /** A builder for journeys made with the as-of {@code asOf} (null: none). */
    Builder(@Nullable Instant asOf) {
      this.asOf = asOf;
    }

    int intern(String name) {
      return channels.intern(name);
    }

    void currency(@Nullable Currency value) {
      if (value == null) {
        return;
      }
      if (currency != null && !currency.equals(value)) {
        throw new InvalidFieldException("currency", value.getCurrencyCode(),
            "must be the same for every conversion value; found " + currency.getCurrencyCode() + " before");
      }
      currency = value;
    }

    /** Counts {@code count} conversions that have no touch, worth {@code value} together. */
    void untouched(double count, BigDecimal value) {
      untouchedConversions += count;
      untouchedValue = untouchedValue.add(value);
    }

    /** Counts {@code more} interactions left out of every journey. */
    void setAside(SetAside more) {
      setAside = setAside.plus(more);
    }

    @SuppressWarnings("EnumOrdinal") // one byte per touch, read back through TYPES (values() in the same order)
    void touch(int channel, long millis, InteractionType type) {
      if (touchCount == touches.length) {
        touches = Arrays.copyOf(touches, touchCount * 2);
        touchMillis = Arrays.copyOf(touchMillis, touchCount * 2);
        touchTypes = Arrays.copyOf(touchTypes, touchCount * 2);
      }
      touches[touchCount] = channel;
      touchMillis[touchCount] = millis;
      touchTypes[touchCount] = (byte) type.ordinal();
      touchCount++;
    }

    /** Ends the journey made of the touches added since the previous one. */
    void endJourney(String customer, long end, boolean didConvert, double value) {
      int n = customers.size();
      if (n == endMillis.length) {
        endMillis = Arrays.copyOf(endMillis, n * 2);
        converted = Arrays.copyOf(converted, n * 2);
        values = Arrays.copyOf(values, n * 2);
        offsets = Arrays.copyOf(offsets, n * 2 + 1);
      }
      customers.add(customer);
      endMillis[n] = end;
      converted[n] = didConvert;
      values[n] = value;
      offsets[n + 1] = touchCount;
    }

    void addAll(Journeys journeys) {
      currency(journeys.currency);
      untouched(journeys.untouchedConversions, journeys.untouchedValue);
      setAside(journeys.setAside);
      int[] map = new int[journeys.channels.size()];
      for (int c = 0; c < map.length; c++) {
        map[c] = intern(journeys.channels.name(c));
      }
      for (int j = 0; j < journeys.size(); j++) {
        journeys.copyJourney(j, this, map);
      }
    }

    Journeys build() {
      String[] names = channels.sortedNames();
      int[] canonical = channels.canonicalIds(names);
      int[] mapped = new int[touchCount];
      for (int i = 0; i < touchCount; i++) {
        mapped[i] = canonical[touches[i]];
      }
      Integer[] order = new Integer[customers.size()];
      for (int j = 0; j < order.length; j++) {
        order[j] = j;
      }
      Arrays.sort(order, (a, b) -> compareJourneys(a, b, mapped));
      return new Journeys(this, names, Arrays.stream(order).mapToInt(Integer::intValue).toArray(), canonical);
    }

    /** The canonical order: customer, end, conversion, value, then the touches (channel, time, type). */
    private int compareJourneys(int a, int b, int[] mapped) {
      int c = customers.get(a).compareTo(customers.get(b));
      if (c == 0) {
        c = Long.compare(endMillis[a], endMillis[b]);
      }
      if (c == 0) {
        c = Boolean.compare(converted[a], converted[b]);
      }
      if (c == 0) {
        c = Double.compare(values[a], values[b]);
      }
      if (c == 0) {
        c = Arrays.compare(mapped, offsets[a], offsets[a + 1], mapped, offsets[b], offsets[b + 1]);
      }
      if (c == 0) {
        c = Arrays.compare(touchMillis, offsets[a], offsets[a + 1], touchMillis, offsets[b], offsets[b + 1]);
      }
      if (c == 0) {
        c = Arrays.compare(touchTypes, offsets[a], offsets[a + 1], touchTypes, offsets[b], offsets[b + 1]);
      }
      return c;
    }
  }
}
