package org.engagement.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Channel tables drawn from a seed ({@link WorldSpec#drawnChannels(long)}): the default channels with their
 * lifts dealt out again and their timings drawn, so that a model is not judged on one table where the strongest
 * channels happen to touch first. Stateless.
 */
final class DrawnChannels {
  /** Mixed into the seed so that a table drawn with a world's seed shares no stream with that world. */
  private static final long SALT = 0x5DEECE66DL;
  /** The monthly touch rate of a channel moved from a single early touch to a steady or late timing. */
  static final double MOVED_RATE = 0.15;

  private DrawnChannels() {}

  static List<ChannelSpec> draw(long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ SALT);
    List<ChannelSpec> defaults = DefaultChannels.all();
    double[] lifts = defaults.stream().mapToDouble(ChannelSpec::lift).toArray();
    for (int i = lifts.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double swap = lifts[i];
      lifts[i] = lifts[j];
      lifts[j] = swap;
    }
    TouchTiming[] timings = TouchTiming.values();
    List<ChannelSpec> drawn = new ArrayList<>(defaults.size());
    for (int c = 0; c < defaults.size(); c++) {
      ChannelSpec channel = defaults.get(c);
      TouchTiming timing = timings[random.nextInt(timings.length)];
      double rate = timing == TouchTiming.EARLY ? 0 : Math.max(channel.touchesPerMonth(), MOVED_RATE);
      drawn.add(new ChannelSpec(channel.channel(), channel.owner(), channel.reach(), rate, timing, lifts[c],
          channel.monthlyCost(), channel.touchTypes(), channel.surveyPhrases()));
    }
    return List.copyOf(drawn);
  }
}
