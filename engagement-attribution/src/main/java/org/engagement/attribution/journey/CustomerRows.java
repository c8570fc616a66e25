package org.engagement.attribution.journey;

import java.util.Arrays;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;

/**
 * One customer's conversions and touches as primitive columns, put in the order {@link JourneyCutter} cuts
 * journeys in: by instant, touches before conversions, then by channel id, type and value, ties kept in the
 * order added (a stable sort, as {@code List.sort} is). {@link ColumnJourneyCutter} fills it from the interaction
 * columns without making an {@code Interaction} per row (issue 16). Reused from customer to customer; not
 * thread-safe.
 */
final class CustomerRows {
  private static final InteractionType[] TYPES = InteractionType.values();
  /** Below this many rows an insertion sort, above it a merge sort. */
  private static final int INSERTION = 24;

  private int size;
  private int[] channel = new int[16];
  private int[] rank = new int[16];
  private long[] second = new long[16];
  private int[] nano = new int[16];
  private byte[] type = new byte[16];
  private boolean[] conversion = new boolean[16];
  private long[] minorUnits = new long[16];
  private @Nullable Money[] value = new Money[16];
  private int[] order = new int[16];
  private int[] scratch = new int[16];

  /** The number of rows added since the last {@link #clear()}. */
  int size() {
    return size;
  }

  /**
   * Adds a row: its channel's number in the columns and the rank of the channel's id among the ids, its instant,
   * type, whether it is a conversion, and a conversion's value.
   */
  @SuppressWarnings("EnumOrdinal") // a byte per row, read back through TYPES (values() in the same order)
  void add(int channelNumber, int channelRank, long epochSecond, int nanos, InteractionType interactionType,
      boolean isConversion, @Nullable Money money) {
    if (size == channel.length) {
      grow();
    }
    channel[size] = channelNumber;
    rank[size] = channelRank;
    second[size] = epochSecond;
    nano[size] = nanos;
    type[size] = (byte) interactionType.ordinal();
    conversion[size] = isConversion;
    minorUnits[size] = money == null ? -1 : money.minorUnits();
    value[size] = money;
    size++;
  }

  /** Forgets the rows, keeping the arrays for the next customer. */
  void clear() {
    Arrays.fill(value, 0, size, null);
    size = 0;
  }

  /** Puts the rows in cutting order; {@link #at(int)} then reads them in it. */
  void sort() {
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    if (size <= INSERTION) {
      insertionSort(order, 0, size);
    } else {
      mergeSort(0, size);
    }
  }

  /** The row at {@code position} of the cutting order. */
  int at(int position) {
    return order[position];
  }

  int channel(int row) {
    return channel[row];
  }

  int rank(int row) {
    return rank[row];
  }

  /** The row's instant in epoch milliseconds, as {@code Instant.toEpochMilli()} gives it. */
  long millis(int row) {
    return second[row] * 1000 + nano[row] / 1_000_000;
  }

  InteractionType type(int row) {
    return TYPES[type[row]];
  }

  boolean conversion(int row) {
    return conversion[row];
  }

  @Nullable Money value(int row) {
    return value[row];
  }

  /** The cutting order of rows {@code a} and {@code b}: instant, touch first, channel id, type, value. */
  private int compare(int a, int b) {
    int c = Long.compare(second[a], second[b]);
    if (c == 0) {
      c = Integer.compare(nano[a], nano[b]);
    }
    if (c == 0) {
      c = Boolean.compare(conversion[a], conversion[b]);
    }
    if (c == 0) {
      c = Integer.compare(rank[a], rank[b]);
    }
    if (c == 0) {
      c = Byte.compare(type[a], type[b]);
    }
    return c != 0 ? c : Long.compare(minorUnits[a], minorUnits[b]);
  }

  /** A stable insertion sort of {@code rows[from .. to)}: linear on rows already in order, as a file's usually are. */
  private void insertionSort(int[] rows, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int row = rows[i];
      int j = i - 1;
      while (j >= from && compare(rows[j], row) > 0) {
        rows[j + 1] = rows[j];
        j--;
      }
      rows[j + 1] = row;
    }
  }

  /** A stable merge sort of {@code order[from .. to)}, runs of up to {@value #INSERTION} sorted by insertion. */
  private void mergeSort(int from, int to) {
    if (to - from <= INSERTION) {
      insertionSort(order, from, to);
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(from, middle);
    mergeSort(middle, to);
    if (compare(order[middle - 1], order[middle]) <= 0) {
      return;
    }
    System.arraycopy(order, from, scratch, from, to - from);
    int left = from;
    int right = middle;
    for (int k = from; k < to; k++) {
      boolean takeLeft = right >= to || (left < middle && compare(scratch[left], scratch[right]) <= 0);
      order[k] = takeLeft ? scratch[left++] : scratch[right++];
    }
  }

  private void grow() {
    int capacity = channel.length * 2;
    channel = Arrays.copyOf(channel, capacity);
    rank = Arrays.copyOf(rank, capacity);
    second = Arrays.copyOf(second, capacity);
    nano = Arrays.copyOf(nano, capacity);
    type = Arrays.copyOf(type, capacity);
    conversion = Arrays.copyOf(conversion, capacity);
    minorUnits = Arrays.copyOf(minorUnits, capacity);
    value = Arrays.copyOf(value, capacity);
    order = new int[capacity];
    scratch = new int[capacity];
  }
}
