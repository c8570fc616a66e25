package org.engagement.simulator;

import static org.engagement.simulator.CustomerSimulation.DAY;
import static org.engagement.simulator.CustomerSimulation.WEEK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.simulator.Journey.Touch;

/**
 * The journeys of the weekly-hazard mechanisms ({@link WorldMechanism#ADDITIVE}, {@link WorldMechanism#SYNERGY},
 * {@link WorldMechanism#CONFOUNDED}, {@link WorldMechanism#SLOW}): touches from each channel's reach and timing,
 * a carried-over exposure level per channel and week, three funnel steps drawn against the mechanism's hazard,
 * and the replay without each channel on the same weekly uniforms. Immutable and thread-safe.
 */
final class FunnelJourneys {
  private static final int STAGES = 3;
  private static final double LN2 = StrictMath.log(2);

  private final WorldSpec spec;
  private final List<ChannelSpec> channels;
  private final WorldMechanism mechanism;
  private final long end;
  private final double[] lifts;
  private final boolean[] slow;
  private final boolean[] bystander;
  private final int harmful;
  private final int synergyA;
  private final int synergyB;

  FunnelJourneys(WorldSpec spec) {
    this.spec = spec;
    this.channels = spec.channels();
    this.mechanism = spec.mechanism();
    this.end = spec.endInstant().toEpochMilli();
    int n = channels.size();
    this.lifts = new double[n];
    this.slow = new boolean[n];
    this.bystander = new boolean[n];
    for (int c = 0; c < n; c++) {
      ChannelSpec channel = channels.get(c);
      slow[c] = mechanism == WorldMechanism.SLOW && channel.timing() == TouchTiming.EARLY;
      bystander[c] = mechanism == WorldMechanism.CONFOUNDED && Confounding.role(channel) != Confounding.Role.CAUSAL;
      lifts[c] = bystander[c] ? 0 : channel.lift();
    }
    boolean synergy = mechanism == WorldMechanism.SYNERGY;
    this.harmful = synergy ? firstOf(ChannelGroup.EMAIL) : -1;
    this.synergyA = synergy ? firstOf(ChannelGroup.PAID_SOCIAL) : -1;
    this.synergyB = synergy ? firstOf(ChannelGroup.PAID_SEARCH) : -1;
  }

  private int firstOf(ChannelGroup group) {
    for (int c = 0; c < channels.size(); c++) {
      if (channels.get(c).channel().group() == group) {
        return c;
      }
    }
    return -1;
  }

  /**
   * One person's journey.
   *
   * @param heldOut the channels the person is held out of (bit per channel)
   * @param intent the person's intent (1 outside {@link WorldMechanism#CONFOUNDED} worlds)
   */
  Journey journey(SplittableRandom rng, SplittableRandom funnelRandom, SplittableRandom confoundRandom,
      long arrival, int heldOut, double intent) {
    List<Touch> touches = ChannelTouches.draw(rng, channels, arrival, end, heldOut | bystanders());
    int weeks = (int) Math.min(spec.inMarketWeeks(), Math.max(0, (end - arrival - 1) / WEEK));
    double[][] levels = levels(touches, arrival, weeks);
    double[] uniforms = new double[weeks];
    for (int w = 0; w < weeks; w++) {
      uniforms[w] = funnelRandom.nextDouble();
    }
    int[] stageWeeks = funnel(levels, uniforms, intent, 0);
    boolean purchased = stageWeeks[STAGES - 1] >= 0;
    int gained = 0;
    int lost = 0;
    for (int c = 0; c < channels.size(); c++) {
      if (touched(levels, c) && lifts[c] > 0) {
        boolean without = funnel(levels, uniforms, intent, 1 << c)[STAGES - 1] >= 0;
        gained |= purchased && !without ? 1 << c : 0;
        lost |= !purchased && without ? 1 << c : 0;
      }
    }
    long[] stageTimes = new long[STAGES];
    for (int k = 0; k < STAGES; k++) {
      stageTimes[k] = stageWeeks[k] < 0 ? -1 : CustomerSimulation.seconds(Math.min(end - 1000,
          arrival + (stageWeeks[k] + 1L) * WEEK + (long) (funnelRandom.nextDouble() * 6 * 3_600_000L)));
    }
    if (mechanism == WorldMechanism.CONFOUNDED) {
      touches = new ArrayList<>(touches);
      new Confounding(channels, end).add(confoundRandom, arrival, stageTimes, intent, heldOut, touches);
      touches.sort(Comparator.comparingLong(Touch::millis).thenComparingInt(Touch::channel));
    }
    return Journey.of(touches, stageTimes, gained, lost);
  }

  private int bystanders() {
    int mask = 0;
    for (int c = 0; c < bystander.length; c++) {
      mask |= bystander[c] ? 1 << c : 0;
    }
    return mask;
  }

  private static boolean touched(double[][] levels, int c) {
    for (double[] week : levels) {
      if (week[c] > 0) {
        return true;
      }
    }
    return false;
  }

  /** For each week, each channel's carried-over level at the week's end, from its latest touch. */
  private double[][] levels(List<Touch> touches, long arrival, int weeks) {
    long[] last = new long[channels.size()];
    Arrays.fill(last, Long.MIN_VALUE);
    double[][] levels = new double[weeks][channels.size()];
    int next = 0;
    for (int w = 0; w < weeks; w++) {
      long t = arrival + (w + 1L) * WEEK;
      while (next < touches.size() && touches.get(next).millis() <= t) {
        last[touches.get(next).channel()] = touches.get(next).millis();
        next++;
      }
      for (int c = 0; c < last.length; c++) {
        levels[w][c] = last[c] == Long.MIN_VALUE ? 0 : kernel(c, (t - last[c]) / (double) DAY);
      }
    }
    return levels;
  }

  /** The carry-over of a touch {@code ageDays} old: exponential decay, or the delayed slow kernel. */
  private double kernel(int c, double ageDays) {
    if (slow[c]) {
      double x = ageDays / WorldMechanism.SLOW_PEAK_DAYS;
      return x * StrictMath.exp(1 - x);
    }
    return StrictMath.exp(-LN2 * ageDays / spec.carryOverDays());
  }

  /** The week of each funnel step (-1 if never), with the channels of {@code removed} taken away. */
  private int[] funnel(double[][] levels, double[] uniforms, double intent, int removed) {
    int[] stageWeeks = {-1, -1, -1};
    int stage = 0;
    for (int w = 0; w < levels.length && stage < STAGES; w++) {
      if (uniforms[w] < hazard(levels[w], intent, removed)) {
        stageWeeks[stage++] = w;
      }
    }
    return stageWeeks;
  }

  /** The weekly hazard of the mechanism given the channels' levels, without the channels of {@code removed}. */
  double hazard(double[] level, double intent, int removed) {
    double sum = spec.baseHazard();
    for (int c = 0; c < level.length; c++) {
      if ((removed & (1 << c)) == 0 && c != harmful) {
        sum += lifts[c] * level[c];
      }
    }
    if (synergyA >= 0 && synergyB >= 0 && (removed & (1 << synergyA | 1 << synergyB)) == 0) {
      sum += WorldMechanism.SYNERGY_FACTOR * (lifts[synergyA] + lifts[synergyB]) * level[synergyA] * level[synergyB];
    }
    if (harmful >= 0 && (removed & (1 << harmful)) == 0) {
      sum *= 1 - WorldMechanism.HARM * level[harmful];
    }
    return sum * intent;
  }
}
