package org.engagement.simulator;

import static org.engagement.simulator.CustomerSimulation.DAY;
import static org.engagement.simulator.CustomerSimulation.WEEK;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.engagement.simulator.Journey.Touch;

/**
 * The journeys of a {@link WorldMechanism#MARKOV} world: a walk over the channels until conversion, null or the
 * end of the person's time in the market, replayed without each channel on the same draws (every step draws
 * the same two uniforms whatever happens, so the walks agree until the removed channel would be entered).
 * Immutable and thread-safe.
 */
final class MarkovJourneys {
  private static final int MAX_STEPS = 500;
  private static final int CONVERSION = -1;
  private static final int NULL = -2;

  private final List<ChannelSpec> channels;
  private final long end;
  private final long inMarket;
  private final double[] reachWeights;
  private final double reachSum;

  MarkovJourneys(WorldSpec spec) {
    this.channels = spec.channels();
    this.end = spec.endInstant().toEpochMilli();
    this.inMarket = spec.inMarketWeeks() * WEEK;
    this.reachWeights = channels.stream().mapToDouble(ChannelSpec::reach).toArray();
    double sum = 0;
    for (double w : reachWeights) {
      sum += w;
    }
    this.reachSum = sum;
  }

  Journey journey(SplittableRandom rng, SplittableRandom typeRandom, long arrival, int heldOut) {
    long walkSeed = rng.nextLong();
    List<Touch> touches = new ArrayList<>();
    long purchase = walk(walkSeed, arrival, heldOut, touches, typeRandom);
    boolean purchased = purchase >= 0;
    int gained = 0;
    int lost = 0;
    int seen = 0;
    for (Touch touch : touches) {
      seen |= 1 << touch.channel();
    }
    for (int c = 0; c < channels.size(); c++) {
      if ((seen & (1 << c)) != 0) {
        boolean without = walk(walkSeed, arrival, heldOut | 1 << c, null, null) >= 0;
        gained |= purchased && !without ? 1 << c : 0;
        lost |= !purchased && without ? 1 << c : 0;
      }
    }
    long[] stageTimes = {-1, -1, -1};
    if (purchased) {
      stageTimes[0] = Math.max(arrival, purchase - 2 * DAY);
      stageTimes[1] = Math.max(arrival, purchase - DAY);
      stageTimes[2] = purchase;
    }
    return Journey.of(touches, stageTimes, gained, lost);
  }

  /** The walk's conversion instant, or -1; adds its touches to {@code touches} when given. */
  private long walk(long seed, long arrival, int removed, @org.jspecify.annotations.Nullable List<Touch> touches,
      @org.jspecify.annotations.Nullable SplittableRandom typeRandom) {
    if (reachSum <= 0) {
      return -1;
    }
    SplittableRandom random = new SplittableRandom(seed);
    long limit = Math.min(end - 1000, arrival + inMarket);
    long t = arrival;
    int state = NULL;
    for (int step = 0; step < MAX_STEPS; step++) {
      double u = random.nextDouble();
      t += (long) (Draws.exponential(random) * WorldMechanism.MARKOV_STEP_DAYS * DAY);
      if (t >= limit) {
        return -1;
      }
      int next = step == 0 ? byReach(u) : next(state, u);
      if (next == CONVERSION) {
        return CustomerSimulation.seconds(t);
      }
      if (next == NULL || (removed & (1 << next)) != 0) {
        return -1;
      }
      if (touches != null && typeRandom != null) {
        ChannelTouches.add(touches, typeRandom, channels.get(next), next, t, end);
      }
      state = next;
    }
    return -1;
  }

  private int next(int state, double u) {
    double conversion = Math.min(channels.get(state).lift(), 1 - WorldMechanism.MARKOV_NULL);
    if (u < conversion) {
      return CONVERSION;
    }
    if (u < conversion + WorldMechanism.MARKOV_NULL) {
      return NULL;
    }
    return byReach((u - conversion - WorldMechanism.MARKOV_NULL) / (1 - conversion - WorldMechanism.MARKOV_NULL));
  }

  private int byReach(double u) {
    double target = u * reachSum;
    int last = NULL;
    for (int c = 0; c < reachWeights.length; c++) {
      if (reachWeights[c] > 0) {
        last = c;
        target -= reachWeights[c];
        if (target < 0) {
          return c;
        }
      }
    }
    return last;
  }
}
