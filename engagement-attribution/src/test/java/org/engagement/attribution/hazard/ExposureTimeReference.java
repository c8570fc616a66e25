package org.engagement.attribution.hazard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.Journeys;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * The reference {@link ExposureHazardModel} is checked against: engagement-simulator's test diagnostic
 * {@code ExposureTimeHazard} (h-truth7, which found the late-channel bias), moved here when the model replaced it.
 * It holds a vector of exposures per journey and fits with BOBYQA, the plain way; the model sums the exposures,
 * groups the conversions by the terms on and fits by Newton. The horizon (journeys censored at the day of the
 * conversions' duration quantile) is found by sorting the durations, where the model counts them by day. Test
 * code; stateless.
 */
final class ExposureTimeReference {
  private static final double WEEK_MILLIS = 7 * 86_400_000.0;
  private static final long DAY_MILLIS = 86_400_000L;

  private ExposureTimeReference() {}

  /** Per channel of {@code index}, the conversions lost without it at the BOBYQA fit (unnormalised). */
  static double[] lostWithout(Journeys timed, ChannelIndex index, List<int[]> pairs) {
    int n = index.size();
    long horizon = horizon(timed);
    List<double[]> exposure = new ArrayList<>();
    List<double[]> atEnd = new ArrayList<>();
    for (int j = 0; j < timed.size(); j++) {
      if (timed.start(j) == timed.end(j)) {
        continue;
      }
      long[] first = new long[n];
      Arrays.fill(first, Long.MAX_VALUE);
      long last = Long.MIN_VALUE;
      for (int p = timed.start(j); p < timed.end(j); p++) {
        int c = index.id(timed.channels().name(timed.channelAt(p))).orElseThrow();
        first[c] = Math.min(first[c], timed.touchMillis(p));
        last = Math.max(last, timed.touchMillis(p));
      }
      long from = Arrays.stream(first).min().orElseThrow();
      long uncensored = timed.converted(j) ? timed.endMillis(j) : last;
      boolean within = uncensored - from <= horizon;
      long stop = within ? uncensored : from + horizon;
      double[] x = new double[1 + n + pairs.size()];
      double[] on = new double[x.length];
      x[0] = weeks(stop - from);
      on[0] = 1;
      for (int c = 0; c < n; c++) {
        if (first[c] <= stop) {
          x[1 + c] = weeks(stop - first[c]);
          on[1 + c] = 1;
        }
      }
      for (int k = 0; k < pairs.size(); k++) {
        long both = Math.max(first[pairs.get(k)[0]], first[pairs.get(k)[1]]);
        if (both <= stop) {
          x[1 + n + k] = weeks(stop - both);
          on[1 + n + k] = 1;
        }
      }
      exposure.add(x);
      if (timed.converted(j) && within) {
        atEnd.add(on);
      }
    }
    double[] theta = fit(exposure, atEnd, 1 + n + pairs.size());
    double[] lost = new double[n];
    for (double[] x : exposure) {
      double total = 0;
      for (int i = 0; i < x.length; i++) {
        total += theta[i] * x[i];
      }
      for (int c = 0; c < n; c++) {
        if (x[1 + c] > 0) {
          double without = total - theta[1 + c] * x[1 + c];
          for (int k = 0; k < pairs.size(); k++) {
            if (pairs.get(k)[0] == c || pairs.get(k)[1] == c) {
              without -= theta[1 + n + k] * x[1 + n + k];
            }
          }
          lost[c] += Math.exp(-without) - Math.exp(-total);
        }
      }
    }
    return lost;
  }

  /**
   * The horizon of journeys without repeat purchases, the plain way: the converted journeys' durations (first touch
   * to conversion) in whole days, sorted; the end of the day of the one at the quantile's rank.
   */
  private static long horizon(Journeys timed) {
    List<Long> days = new ArrayList<>();
    for (int j = 0; j < timed.size(); j++) {
      if (timed.converted(j) && timed.end(j) > timed.start(j)) {
        long from = Long.MAX_VALUE;
        for (int p = timed.start(j); p < timed.end(j); p++) {
          from = Math.min(from, timed.touchMillis(p));
        }
        days.add((timed.endMillis(j) - from) / DAY_MILLIS);
      }
    }
    Collections.sort(days);
    int rank = (int) Math.ceil(ExposureHazardModel.HORIZON_QUANTILE * days.size());
    return (days.get(Math.max(rank, 1) - 1) + 1) * DAY_MILLIS;
  }

  private static double weeks(long millis) {
    return Math.max(0, millis) / WEEK_MILLIS;
  }

  private static double[] fit(List<double[]> exposure, List<double[]> atEnd, int dimension) {
    double[] totals = new double[dimension];
    exposure.forEach(x -> {
      for (int i = 0; i < dimension; i++) {
        totals[i] += x[i];
      }
    });
    ObjectiveFunction minusLogLikelihood = new ObjectiveFunction(theta -> {
      double value = 0;
      for (int i = 0; i < dimension; i++) {
        value += theta[i] * totals[i];
      }
      for (double[] on : atEnd) {
        double hazard = 0;
        for (int i = 0; i < dimension; i++) {
          hazard += on[i] * theta[i];
        }
        value -= Math.log(Math.max(hazard, 1e-300));
      }
      return value;
    });
    double[] start = new double[dimension];
    Arrays.fill(start, 0.01);
    double[] lower = new double[dimension];
    lower[0] = 1e-9;
    double[] upper = new double[dimension];
    Arrays.fill(upper, 5);
    return new BOBYQAOptimizer(2 * dimension + 1, 0.005, 1e-10).optimize(new MaxEval(200_000),
        minusLogLikelihood, GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper)).getPoint();
  }
}
