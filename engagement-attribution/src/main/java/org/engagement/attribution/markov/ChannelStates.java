package org.engagement.attribution.markov;

import java.util.Arrays;

/**
 * The states of a {@link MarkovChain} that hold each channel, in compressed rows (one pass over the
 * states' channels), so that removing a channel marks its states without scanning every state. Immutable
 * after construction.
 */
final class ChannelStates {
  private final int[] offsets;
  private final int[] states;
  private final int removable;

  private ChannelStates(int[] offsets, int[] states, int removable) {
    this.offsets = offsets;
    this.states = states;
    this.removable = removable;
  }

  /** The states of {@code chain} by channel id, for channel ids {@code 0 .. channels - 1}. */
  static ChannelStates of(MarkovChain chain, int channels) {
    int n = chain.stateCount();
    int[] offsets = new int[channels + 1];
    int[] stamp = new int[channels];
    Arrays.fill(stamp, -1);
    for (int s = 0; s < n; s++) {
      for (int i = chain.stateStart(s); i < chain.stateEnd(s); i++) {
        int c = chain.stateChannelAt(i);
        if (stamp[c] != s) {
          stamp[c] = s;
          offsets[c + 1]++;
        }
      }
    }
    int removable = 0;
    for (int c = 0; c < channels; c++) {
      removable += offsets[c + 1] > 0 ? 1 : 0;
      offsets[c + 1] += offsets[c];
    }
    int[] states = new int[offsets[channels]];
    int[] fill = Arrays.copyOf(offsets, channels);
    Arrays.fill(stamp, -1);
    for (int s = 0; s < n; s++) {
      for (int i = chain.stateStart(s); i < chain.stateEnd(s); i++) {
        int c = chain.stateChannelAt(i);
        if (stamp[c] != s) {
          stamp[c] = s;
          states[fill[c]++] = s;
        }
      }
    }
    return new ChannelStates(offsets, states, removable);
  }

  /** The number of channel ids. */
  int channels() {
    return offsets.length - 1;
  }

  /** The channels in at least one state: those whose removal is solved. */
  int removable() {
    return removable;
  }

  /** How many states hold channel {@code channel}. */
  int count(int channel) {
    return offsets[channel + 1] - offsets[channel];
  }

  /** Sets {@code removed[s]} for every state {@code s} that holds {@code channel}; returns {@code removed}. */
  boolean[] mark(int channel, boolean[] removed) {
    for (int i = offsets[channel]; i < offsets[channel + 1]; i++) {
      removed[states[i]] = true;
    }
    return removed;
  }
}
