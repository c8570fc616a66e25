package org.engagement.attribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.engagement.attribution.journey.JourneySet;

/**
 * A small seeded world with known causal truth, for tests: each person is exposed to each channel
 * independently, in a random order, and converts with probability {@code 1 − exp(−(h0 + Σ β_c x_c))}, an
 * additive hazard. Each person's uniform draw is kept, so the truth per channel is a counterfactual replay on
 * the same draws: the conversions that would not have happened without the channel. An optional randomised
 * holdout keeps a random half of the people from one channel; comparing the halves gives a lift result with a
 * 95 % normal interval, as a real holdout test would.
 *
 * @param journeys the journeys of the people touched at least once (value 100 per conversion)
 * @param truth the true incremental conversions per channel
 * @param liftEstimate the holdout's estimate for the held-out channel (NaN without a holdout)
 * @param liftLow the lower end of its 95 % interval
 * @param liftHigh the upper end of its 95 % interval
 */
public record HazardWorld(JourneySet journeys, Map<String, Double> truth, double liftEstimate, double liftLow,
    double liftHigh) {
  /** The channels. */
  public static final List<String> CHANNELS = List.of("display", "email", "search", "social", "video");
  private static final double[] EXPOSURE = {0.7, 0.4, 0.3, 0.5, 0.2};
  private static final double[] EFFECT = {0.01, 0.06, 0.12, 0.03, 0.09};
  private static final double BASE = 0.05;

  /** The generator's baseline hazard. */
  public static double baseline() {
    return BASE;
  }

  /** The generator's effect on the hazard per channel, in the order of {@link #CHANNELS}. */
  public static double[] effects() {
    return EFFECT.clone();
  }

  /** The world of {@code people} people drawn with {@code seed}, holding out channel {@code heldOut} if not null. */
  public static HazardWorld of(long seed, int people, String heldOut) {
    SplittableRandom random = new SplittableRandom(seed);
    Random shuffler = new Random(seed);
    int held = heldOut == null ? -1 : CHANNELS.indexOf(heldOut);
    JourneySet.Builder builder = JourneySet.builder();
    double[] truth = new double[CHANNELS.size()];
    double[] converted = new double[2];
    double[] group = new double[2];
    for (int i = 0; i < people; i++) {
      boolean holdout = held >= 0 && random.nextBoolean();
      boolean[] x = new boolean[CHANNELS.size()];
      double hazard = BASE;
      List<String> path = new ArrayList<>();
      for (int c = 0; c < x.length; c++) {
        boolean exposed = random.nextDouble() < EXPOSURE[c];
        x[c] = exposed && !(holdout && c == held);
        if (x[c]) {
          hazard += EFFECT[c];
          path.add(CHANNELS.get(c));
        }
      }
      double u = random.nextDouble();
      boolean converts = u < 1 - Math.exp(-hazard);
      for (int c = 0; c < x.length; c++) {
        if (x[c] && converts && !(u < 1 - Math.exp(-(hazard - EFFECT[c])))) {
          truth[c]++;
        }
      }
      int g = holdout ? 1 : 0;
      group[g]++;
      converted[g] += converts ? 1 : 0;
      if (!path.isEmpty()) {
        Collections.shuffle(path, shuffler);
        builder.add(path, converts ? 1 : 0, converts ? 100 : 0, converts ? 0 : 1);
      }
    }
    Map<String, Double> truthByName = new LinkedHashMap<>();
    for (int c = 0; c < truth.length; c++) {
      truthByName.put(CHANNELS.get(c), truth[c]);
    }
    double[] lift = held < 0 ? new double[] {Double.NaN, Double.NaN, Double.NaN} : lift(converted, group);
    return new HazardWorld(builder.build(), truthByName, lift[0], lift[1], lift[2]);
  }

  /** Intent-to-treat difference of the halves' rates times the exposed half's size, with a 95 % interval. */
  private static double[] lift(double[] converted, double[] group) {
    double treated = converted[0] / group[0];
    double control = converted[1] / group[1];
    double estimate = (treated - control) * group[0];
    double se = group[0] * Math.sqrt(treated * (1 - treated) / group[0] + control * (1 - control) / group[1]);
    return new double[] {estimate, estimate - 1.96 * se, estimate + 1.96 * se};
  }

  /** The true shares: each channel's incremental conversions over their sum. */
  public Map<String, Double> trueShares() {
    double sum = truth.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Double> shares = new LinkedHashMap<>();
    truth.forEach((k, v) -> shares.put(k, v / sum));
    return shares;
  }
}
