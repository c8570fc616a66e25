package org.engagement.simulator;

import static org.engagement.simulator.CustomerSimulation.DAY;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.engagement.core.domain.InteractionType;
import org.engagement.simulator.Journey.Touch;

/** The touches of each channel from its reach and {@link TouchTiming}. Stateless. */
final class ChannelTouches {
  static final double DAYS_PER_MONTH = 30.4375;

  private ChannelTouches() {}

  /**
   * Every touch of every channel, in time order; each channel draws from its own split stream, whether or not
   * it is {@code skipped} (held out, or touching by another rule), so skipping one changes no other channel.
   */
  static List<Touch> draw(SplittableRandom rng, List<ChannelSpec> channels, long arrival, long end, int skipped) {
    List<Touch> touches = new ArrayList<>();
    for (int c = 0; c < channels.size(); c++) {
      SplittableRandom random = rng.split();
      ChannelSpec channel = channels.get(c);
      if (random.nextDouble() >= channel.reach() || (skipped & (1 << c)) != 0) {
        continue;
      }
      if (channel.timing() == TouchTiming.EARLY) {
        int count = 1 + Draws.poisson(random, 2 * channel.touchesPerMonth());
        for (int k = 0; k < count; k++) {
          add(touches, random, channel, c, arrival + (long) (random.nextDouble() * TouchTiming.EARLY_DAYS * DAY), end);
        }
      } else if (channel.timing() == TouchTiming.LATE) {
        int count = 1 + Draws.poisson(random, 2 * channel.touchesPerMonth());
        long from = arrival + TouchTiming.EARLY_DAYS * DAY;
        long span = (TouchTiming.LATE_DAYS - TouchTiming.EARLY_DAYS) * DAY;
        for (int k = 0; k < count; k++) {
          add(touches, random, channel, c, from + (long) (random.nextDouble() * span), end);
        }
      } else if (channel.touchesPerMonth() > 0) {
        double meanGap = DAYS_PER_MONTH * DAY / channel.touchesPerMonth();
        long t = arrival;
        while (true) {
          t += (long) (Draws.exponential(random) * meanGap);
          if (t >= end || t < arrival) {
            break;
          }
          add(touches, random, channel, c, t, end);
        }
      }
    }
    touches.sort(Comparator.comparingLong(Touch::millis).thenComparingInt(Touch::channel));
    return touches;
  }

  /** Adds a touch of channel {@code c} at {@code millis} (cut to seconds) if before the end, type drawn. */
  static void add(List<Touch> touches, SplittableRandom random, ChannelSpec channel, int c, long millis, long end) {
    InteractionType type = channel.touchTypes().get(random.nextInt(channel.touchTypes().size()));
    if (millis < end) {
      touches.add(new Touch(CustomerSimulation.seconds(millis), c, type));
    }
  }
}
