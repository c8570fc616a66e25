package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Individual journeys with touch times, as {@link JourneyBuilder} makes them from interactions: one per
 * conversion (the touches that led to it) and one per customer for the touches after the last conversion
 * that did not (yet) convert.
 *
 * <p>Touches are flat arrays like in {@link JourneySet}: journey {@code j} has touches
 * {@code start(j) .. end(j) - 1}, each with a channel id, an instant (epoch milliseconds) and the
 * interaction type. A journey's
 * end is the conversion's instant, or the window end for a journey that did not convert. Values are in
 * major units of {@link #currency()} (all conversion values of one set share a currency).
 *
 * <p>{@link #toJourneySet()} groups the journeys by path for the models; the set keeps a reference to
 * these journeys so that time-aware models can use the touch times. Instances are immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class Journeys {
  private static final InteractionType[] TYPES = InteractionType.values();

  private final ChannelIndex channels;
  private final String[] customers;
  private final int[] offsets;
  private final int[] touches;
  private final long[] touchMillis;
  private final byte[] touchTypes;
  private final long[] endMillis;
  private final boolean[] converted;
  private final double[] values;
  private final @Nullable Currency currency;
  private final double untouchedConversions;
  private final double untouchedValue;

  private Journeys(Builder b) {
    this.channels = ChannelIndex.of(b.channelNames);
    int n = b.customers.size();
    this.customers = b.customers.toArray(new String[0]);
    this.offsets = Arrays.copyOf(b.offsets, n + 1);
    this.touches = Arrays.copyOf(b.touches, b.touchCount);
    this.touchMillis = Arrays.copyOf(b.touchMillis, b.touchCount);
    this.touchTypes = Arrays.copyOf(b.touchTypes, b.touchCount);
    this.endMillis = Arrays.copyOf(b.endMillis, n);
    this.converted = Arrays.copyOf(b.converted, n);
    this.values = Arrays.copyOf(b.values, n);
    this.currency = b.currency;
    this.untouchedConversions = b.untouchedConversions;
    this.untouchedValue = b.untouchedValue;
  }

  /** The channels, interned in order of first appearance. */
  public ChannelIndex channels() {
    return channels;
  }

  /** How many journeys there are. */
  public int size() {
    return customers.length;
  }

  /** The customer of journey {@code journey}. */
  public String customerId(int journey) {
    return customers[journey];
  }

  /** The flat index of the first touch of journey {@code journey}. */
  public int start(int journey) {
    return offsets[journey];
  }

  /** The flat index one past the last touch of journey {@code journey}. */
  public int end(int journey) {
    return offsets[journey + 1];
  }

  /** The channel id of the touch at flat index {@code position}. */
  public int channelAt(int position) {
    return touches[position];
  }

  /** The instant of the touch at flat index {@code position}, in epoch milliseconds. */
  public long touchMillis(int position) {
    return touchMillis[position];
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
    return Instant.ofEpochMilli(endMillis[journey]);
  }

  /** {@link #endTime(int)} in epoch milliseconds. */
  public long endMillis(int journey) {
    return endMillis[journey];
  }

  /** Whether journey {@code journey} ended in a conversion. */
  public boolean converted(int journey) {
    return converted[journey];
  }

  /** The conversion value of journey {@code journey} in major units of {@link #currency()}; 0 if none. */
  public double value(int journey) {
    return values[journey];
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

  /** The value of the {@linkplain #untouchedConversions() untouched conversions}. */
  public double untouchedValue() {
    return untouchedValue;
  }

  /**
   * The journeys grouped by path: a converting journey adds 1 conversion and its value to its path, one
   * that did not convert adds 1 null. The set's {@link JourneySet#timed()} is these journeys.
   */
  public JourneySet toJourneySet() {
    JourneySet.Builder builder = JourneySet.builder();
    List<String> path = new ArrayList<>();
    for (int j = 0; j < size(); j++) {
      path.clear();
      for (int i = offsets[j]; i < offsets[j + 1]; i++) {
        path.add(channels.name(touches[i]));
      }
      if (converted[j]) {
        builder.add(path, 1, values[j], 0);
      } else {
        builder.add(path, 0, 0, 1);
      }
    }
    return builder.build(this);
  }

  /**
   * These journeys followed by {@code other}'s, channels re-interned.
   *
   * @throws InvalidFieldException if the two carry values in different currencies
   */
  public Journeys concat(Journeys other) {
    requireNonNull(other, "other");
    Builder builder = new Builder();
    builder.addAll(this);
    builder.addAll(other);
    builder.untouchedConversions = untouchedConversions + other.untouchedConversions;
    builder.untouchedValue = untouchedValue + other.untouchedValue;
    return builder.build();
  }

  @Override
  public String toString() {
    return "Journeys[" + size() + " journeys, " + channels.size() + " channels]";
  }

  /** Collects journeys; used by {@link JourneyBuilder}. Not thread-safe. */
  static final class Builder {
    private final Map<String, Integer> channelIds = new HashMap<>();
    private final List<String> channelNames = new ArrayList<>();
    private final List<String> customers = new ArrayList<>();
    private int[] offsets = new int[17];
    private int[] touches = new int[64];
    private long[] touchMillis = new long[64];
    private byte[] touchTypes = new byte[64];
    private int touchCount;
    private long[] endMillis = new long[16];
    private boolean[] converted = new boolean[16];
    private double[] values = new double[16];
    private @Nullable Currency currency;
    double untouchedConversions;
    double untouchedValue;

    int intern(String name) {
      Integer id = channelIds.get(name);
      if (id != null) {
        return id;
      }
      int next = channelNames.size();
      channelIds.put(name, next);
      channelNames.add(name);
      return next;
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
      int[] map = new int[journeys.channels.size()];
      for (int c = 0; c < map.length; c++) {
        map[c] = intern(journeys.channels.name(c));
      }
      for (int j = 0; j < journeys.size(); j++) {
        for (int i = journeys.offsets[j]; i < journeys.offsets[j + 1]; i++) {
          touch(map[journeys.touches[i]], journeys.touchMillis[i], TYPES[journeys.touchTypes[i]]);
        }
        endJourney(journeys.customers[j], journeys.endMillis[j], journeys.converted[j], journeys.values[j]);
      }
    }

    Journeys build() {
      return new Journeys(this);
    }
  }
}
