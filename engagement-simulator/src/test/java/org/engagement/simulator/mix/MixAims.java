package org.engagement.simulator.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.engagement.roi.mix.BudgetPlan;
import org.engagement.roi.mix.BudgetRequest;
import org.engagement.roi.mix.ChannelAllocation;
import org.engagement.roi.mix.ChannelIdentification;
import org.engagement.roi.mix.ChannelEffect;
import org.engagement.roi.mix.LiftTest;
import org.engagement.roi.mix.MarketingMix;
import org.engagement.roi.mix.MixData;
import org.engagement.roi.mix.MixModel;
import org.engagement.roi.mix.MixPriors;
import org.engagement.roi.mix.MixSettings;

/**
 * Issue 14's three aims measured on one seed of {@link MixWorldSpec#defaults}: the mean absolute error of the
 * contribution shares, how many true ROIs fall inside their 90 % intervals, and the true gain of the
 * recommended split over the current one as a fraction of the true optimum's gain within the same bounds,
 * both valued on the true curves.
 *
 * @param seed the world's seed
 * @param shareError the mean absolute share error over the channels
 * @param covered the channels whose true ROI lies inside the interval
 * @param coveredBasic the channels whose true ROI lies inside the interval reflected about the estimate
 *     ({@code 2 roi - high, 2 roi - low}): the basic bootstrap interval of the same resamples when the
 *     model's interval is a percentile one, the percentile interval when it is a basic one
 * @param channels the channels
 * @param gainRatio the true gain of the (cautious) recommendation over the true optimum's within the request's
 *     bounds
 * @param seenGainRatio the same over the true optimum's within the spend the data saw as well
 * @param expectedGainRatio the true gain of the recommendation without caution ({@link
 *     BudgetRequest#withoutCaution()}, the expected outcome's optimum) over the true optimum's
 * @param heldGainRatio the same without caution but with each channel the fit does not pin down held at its
 *     current spend (within one step of the optimiser's grid) by the request's bounds: what holding alone,
 *     without the cautious valuation and scaling back, does to the plan
 * @param separatedGainRatio the same as {@code heldGainRatio} with each other channel moved only in the direction
 *     its marginal ROI interval separates from some other channel's ({@link #separated}): a move limited by what
 *     the intervals support
 * @param releasedGainRatio the same as {@code gainRatio} for the cautious plan releasing held channels ({@link
 *     BudgetRequest#releasingHeld()}): each channel the fit does not pin down moved in the direction its marginal
 *     return's interval supports
 * @param seconds the fit's wall time
 * @param details each channel's estimates, identification and recommended spend against the truth
 */
