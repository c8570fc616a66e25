package org.engagement.simulator.mix;

import java.util.SplittableRandom;

/**
 * Makes marketing-mix worlds; the model is described in the {@link org.engagement.simulator.mix package}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class MixSimulation {
  private static final double DEMAND_PERSISTENCE = 0.8;
  private static final double SPEND_SPREAD = 0.6;
  private static final double PLAN_SPREAD = 0.4;
  private static final int QUARTER = 13;
  private static final double YEAR_SPREAD = 0.25;
  private static final double EXECUTION_SPREAD = 0.15;
  private static final double FLIGHTED = 0.3;
  private static final double PULSE_BASE = 0.6;
  private static final double PULSE_STARTS = 0.05;

  private MixSimulation() {}

  /**
   * Generates the world of a spec.
   *
   * @param spec the spec
   * @return the world, the same for the same spec
   */
  public static MixWorld generate(MixWorldSpec spec) {
    SplittableRandom random = new SplittableRandom(spec.seed());
    int n = spec.periods();
    double[] demand = demand(spec, random);
    int channels = spec.channels().size();
    double[][] spend = new double[channels][];
    double[][] contribution = new double[channels][];
    double[] outcome = baseline(spec, demand);
    for (int c = 0; c < channels; c++) {
      MixChannel channel = spec.channels().get(c);
      spend[c] = spend(channel, spec, demand, random.split());
      contribution[c] = contribution(channel, spend[c]);
      for (int t = 0; t < n; t++) {
        outcome[t] += contribution[c][t];
      }
    }
    for (int t = 0; t < n; t++) {
      outcome[t] += spec.noise() * spec.baseline() * random.nextGaussian();
    }
    return new MixWorld(spec, spend, contribution, outcome);
  }

  private static double[] demand(MixWorldSpec spec, SplittableRandom random) {
    double innovation = spec.demand() * Math.sqrt(1 - DEMAND_PERSISTENCE * DEMAND_PERSISTENCE);
    double[] demand = new double[spec.periods()];
    double level = spec.demand() * random.nextGaussian();
    for (int t = 0; t < demand.length; t++) {
      demand[t] = level;
      level = DEMAND_PERSISTENCE * level + innovation * random.nextGaussian();
    }
    return demand;
  }

  private static double[] baseline(MixWorldSpec spec, double[] demand) {
    int n = spec.periods();
    double[] outcome = new double[n];
    for (int t = 0; t < n; t++) {
      double angle = 2 * Math.PI * t / spec.seasonLength();
      double season = spec.seasonality() * (Math.sin(angle) + 0.4 * Math.cos(2 * angle));
      outcome[t] = spec.baseline() * (1 + spec.trend() * t / n + season + demand[t]);
    }
    return outcome;
  }

  private static double[] spend(MixChannel channel, MixWorldSpec spec, double[] demand,
      SplittableRandom random) {
    return spec.plans() == MixWorldSpec.Plans.CAMPAIGNS
        ? campaigns(channel, spec, demand, random) : weeklyDraws(channel, spec, demand, random);
  }

  private static double[] weeklyDraws(MixChannel channel, MixWorldSpec spec, double[] demand,
      SplittableRandom random) {
    double[] spend = new double[demand.length];
    double onLevel = channel.meanSpend() / (1 - channel.dark());
    double spreadMean = -0.5 * SPEND_SPREAD * SPEND_SPREAD;
    double demandScale = spec.demand() > 0 ? 1 / spec.demand() : 0;
    double plan = 1;
    for (int t = 0; t < spend.length; t++) {
      if (t % QUARTER == 0) {
        plan = Math.exp(-0.5 * PLAN_SPREAD * PLAN_SPREAD + PLAN_SPREAD * random.nextGaussian());
      }
      boolean dark = random.nextDouble() < channel.dark();
      double draw = Math.exp(spreadMean + SPEND_SPREAD * random.nextGaussian());
      double follows = Math.exp(channel.demandFollowing() * 0.3 * demand[t] * demandScale);
      spend[t] = dark ? 0 : onLevel * plan * draw * follows;
    }
    return spend;
  }

  /**
   * {@link MixWorldSpec.Plans#CAMPAIGNS}: a flight or pulse pattern times a yearly budget level times execution
   * noise (and the demand the channel follows), scaled so that the series' mean spend is the channel's.
   */
  private static double[] campaigns(MixChannel channel, MixWorldSpec spec, double[] demand,
      SplittableRandom random) {
    int n = demand.length;
    double[] pattern = channel.dark() >= FLIGHTED ? flights(n, channel.dark(), random)
        : pulses(n, spec.seasonLength(), random);
    double demandScale = spec.demand() > 0 ? 1 / spec.demand() : 0;
    double level = 1;
    double sum = 0;
    double[] spend = new double[n];
    for (int t = 0; t < n; t++) {
      if (t % spec.seasonLength() == 0) {
        level = Math.exp(-0.5 * YEAR_SPREAD * YEAR_SPREAD + YEAR_SPREAD * random.nextGaussian());
      }
      double execution = Math.exp(-0.5 * EXECUTION_SPREAD * EXECUTION_SPREAD
          + EXECUTION_SPREAD * random.nextGaussian());
      double follows = Math.exp(channel.demandFollowing() * 0.3 * demand[t] * demandScale);
      spend[t] = pattern[t] * level * execution * follows;
      sum += spend[t];
    }
    double scale = sum > 0 ? channel.meanSpend() * n / sum : 0;
    for (int t = 0; t < n; t++) {
      spend[t] *= scale;
    }
    return spend;
  }

  /** Flights of 2 to 6 periods on, separated by gaps whose mean makes {@code dark} the share of periods off. */
  private static double[] flights(int n, double dark, SplittableRandom random) {
    double[] on = new double[n];
    double meanGap = 4 * dark / (1 - dark);
    int t = random.nextInt(Math.max(1, (int) Math.ceil(2 * meanGap)));
    while (t < n) {
      int flight = 2 + random.nextInt(5);
      for (int k = 0; k < flight && t < n; k++, t++) {
        on[t] = 1;
      }
      t += 1 + random.nextInt(Math.max(1, (int) Math.round(2 * meanGap - 1)));
    }
    return on;
  }

  /**
   * A continuous base of {@value #PULSE_BASE} with bursts of 4 to 8 periods at twice the base, a burst starting
   * in a quiet period with probability {@value #PULSE_STARTS} times one plus the season's sine (twice as often
   * at the seasonal peak, never at the trough).
   */
  private static double[] pulses(int n, int seasonLength, SplittableRandom random) {
    double[] level = new double[n];
    int t = 0;
    while (t < n) {
      double season = Math.sin(2 * Math.PI * t / seasonLength);
      if (random.nextDouble() < PULSE_STARTS * (1 + season)) {
        int burst = 4 + random.nextInt(5);
        for (int k = 0; k < burst && t < n; k++, t++) {
          level[t] = 2 * PULSE_BASE;
        }
      } else {
        level[t++] = PULSE_BASE;
      }
    }
    return level;
  }

  /** The true contribution per period of a channel's spend (package-private for the recovery diagnoses). */
  static double[] contribution(MixChannel channel, double[] spend) {
    double beta = channel.maxEffect();
    double[] contribution = channel.carry(spend);
    for (int t = 0; t < spend.length; t++) {
      contribution[t] = beta * channel.hill(contribution[t] / channel.meanSpend());
    }
    return contribution;
  }
}
