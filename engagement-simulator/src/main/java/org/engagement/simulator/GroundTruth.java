package org.engagement.simulator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each channel truly did in a simulated world, computed from the simulation itself.
 *
 * <p>For every person and every channel {@code c} that touched them, the generator replays the person's
 * journey without {@code c}'s touches, with the same random draws (common random numbers: the same weekly
 * uniforms or Markov steps, the same touches of every other channel). A person who bought in the world and not
 * in the replay counts +1 for {@code c}; a person who did not buy in the world but buys in the replay counts
 * -1 (a harmful channel, {@link WorldMechanism#SYNERGY}). In an {@linkplain WorldMechanism#ADDITIVE additive}
 * world effects only add to the hazard, so the counts are never negative. A purchase that needed two channels
 * counts for both, and one that any single channel could have brought about counts for none, so the counts
 * need not add up to {@link #firstPurchases()}. The shares are <em>signed</em>: each count over the sum of the
 * counts' absolute values, so that their absolute values add up to 1 (as a removal-effect attribution model
 * normalises its removal effects) and a harmful channel's share is negative.
 *
 * <p>Immutable and thread-safe.
 *
 * @param firstPurchases how many people made a first purchase in the world
 * @param channels one entry per channel of the spec, in the spec's order
 * @since 0.1.0
 */
public record GroundTruth(long firstPurchases, List<ChannelTruth> channels) {
  /** Copies the channels. */
  public GroundTruth {
    channels = List.copyOf(channels);
  }

  /** The truth from incremental counts indexed like {@code channelIds}. */
  static GroundTruth of(long firstPurchases, List<String> channelIds, long[] incremental) {
    long sum = 0;
    for (long count : incremental) {
      sum += Math.abs(count);
    }
    List<ChannelTruth> rows = new ArrayList<>(channelIds.size());
    for (int i = 0; i < channelIds.size(); i++) {
      double share = sum == 0 ? 0 : (double) incremental[i] / sum;
      rows.add(new ChannelTruth(channelIds.get(i), incremental[i], share));
    }
    return new GroundTruth(firstPurchases, rows);
  }

  /** Each channel's true share, by channel id in the spec's order. */
  public Map<String, Double> shares() {
    Map<String, Double> shares = new LinkedHashMap<>();
    channels.forEach(row -> shares.put(row.channel(), row.share()));
    return shares;
  }

  /**
   * The true share of the channel with id {@code channel}.
   *
   * @throws IllegalArgumentException if the world has no such channel
   */
  public double share(String channel) {
    requireNonNull(channel, "channel");
    return channels.stream().filter(row -> row.channel().equals(channel)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no channel '" + channel + "' in the world"))
        .share();
  }
}
