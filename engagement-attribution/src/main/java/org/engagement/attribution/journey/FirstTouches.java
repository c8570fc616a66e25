package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Each journey's channels in the order they first touch it, the instant of each one's earliest touch and the
 * instant of the journey's latest touch, and which customer's it is (a number): what a model that counts a channel from its first touch ({@code
 * exposure-hazard}) reads of a journey, read once for the journeys' stored columns and answered for every
 * {@linkplain Journeys#resample resample} of them ({@link JourneyResampler} too), which shares those columns.
 *
 * <h2>Why</h2>
 * A bootstrap refits such a model on every resample, and each refit read every touch of every drawn journey three
 * times (its horizon, its exposures, its credits), a large part of the report's ROI section (issue 16). A
 * journey's first touches do not depend on which customers a resample drew, so they are read here once, into
 * arrays in the journeys' stored order, and a refit reads a few entries per journey, one after the other, instead
 * of all its touches; a customer number instead of the customer's id saves reading the id's characters, wherever
 * they are in the heap, to tell where a customer's journeys start.
 *
 * <p>Holds, per stored journey, two {@code int}s and an instant (an {@code int} of seconds where the touches' are)
 * and per channel of each a channel id (a byte up to 256 channels) and an instant. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class FirstTouches {
  private final Object columns;
  private final int[] offsets;
  private final int[] customers;
  private final ChannelColumn channels;
  private final MillisColumn firsts;
  private final MillisColumn lasts;

  private FirstTouches(Object columns, int[] offsets, int[] customers, ChannelColumn channels, MillisColumn firsts,
      MillisColumn lasts) {
    this.columns = columns;
    this.offsets = offsets;
    this.customers = customers;
    this.channels = channels;
    this.firsts = firsts;
    this.lasts = lasts;
  }

  /**
   * The first and last touches of every journey stored in {@code journeys}' columns (every journey of the
   * journeys they were resampled from, when they are a resample): one pass over those touches.
   */
  public static FirstTouches of(Journeys journeys) {
    requireNonNull(journeys, "journeys");
    int rows = journeys.storedSize();
    int[] offsets = new int[rows + 1];
    long[] lasts = new long[rows];
    int[] positions = new int[Math.max(16, rows)];
    int[] earliest = new int[journeys.channels().size()];
    Arrays.fill(earliest, -1);
    int[] order = new int[earliest.length];
    int count = 0;
    for (int r = 0; r < rows; r++) {
      int touched = 0;
      long last = Long.MIN_VALUE;
      for (int p = journeys.storedStart(r); p < journeys.storedStart(r + 1); p++) {
        int c = journeys.channelAt(p);
        long at = journeys.touchMillis(p);
        if (earliest[c] < 0) {
          order[touched++] = c;
          earliest[c] = p;
        } else if (at < journeys.touchMillis(earliest[c])) {
          earliest[c] = p;
        }
        last = Math.max(last, at);
      }
      if (count + touched > positions.length) {
        positions = Arrays.copyOf(positions, Math.max(count + touched, 2 * positions.length));
      }
      for (int i = 0; i < touched; i++) {
        positions[count++] = earliest[order[i]];
        earliest[order[i]] = -1;
      }
      offsets[r + 1] = count;
      lasts[r] = last;
    }
    return new FirstTouches(journeys.columns(), offsets, customers(journeys, rows), channelsAt(journeys, positions, count),
        instants(touchesAt(journeys, positions, count)), instants(lasts));
  }

  /** Each stored journey's customer, numbered from 0 in stored order (a customer's journeys are together). */
  private static int[] customers(Journeys journeys, int rows) {
    int[] customers = new int[rows];
    for (int r = 1; r < rows; r++) {
      boolean same = journeys.storedCustomer(r).equals(journeys.storedCustomer(r - 1));
      customers[r] = same ? customers[r - 1] : customers[r - 1] + 1;
    }
    return customers;
  }

  private static ChannelColumn channelsAt(Journeys journeys, int[] positions, int count) {
    ChannelColumn column = ChannelColumn.ofSize(count, journeys.channels().size());
    for (int i = 0; i < count; i++) {
      column.set(i, journeys.channelAt(positions[i]));
    }
    return column;
  }

  private static long[] touchesAt(Journeys journeys, int[] positions, int count) {
    long[] instants = new long[count];
    for (int i = 0; i < count; i++) {
      instants[i] = journeys.touchMillis(positions[i]);
    }
    return instants;
  }

  /** {@code values} in a column ({@link Long#MIN_VALUE}, a journey without a touch, held as the earliest value). */
  private static MillisColumn instants(long[] values) {
    long earliest = Long.MAX_VALUE;
    for (long value : values) {
      earliest = value == Long.MIN_VALUE ? earliest : Math.min(earliest, value);
    }
    long[] held = values.clone();
    for (int i = 0; i < held.length; i++) {
      held[i] = held[i] == Long.MIN_VALUE ? earliest : held[i];
    }
    MillisColumn column = MillisColumn.shapedFor(held, held.length, held.length);
    for (int i = 0; i < held.length; i++) {
      column.set(i, held[i]);
    }
    return column;
  }

  /** Whether {@code journeys} are stored in the columns these first touches were read from (they may be asked). */
  public boolean covers(Journeys journeys) {
    requireNonNull(journeys, "journeys");
    return journeys.columns() == columns;
  }

  /**
   * Which of the journeys read here is journey {@code journey} of {@code journeys} (the same for each copy of a
   * journey in a resample).
   *
   * @throws IllegalArgumentException if these first touches do not {@linkplain #covers cover} {@code journeys}
   */
  public int indexOf(Journeys journeys, int journey) {
    if (journeys.columns() != columns) {
      throw new IllegalArgumentException("these first touches were read from other journeys' columns: " + journeys);
    }
    return journeys.storedRow(journey);
  }

  /**
   * The first entry of the journey read at {@code index} ({@link #indexOf}), one entry per channel it touches in
   * the order they first touch it; its entries end at {@link #end}.
   */
  public int start(int index) {
    return offsets[index];
  }

  /** One past the last entry of the journey read at {@code index} (see {@link #start}). */
  public int end(int index) {
    return offsets[index + 1];
  }

  /**
   * The customer of the journey read at {@code index}, as a number: two journeys have the same number when they
   * have the same {@linkplain Journeys#customerId customer}.
   */
  public int customer(int index) {
    return customers[index];
  }

  /** The channel id (of the journeys' {@link Journeys#channels()}) of entry {@code entry}. */
  public int channel(int entry) {
    return channels.get(entry);
  }

  /** When the channel of entry {@code entry} first touched the journey, in epoch milliseconds. */
  public long firstMillis(int entry) {
    return firsts.get(entry);
  }

  /**
   * When the journey read at {@code index} was touched last, in epoch milliseconds; {@link Long#MIN_VALUE} for a
   * journey without a touch.
   */
  public long lastMillis(int index) {
    return offsets[index] == offsets[index + 1] ? Long.MIN_VALUE : lasts.get(index);
  }

  @Override
  public String toString() {
    return "FirstTouches[" + (offsets.length - 1) + " journeys, " + offsets[offsets.length - 1] + " first touches]";
  }
}
