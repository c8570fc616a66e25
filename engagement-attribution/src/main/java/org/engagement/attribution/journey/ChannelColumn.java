package org.engagement.attribution.journey;

import java.util.Arrays;

/**
 * The channel id of every touch of {@link Journeys}, a byte each while there are at most 256 channels (every
 * input seen so far) and an {@code int} each beyond: the timed journeys of a 10-million-interaction report hold
 * about ten million touches for as long as the report runs, and an {@code int} per touch was 30 MB of it (issue
 * 16). Filled once while the journeys are made ({@link #set}), read only after.
 *
 * <p>Not thread-safe while filled; safely shared once the journeys holding it are constructed.
 */
final class ChannelColumn {
  private static final int NARROW_CHANNELS = 256;

  /** Whether the ids are in {@link #narrow} (else in {@link #wide}); the other array is empty. */
  private final boolean small;
  private final byte[] narrow;
  private final int[] wide;

  private ChannelColumn(int size, int channels) {
    this.small = channels <= NARROW_CHANNELS;
    this.narrow = new byte[small ? size : 0];
    this.wide = new int[small ? 0 : size];
  }

  /** An empty column of {@code size} touches, each to be set to a channel id below {@code channels}. */
  static ChannelColumn ofSize(int size, int channels) {
    return new ChannelColumn(size, channels);
  }

  void set(int position, int channel) {
    if (small) {
      narrow[position] = (byte) channel;
    } else {
      wide[position] = channel;
    }
  }

  int get(int position) {
    return small ? narrow[position] & 0xFF : wide[position];
  }

  /** Every id, one {@code int} each (what equality, hashing and the serialised form use). */
  int[] toArray() {
    if (!small) {
      return wide.clone();
    }
    int[] ids = new int[narrow.length];
    Arrays.setAll(ids, this::get);
    return ids;
  }
}
