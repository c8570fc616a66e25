package org.engagement.simulator;

import static org.engagement.simulator.CustomerSimulation.DAY;
import static org.engagement.simulator.CustomerSimulation.WEEK;

import java.util.List;
import java.util.SplittableRandom;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.simulator.Journey.Touch;

/**
 * The touches of a {@link WorldMechanism#CONFOUNDED} world that follow intent instead of causing anything:
 * retargeting after a person becomes a lead, navigational visits just before each funnel step. Drawn after the
 * funnel, so they cannot change it. Immutable and thread-safe.
 */
final class Confounding {
  /** What a channel does in a confounded world, by its group. */
  enum Role {
    /** Touches by reach and timing and has its lift. */
    CAUSAL,
    /** Paid social: shown to leads in proportion to their intent; no effect. */
    RETARGETING,
    /** Direct and paid search: visits just before funnel steps; no effect. */
    NAVIGATIONAL
  }

  static final double DIRECT_VISIT = 0.7;
  static final double SEARCH_VISIT = 0.5;
  private static final long NAVIGATION_SPAN = 3 * DAY;

  private final List<ChannelSpec> channels;
  private final long end;

  Confounding(List<ChannelSpec> channels, long end) {
    this.channels = channels;
    this.end = end;
  }

  static Role role(ChannelSpec channel) {
    ChannelGroup group = channel.channel().group();
    if (group == ChannelGroup.PAID_SOCIAL) {
      return Role.RETARGETING;
    }
    return group == ChannelGroup.DIRECT || group == ChannelGroup.PAID_SEARCH ? Role.NAVIGATIONAL : Role.CAUSAL;
  }

  /**
   * Adds the retargeting and navigational touches of a person, except on the channels they are held out of;
   * a navigational visit never comes before the person's arrival.
   */
  void add(SplittableRandom random, long arrival, long[] stageTimes, double intent, int heldOut,
      List<Touch> touches) {
    for (int c = 0; c < channels.size(); c++) {
      SplittableRandom channelRandom = random.split();
      Role role = role(channels.get(c));
      if (role == Role.CAUSAL || (heldOut & (1 << c)) != 0) {
        continue;
      }
      if (role == Role.RETARGETING) {
        retarget(channelRandom, c, stageTimes, intent, touches);
      } else {
        double p = channels.get(c).channel().group() == ChannelGroup.DIRECT ? DIRECT_VISIT : SEARCH_VISIT;
        for (long step : stageTimes) {
          if (step >= 0 && channelRandom.nextDouble() < p) {
            long at = step - 1000 - (long) (channelRandom.nextDouble() * NAVIGATION_SPAN);
            ChannelTouches.add(touches, channelRandom, channels.get(c), c, Math.max(at, arrival), end);
          }
        }
      }
    }
  }

  private void retarget(SplittableRandom random, int c, long[] stageTimes, double intent, List<Touch> touches) {
    long lead = stageTimes[0];
    if (lead < 0 || random.nextDouble() >= Math.min(1, intent / 2)) {
      return;
    }
    long until = stageTimes[2] >= 0 ? stageTimes[2] : Math.min(end, lead + 12 * WEEK);
    for (long t = lead + (long) (random.nextDouble() * WEEK); t < until; t += WEEK) {
      ChannelTouches.add(touches, random, channels.get(c), c, t, end);
    }
  }
}