record MixAims(long seed, double shareError, int covered, int coveredBasic, int channels, double gainRatio,
    double seenGainRatio, double expectedGainRatio, double heldGainRatio, double separatedGainRatio,
    double releasedGainRatio, double seconds, String details) {
  private static final int LIFT_FROM = 52;
  private static final int LIFT_TO = 77;

  static MixAims measure(long seed, MixSettings settings) {
    return measure(seed, settings, List.of());
  }

  /**
   * The aims of a fit calibrated by a lift test on each named channel: weeks 52 to 77 (the second year's first
   * half), the true incremental outcome with a 90 % interval of ±15 %, as a well-run geo test would give.
   */
  static MixAims measure(long seed, MixSettings settings, List<String> tested) {
    return measure(MixWorldSpec.defaults(seed), settings, tested);
  }

  /** The aims on the world of {@code spec}, calibrated by a lift test on each named channel. */
  static MixAims measure(MixWorldSpec spec, MixSettings settings, List<String> tested) {
    return measure(spec, settings, tested, false);
  }

  /**
   * The aims on the world of {@code spec}, calibrated by a lift test on each named channel, with {@code
   * validateRidge} at the ridge penalty {@link MarketingMix#validatedRidge} chooses for the data (the fit's
   * time then includes the choice).
   */
  static MixAims measure(MixWorldSpec spec, MixSettings settings, List<String> tested, boolean validateRidge) {
    long seed = spec.seed();
    MixWorld world = MixSimulation.generate(spec);
    MixData data = MixWorlds.data(world);
    List<LiftTest> lifts = new ArrayList<>();
    for (String channel : tested) {
      double truth = world.trueContribution(world.channels().indexOf(channel), LIFT_FROM, LIFT_TO);
      truth /= MixWorlds.kpiValue();
      lifts.add(new LiftTest(channel, data.periods().get(LIFT_FROM), data.periods().get(LIFT_TO), truth,
          0.85 * truth, 1.15 * truth));
    }
    long start = System.nanoTime();
    MixSettings chosen = validateRidge
        ? settings.withRidge(MarketingMix.validatedRidge(data, settings, lifts, MixWorlds.priors())) : settings;
    MixModel model = MarketingMix.fit(data, chosen, lifts, MixWorlds.priors());
    double seconds = (System.nanoTime() - start) / 1e9;
    double[] truth = world.trueShares();
    double error = 0;
    int covered = 0;
    int reflected = 0;
    StringBuilder details = new StringBuilder();
    details.append(String.format(java.util.Locale.ROOT, "  ridge %.2f%n", chosen.ridge()));
    for (int c = 0; c < truth.length; c++) {
      ChannelEffect effect = model.effect(world.channels().get(c));
      error += Math.abs(effect.share() - truth[c]) / truth.length;
      double roi = world.trueRoi(c) / MixWorlds.kpiValue();
      covered += roi >= effect.roiInterval().lower() && roi <= effect.roiInterval().upper() ? 1 : 0;
      reflected += roi >= 2 * effect.roi() - effect.roiInterval().upper()
          && roi <= 2 * effect.roi() - effect.roiInterval().lower() ? 1 : 0;
      ChannelIdentification id = model.identification().get(model.data().channels().indexOf(effect.channel()));
      details.append(String.format(java.util.Locale.ROOT,
          "  %-13s share %.3f (true %.3f) roi %.2f [%.2f, %.2f] (true %.2f) half-life %.1f (true %.1f)"
          + " profile %.2f/%.2f R² %.2f %s%n",
          effect.channel(), effect.share(), truth[c], effect.roi(), effect.roiInterval().lower(),
          effect.roiInterval().upper(), roi, effect.halfLife(), spec.channels().get(c).halfLife(),
          id.halfRoiRise(), id.doubleRoiRise(), id.collinearity(), id.movable() ? "movable" : "held"));
    }
    BudgetRequest request = BudgetRequest.of(budget(world));
    double gain = trueGainRatio(spec, world, model.recommend(request), false, details);
    double seen = trueGainRatio(spec, world, model.recommend(request), true, new StringBuilder());
    details.append("  cautious, releasing held channels in the direction their interval supports:\n");
    double released = trueGainRatio(spec, world, model.recommend(request.releasingHeld()), false, details);
    details.append("  without caution:\n");
    double expected = trueGainRatio(spec, world, model.recommend(request.withoutCaution()), false, details);
    BudgetRequest holding = request.withoutCaution();
    for (ChannelIdentification id : model.identification()) {
      if (!id.movable()) {
        double current = data.totalSpend(id.channel()) / data.periods().size();
        double step = budget(world) / 1_000;
        holding = holding.withBounds(id.channel(), Math.max(0, current - step), current + step);
      }
    }
    double held = trueGainRatio(spec, world, model.recommend(holding), false, new StringBuilder());
    details.append("  without caution, held, moves only where the marginal ROI intervals separate:\n");
    double separated = trueGainRatio(spec, world, model.recommend(separated(model, holding, budget(world))), false,
        details);
    return new MixAims(seed, error, covered, reflected, truth.length, gain, seen, expected, held, separated,
        released, seconds, details.toString());
  }

  /**
   * The request {@code holding} with each channel's move limited by its marginal ROI interval: it may rise
   * only if its interval's lower bound is above some other channel's upper bound (money taken from that
   * channel returns less even at the pessimistic end), fall only if its upper bound is below some other
   * channel's lower bound, and is held at its current spend (within one grid step) otherwise.
   */
  static BudgetRequest separated(MixModel model, BudgetRequest holding, double budget) {
    BudgetRequest out = holding;
    List<ChannelEffect> effects = model.effects();
    MixData data = model.data();
    for (ChannelEffect effect : effects) {
      if (holding.bounds().containsKey(effect.channel())) {
        continue;
      }
      boolean up = false;
      boolean down = false;
      for (ChannelEffect other : effects) {
        if (!other.channel().equals(effect.channel())) {
          up |= marginalInterval(effect)[0] > marginalInterval(other)[1];
          down |= marginalInterval(effect)[1] < marginalInterval(other)[0];
        }
      }
      double current = data.totalSpend(effect.channel()) / data.periods().size();
      double step = budget / 1_000;
      out = out.withBounds(effect.channel(), down ? 0.5 * current : Math.max(0, current - step),
          up ? 2 * current : current + step);
    }
    return out;
  }

  /**
   * A channel's marginal ROI interval: its bootstrap percentile interval, or with {@code -Dseparation=roi} the
   * marginal ROI scaled by the ROI interval relative to the ROI (the level's uncertainty, which the ROI interval's
   * profile part covers and the refits from the estimate do not, carried over to the marginal return).
   */
  private static double[] marginalInterval(ChannelEffect effect) {
    if (!"roi".equals(System.getProperty("separation")) || effect.roi() <= 0) {
      return new double[] {effect.marginalRoiInterval().lower(), effect.marginalRoiInterval().upper()};
    }
    double scale = effect.marginalRoi() / effect.roi();
    return new double[] {effect.roiInterval().lower() * scale, effect.roiInterval().upper() * scale};
  }

  /** The current total spend per period. */
  static double budget(MixWorld world) {
    double budget = 0;
    for (int c = 0; c < world.channels().size(); c++) {
      budget += world.meanSpend(c);
    }
    return budget;
  }

  /**
   * The recommendation's true gain over the true optimum's, for the current total budget per period and the
   * request's default bounds (half to twice each channel's current spend), and if {@code seen} also within
   * the range of spend the data saw (the 5th to 95th percentile of the true carried-over spend after the
   * first tenth of the periods, widened to the current spend), which the recommendation keeps to.
   */
  static double trueGainRatio(MixWorldSpec spec, MixWorld world, BudgetPlan plan, boolean seen,
      StringBuilder details) {
    int channels = world.channels().size();
    double budget = budget(world);
    DoubleUnaryOperator[] truth = new DoubleUnaryOperator[channels];
    double[] current = new double[channels];
    double[] recommended = new double[channels];
    double[] low = new double[channels];
    double[] high = new double[channels];
    for (int c = 0; c < channels; c++) {
      truth[c] = spec.channels().get(c)::steadyResponse;
      // the plan lists channels in the data's (alphabetical) order, the world in its own: matched by name
      String name = world.channels().get(c);
      ChannelAllocation line = plan.allocations().stream().filter(a -> a.channel().equals(name)).findFirst()
          .orElseThrow();
      current[c] = line.current();
      recommended[c] = line.recommended();
      low[c] = 0.5 * current[c];
      high[c] = 2 * current[c];
      if (seen) {
        double[] carried = spec.channels().get(c).carry(world.spend(c));
        double[] tail = java.util.Arrays.copyOfRange(carried, carried.length / 10, carried.length);
        java.util.Arrays.sort(tail);
        low[c] = Math.max(low[c], Math.min(current[c], quantile(tail, 0.05)));
        high[c] = Math.min(high[c], Math.max(current[c], quantile(tail, 0.95)));
      }
    }
    double[] best = TrueOptimum.best(truth, budget, low, high);
    for (int c = 0; c < channels; c++) {
      details.append(String.format(java.util.Locale.ROOT,
          "  %-13s spend per period %.0f: recommended %.0f, true optimum %.0f%n", world.channels().get(c),
          current[c], recommended[c], best[c]));
    }
    double ratio = (value(truth, recommended) - value(truth, current)) / (value(truth, best) - value(truth, current));
    details.append(String.format(java.util.Locale.ROOT, "  gain ratio %.3f%n", ratio));
    return ratio;
  }

  /** linear interpolation between order statistics of sorted values. */
  private static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int i = (int) Math.floor(h);
    return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
  }

  private static double value(DoubleUnaryOperator[] curves, double[] spend) {
    double sum = 0;
    for (int c = 0; c < curves.length; c++) {
      sum += curves[c].applyAsDouble(spend[c]);
    }
    return sum;
  }
}
