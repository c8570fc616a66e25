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

  private static double[] contribution(MixChannel channel, double[] spend) {
    double beta = channel.maxEffect();
    double[] contribution = channel.carry(spend);
    for (int t = 0; t < spend.length; t++) {
      contribution[t] = beta * channel.hill(contribution[t] / channel.meanSpend());
    }
    return contribution;
  }
}
