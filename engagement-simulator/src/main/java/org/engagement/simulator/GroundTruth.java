package org.engagement.simulator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each channel truly did in a simulated world, computed from the simulation itself.
 *
 * <p>For every person who made a first purchase in the world and every channel {@code c}, the generator
 * replays the person's funnel without {@code c}'s touches, with the same random draws (common random numbers:
 * the same weekly uniforms, the same touches of every other channel). If the person then makes no first
 * purchase within the world, the purchase counts as one incremental conversion of {@code c}. Because lifts
 * only add to the hazard, a replay without a channel never buys where the world did not, so these counts are
 * never negative. A purchase that needed two channels counts for both, and one that any single channel could
 * have brought about counts for none, so the counts need not add up to {@link #firstPurchases()}; the shares
 * are normalised to add up to 1, as a removal-effect attribution model normalises its removal effects.
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
      sum += count;
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
