package org.engagement.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.hazard.InteractionHazardModel;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * A diagnostic, not a model of the SDK: the additive hazard of {@code additive-hazard} (and the synergy pairs
 * {@code interaction-hazard} keeps) fitted in time instead of on channel sets, to show what the time-free fit
 * loses on channels that touch late ({@link LateChannelExposureTest}).
 *
 * <p>The hazard at time {@code t} of a journey is {@code h0 + Σ β_c [c touched by t] + Σ γ_ab [a and b touched
 * by t]} (per week; no carry-over decay). A journey is at risk from its first touch to its conversion, or, if it
 * did not convert, to its last touch (the journey's window end is the data's as-of instant, long after the person
 * left the market; the last touch is the last time they are known to have been in it). The log-likelihood
 * {@code Σ_converted ln h(end) − Σ_journeys Λ}, {@code Λ} the hazard integrated over the time at risk, is concave
 * and linear in the parameters inside {@code Λ}, so it is the sum of a log term per converting channel set and a
 * linear term in the summed exposures; BOBYQA maximises it with every parameter at least 0. A channel's credit is
 * {@code Σ_journeys exp(−(Λ − Λ_c)) − exp(−Λ)}, {@code Λ_c} its own and its pairs' part of {@code Λ} — the
 * conversions lost without it — shared out like {@code additive-hazard}'s.
 *
 * <p>What makes it differ from {@code additive-hazard}: the channel set of a journey that converted is cut at the
 * conversion, so a channel that touches from the third month on is missing from the sets of everyone who bought
 * before it could touch them, and present in the sets of those who were still undecided by then; the time-free fit
 * reads that as a weak channel. Here a channel counts only for the time after its first touch. Stateless.
 */
final class ExposureTimeHazard {
  private static final double WEEK_MILLIS = 7 * 86_400_000.0;
  private static final String SYNERGY = "synergy ";
  private static final String WITH = " with ";

  private ExposureTimeHazard() {}

  /** The credits on {@code journeys} (which must keep their touch times) with the pairs interaction-hazard keeps. */
  static AttributionResult attribute(JourneySet journeys) {
    Journeys timed = journeys.timed().orElseThrow(() -> new IllegalArgumentException("journeys without times"));
    ChannelIndex index = journeys.channels();
    List<int[]> pairs = new ArrayList<>();
    for (String term : InteractionHazardModel.create().keptTerms(journeys)) {
      String[] names = term.substring(SYNERGY.length()).split(WITH, 2);
      pairs.add(new int[] {index.id(names[0]).orElseThrow(), index.id(names[1]).orElseThrow()});
    }
    Exposures exposures = Exposures.of(timed, index, pairs);
    double[] theta = exposures.fit();
    double[] lost = exposures.lostWithout(theta);
    double sum = Arrays.stream(lost).sum();
    double[] conversions = new double[index.size()];
    double[] values = new double[index.size()];
    for (int c = 0; c < index.size(); c++) {
      conversions[c] = lost[c] / sum * journeys.totalConversions();
      values[c] = lost[c] / sum * journeys.totalValue();
    }
    return AttributionResult.of("exposure-time hazard (diagnostic)", journeys, conversions, values, true);
  }

  /**
   * Per journey the exposure (weeks at risk) of the baseline, each channel and each pair; per converting journey
   * which terms were on at its end.
   */
  private record Exposures(int channels, List<int[]> pairs, List<double[]> exposure, List<double[]> atEnd) {
    static Exposures of(Journeys timed, ChannelIndex index, List<int[]> pairs) {
      int n = index.size();
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
        long stop = timed.converted(j) ? timed.endMillis(j) : last;
        long from = Arrays.stream(first).min().orElseThrow();
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
        if (timed.converted(j)) {
          atEnd.add(on);
        }
      }
      return new Exposures(n, pairs, exposure, atEnd);
    }

    private static double weeks(long millis) {
      return Math.max(0, millis) / WEEK_MILLIS;
    }

    double[] fit() {
      int dimension = 1 + channels + pairs.size();
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

    double[] lostWithout(double[] theta) {
      double[] lost = new double[channels];
      for (double[] x : exposure) {
        double total = 0;
        for (int i = 0; i < x.length; i++) {
          total += theta[i] * x[i];
        }
        for (int c = 0; c < channels; c++) {
          if (x[1 + c] > 0) {
            double without = total - theta[1 + c] * x[1 + c];
            for (int k = 0; k < pairs.size(); k++) {
              if (pairs.get(k)[0] == c || pairs.get(k)[1] == c) {
                without -= theta[1 + channels + k] * x[1 + channels + k];
              }
            }
            lost[c] += Math.exp(-without) - Math.exp(-total);
          }
        }
      }
      return lost;
    }
  }
}
